package org.qingfeng.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Keeps a record outside the engine in step with user tasks; called in the engine's transaction. */
public interface TaskProjection {

    /**
     * A task was created. It has no variables of its own yet: read the process's from {@code task.getExecution()}.
     * Asking the task makes the engine read the new task's variables from the database, one query for every task.
     */
    void taskCreated(DelegateTask task);

    /** @param filledIn the form fields the person filled in, by label */
    void taskCompleted(DelegateTask task, Map<String, Object> filledIn);
}
