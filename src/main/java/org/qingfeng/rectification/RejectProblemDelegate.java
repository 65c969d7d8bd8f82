package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/** 不予登记: the ledger keeps the report with its reason. */
@Component("rejectProblem")
public class RejectProblemDelegate implements JavaDelegate {

    private final ProblemLedger ledger;

    public RejectProblemDelegate(ProblemLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProblemContext.problemId(execution);
        String reason = ProblemContext.string(execution, REJECTION_REASON);
        ledger.reject(id, reason);
        ledger.record(id, EventType.REJECTED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                reason + ": " + ProblemContext.string(execution, REJECTION_COMMENT));
    }
}
