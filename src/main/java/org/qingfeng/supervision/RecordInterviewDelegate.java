package org.qingfeng.supervision;

import static org.qingfeng.supervision.EscalationInterview.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 约谈记录: findings, commitments and the new deadline go into the problem's ledger timeline. */
@Component("recordInterview")
public class RecordInterviewDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordInterviewDelegate.class);

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;

    public RecordInterviewDelegate(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date newDeadline = deadlines.futureDeadline(NEW_DEADLINE, "新的整改时限", execution.getVariable(NEW_DEADLINE));
        long id = ProblemContext.problemId(execution);
        records.interview(id, ProblemContext.integer(execution, ESCALATION_LEVEL), ProblemContext.string(execution, INTERVIEW_TITLE),
                ProblemContext.actor(execution), ProblemContext.string(execution, INTERVIEW_TIME),
                ProblemContext.string(execution, INTERVIEW_PLACE), ProblemContext.string(execution, INTERVIEW_FINDINGS),
                ProblemContext.string(execution, INTERVIEW_COMMITMENTS), newDeadline);
        ledger.record(id, EventType.INTERVIEW_RECORDED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                execution.getVariable(INTERVIEW_TITLE) + "；约谈时间 " + execution.getVariable(INTERVIEW_TIME)
                        + "；指出问题：" + execution.getVariable(INTERVIEW_FINDINGS)
                        + "；整改承诺：" + execution.getVariable(INTERVIEW_COMMITMENTS)
                        + "；新的整改时限 " + deadlines.display(newDeadline));
        LOG.info("escalation interview recorded number={} level={}", execution.getProcessBusinessKey(),
                execution.getVariable(ESCALATION_LEVEL));
    }
}
