package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialSupervision.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 记录逾期未报: the cycle ended without a report. The miss is entered in the ledger and on the problem's timeline,
 * and the department's supervising leader (分管领导) is asked to interview the department head.
 */
@Component("recordMissedReport")
public class RecordMissedReportDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordMissedReportDelegate.class);

    private final SpecialSupervisions supervisions;
    private final SpecialSupervisionSettings settings;
    private final EngineDueDates dueDates;
    private final ProblemLedger ledger;
    private final Departments departments;
    private final Deadlines deadlines;

    public RecordMissedReportDelegate(SpecialSupervisions supervisions, SpecialSupervisionSettings settings,
            EngineDueDates dueDates, ProblemLedger ledger, Departments departments, Deadlines deadlines) {
        this.supervisions = supervisions;
        this.settings = settings;
        this.dueDates = dueDates;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ProblemContext.integer(execution, REPORT_ROUND);
        Date due = ProblemContext.date(execution, REPORT_DUE_AT);
        int missed = ProblemContext.integer(execution, MISSED_COUNT) + 1;
        supervisions.missed(RecordSupervisionReportDelegate.supervisionId(execution), round, due);
        String departmentId = ProblemContext.string(execution, RESPONSIBLE_DEPARTMENT);
        Department department = departments.find(departmentId)
                .orElseThrow(() -> new IllegalStateException("no department " + departmentId));
        String text = department.name() + "第" + round + "次督办进展应于 " + deadlines.display(due) + " 前报送，逾期未报（累计 "
                + missed + " 次）";
        execution.setVariable(MISSED_COUNT, missed);
        execution.setVariable(MISSED_ROUND, round);
        execution.setVariable(MISSED_REPORT_TEXT, text);
        execution.setVariable(INTERVIEWER_USER_ID, department.supervisingLeaderId());
        execution.setVariable(INTERVIEW_DUE_AT, dueDates.after(settings.interviewWithin(), ClockUtil.getCurrentTime()));
        ledger.record(ProblemContext.problemId(execution), EventType.SUPERVISION_REPORT_MISSED, ProblemContext.SYSTEM,
                execution.getCurrentActivityId(), text + "，由分管领导约谈科室负责人");
        LOG.info("special supervision report missed key={} round={} missed={}", execution.getProcessBusinessKey(), round, missed);
    }
}
