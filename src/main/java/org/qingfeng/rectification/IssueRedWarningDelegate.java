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

/** 红牌预警 at the deadline; each missed deadline raises the escalation level of the interview that follows. */
@Component("issueRedWarning")
public class IssueRedWarningDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(IssueRedWarningDelegate.class);

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;

    public IssueRedWarningDelegate(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int level = ProblemContext.integer(execution, ESCALATION_LEVEL) + 1;
        execution.setVariable(WARNING_COLOUR, WarningColour.RED.name());
        execution.setVariable(ESCALATION_LEVEL, level);
        long id = ProblemContext.problemId(execution);
        ledger.raiseWarning(id, WarningColour.RED);
        ledger.escalate(id, level);
        records.reminder(id, LedgerRecords.ReminderKind.RED_WARNING, ProblemContext.date(execution, RECTIFICATION_DEADLINE));
        ledger.record(id, EventType.RED_WARNING, ProblemContext.SYSTEM, execution.getCurrentActivityId(),
                "整改时限 " + deadlines.display(ProblemContext.date(execution, RECTIFICATION_DEADLINE)) + " 已过，第" + level + "级约谈");
        LOG.info("red warning number={} escalationLevel={}", execution.getProcessBusinessKey(), level);
    }
}
