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
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.stereotype.Component;

/** 约谈记录: findings, commitments and the new deadline go into the problem's ledger timeline. */
@Component("recordInterview")
public class RecordInterviewDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordInterviewDelegate.class);

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;
    private final SupervisionRecords supervision;
    private final Departments departments;

    public RecordInterviewDelegate(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines,
                                   SupervisionRecords supervision, Departments departments) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
        this.supervision = supervision;
        this.departments = departments;
    }

    /** The accountability the interviewer decided for the department head, kept in the ledger; its timeline words. */
    private String accountability(DelegateExecution execution, long problemId) {
        return AccountabilityMeasure.fromValue(execution.getVariable(MonthlyReview.Variables.ACCOUNTABILITY_MEASURE)).map(measure -> {
            Department department = departments.find(ProblemContext.string(execution,
                    ProblemLifecycle.Variables.RESPONSIBLE_DEPARTMENT)).orElseThrow();
            String reason = ProblemContext.string(execution, MonthlyReview.Variables.ACCOUNTABILITY_REASON);
            supervision.accountability(measure, department.id(), department.headUserId(), problemId, null,
                    AccountabilityMeasure.DecidedIn.PROBLEM_INTERVIEW, reason, ProblemContext.actor(execution));
            return "；问责：" + measure.label() + "（" + reason + "）";
        }).orElse("");
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
                        + "；新的整改时限 " + deadlines.display(newDeadline)
                        + accountability(execution, id));
        LOG.info("escalation interview recorded number={} level={}", execution.getProcessBusinessKey(),
                execution.getVariable(ESCALATION_LEVEL));
    }
}
