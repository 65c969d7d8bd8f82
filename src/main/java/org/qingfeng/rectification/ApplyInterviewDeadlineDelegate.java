package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/** The new deadline committed to in the escalation interview becomes the rectification deadline. */
@Component("applyInterviewDeadline")
public class ApplyInterviewDeadlineDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final Deadlines deadlines;

    public ApplyInterviewDeadlineDelegate(ProblemLedger ledger, Deadlines deadlines) {
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date deadline = deadlines.endOf(java.time.LocalDate.parse(ProblemContext.string(execution, INTERVIEW_DEADLINE)));
        DeadlineVariables.set(execution, deadlines, deadline);
        long id = ProblemContext.problemId(execution);
        ledger.setDeadline(id, deadline);
        ledger.record(id, EventType.DEADLINE_SET_BY_INTERVIEW, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                "约谈后整改时限 " + deadlines.display(deadline));
    }
}
