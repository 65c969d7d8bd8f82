package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/** 延期申请 approved: moves the deadline and re-arms the deadline watch for it. */
@Component("extendDeadline")
public class ExtendDeadlineDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final Deadlines deadlines;

    public ExtendDeadlineDelegate(ProblemLedger ledger, Deadlines deadlines) {
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date deadline = deadlines.futureDeadline(REQUESTED_DEADLINE, "申请延期至", execution.getVariable(REQUESTED_DEADLINE));
        DeadlineVariables.set(execution, deadlines, deadline);
        execution.setVariable(EXTENSION_COUNT, ProblemContext.integer(execution, EXTENSION_COUNT) + 1);
        long id = ProblemContext.problemId(execution);
        ledger.extendDeadline(id, deadline);
        ledger.record(id, EventType.DEADLINE_EXTENDED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                "延期至 " + deadlines.display(deadline));
        DeadlineWatch.rearm(execution);
    }
}
