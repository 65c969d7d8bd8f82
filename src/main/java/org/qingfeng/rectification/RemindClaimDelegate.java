package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.REMINDER_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 催办签收: the department has not claimed the problem in time; the claim task stays open. */
@Component("remindClaim")
public class RemindClaimDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RemindClaimDelegate.class);

    private final ProblemLedger ledger;
    private final LedgerRecords records;

    public RemindClaimDelegate(ProblemLedger ledger, LedgerRecords records) {
        this.ledger = ledger;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProblemContext.problemId(execution);
        execution.setVariable(REMINDER_COUNT, ProblemContext.integer(execution, REMINDER_COUNT) + 1);
        ledger.countReminder(id);
        records.reminder(id, LedgerRecords.ReminderKind.CLAIM_OVERDUE,
                ProblemContext.date(execution, ProblemLifecycle.Variables.CLAIM_DEADLINE));
        ledger.record(id, EventType.CLAIM_REMINDER, ProblemContext.SYSTEM, execution.getCurrentActivityId(), "签收超时催办");
        LOG.info("claim overdue, reminder sent number={}", execution.getProcessBusinessKey());
    }
}
