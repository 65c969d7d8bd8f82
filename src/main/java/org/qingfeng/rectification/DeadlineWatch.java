package org.qingfeng.rectification;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The deadline watch of a problem waits on timers computed from the deadline; a new deadline restarts it. */
final class DeadlineWatch {

    private DeadlineWatch() {
    }

    /**
     * Interrupts the watch so that it starts over with the current deadline. While an escalation interview is
     * running there is no watch to interrupt, and the interview's own new deadline takes over afterwards.
     */
    static void rearm(DelegateExecution execution) {
        rearm(execution.getProcessEngineServices().getRuntimeService(), execution.getProcessInstanceId());
    }

    /** The same from outside the process, e.g. when the working-day calendar has changed. */
    static void rearm(RuntimeService runtime, String processInstanceId) {
        runtime.createMessageCorrelation(ProblemLifecycle.DEADLINE_CHANGED_MESSAGE)
                .processInstanceId(processInstanceId)
                .correlateAll();
    }
}
