package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/**
 * Satisfaction below the threshold: the same problem goes back to planning with a fresh rectification period.
 * Warning colour, reminder and escalation counts are kept.
 */
@Component("reopenRectification")
public class ReopenRectificationDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;

    public ReopenRectificationDelegate(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date deadline = DeadlineVariables.setInWorkingDays(execution, deadlines,
                ProblemContext.ruleInt(execution, DEADLINE_RULE, RECTIFICATION_WORKING_DAYS));
        long id = ProblemContext.problemId(execution);
        records.evaluationOutcome(id, false);
        ledger.reopen(id, deadline);
        ledger.record(id, EventType.RECTIFICATION_REOPENED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                "满意度未达标（内部 " + execution.getVariable(INTERNAL_SATISFACTION) + "%，服务对象 "
                        + execution.getVariable(RECIPIENT_SATISFACTION) + "%），重新整改至 " + deadlines.display(deadline));
    }
}
