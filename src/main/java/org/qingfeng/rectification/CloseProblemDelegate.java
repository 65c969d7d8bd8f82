package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 销号: closes the problem with the official reply and schedules the revisit (回头看). */
@Component("closeProblem")
public class CloseProblemDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CloseProblemDelegate.class);

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;

    public CloseProblemDelegate(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines,
            ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date closedAt = ClockUtil.getCurrentTime();
        Date deadline = ProblemContext.date(execution, RECTIFICATION_DEADLINE);
        boolean onTime = !closedAt.after(deadline);
        Date revisitDue = deadlines.revisitDue(closedAt);
        execution.setVariable(REVISIT_DUE_AT, revisitDue);
        long id = ProblemContext.problemId(execution);
        records.evaluationOutcome(id, true);
        ledger.close(id, ProblemContext.string(execution, OFFICIAL_REPLY), closedAt, onTime);
        ledger.enterStage(id, Stage.AWAITING_REVISIT);
        ledger.record(id, EventType.CLOSED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                (onTime ? "按期销号" : "逾期销号") + "，回头看时间 " + deadlines.display(revisitDue));
        events.publishEvent(new ProblemClosed(id, execution.getProcessBusinessKey()));
        LOG.info("problem closed number={} onTime={}", execution.getProcessBusinessKey(), onTime);
    }
}
