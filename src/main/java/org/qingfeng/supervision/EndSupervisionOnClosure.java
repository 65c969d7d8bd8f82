package org.qingfeng.supervision;

import org.camunda.bpm.engine.RuntimeService;
import org.qingfeng.rectification.ProblemClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A problem's closure (销号) ends its special supervision, in the closure's own transaction. Most problems have
 * none: correlating to all instances with the order's business key then simply finds nothing.
 */
@Component
public class EndSupervisionOnClosure {

    private final RuntimeService runtime;

    public EndSupervisionOnClosure(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    public void problemClosed(ProblemClosed closed) {
        runtime.createMessageCorrelation(SpecialSupervision.PROBLEM_CLOSED_MESSAGE)
                .processInstanceBusinessKey(SpecialSupervision.businessKey(closed.problemNumber()))
                .correlateAllWithResult();
    }
}
