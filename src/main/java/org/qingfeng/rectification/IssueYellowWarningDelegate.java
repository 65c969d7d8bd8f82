package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.WarningColour;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 黄牌预警 with a reminder (催办) to the department, some working days before the deadline. */
@Component("issueYellowWarning")
public class IssueYellowWarningDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(IssueYellowWarningDelegate.class);

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;

    public IssueYellowWarningDelegate(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object colour = execution.getVariable(WARNING_COLOUR);
        if (colour == null || WarningColour.NONE.name().equals(colour)) {
            execution.setVariable(WARNING_COLOUR, WarningColour.YELLOW.name());
        }
        execution.setVariable(REMINDER_COUNT, ProblemContext.integer(execution, REMINDER_COUNT) + 1);
        long id = ProblemContext.problemId(execution);
        ledger.raiseWarning(id, WarningColour.YELLOW);
        ledger.countReminder(id);
        records.reminder(id, LedgerRecords.ReminderKind.YELLOW_WARNING, ProblemContext.date(execution, RECTIFICATION_DEADLINE));
        ledger.record(id, EventType.YELLOW_WARNING, ProblemContext.SYSTEM, execution.getCurrentActivityId(),
                "整改时限 " + deadlines.display(ProblemContext.date(execution, RECTIFICATION_DEADLINE)) + " 临近，已催办");
        LOG.info("yellow warning number={}", execution.getProcessBusinessKey());
    }
}
