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
                "满意度未达标（" + rates(execution) + "），重新整改至 " + deadlines.display(deadline));
    }

    /** The rates the decision compared; versions deployed before the ratings counted compared the survey alone. */
    private static String rates(DelegateExecution execution) {
        String rates = "内部 " + RecipientSatisfaction.plain(execution.getVariable(INTERNAL_SATISFACTION)) + "%";
        Object recipient = execution.hasVariable(COMBINED_RECIPIENT_SATISFACTION)
                ? execution.getVariable(COMBINED_RECIPIENT_SATISFACTION) : execution.getVariable(RECIPIENT_SATISFACTION);
        return recipient == null ? rates : rates + "，服务对象 " + RecipientSatisfaction.plain(recipient) + "%";
    }
}
