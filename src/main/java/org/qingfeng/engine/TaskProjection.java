package org.qingfeng.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Keeps a record outside the engine in step with user tasks; called in the engine's transaction. */
public interface TaskProjection {

    void taskCreated(DelegateTask task);

    /** @param filledIn the form fields the person filled in, by label */
    void taskCompleted(DelegateTask task, Map<String, Object> filledIn);
}
