package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 约谈记录 of a department interview, and the accountability the interviewer decided, into the ledger. */
@Component("recordDepartmentInterview")
public class RecordDepartmentInterviewDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordDepartmentInterviewDelegate.class);

    private final SupervisionRecords records;
    private final Departments departments;

    public RecordDepartmentInterviewDelegate(SupervisionRecords records, Departments departments) {
        this.records = records;
        this.departments = departments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long reviewId = ((Number) execution.getVariable(REVIEW_ID)).longValue();
        String actor = ProblemContext.actor(execution);
        records.interviewRecorded(reviewId, actor, ProblemContext.string(execution, INTERVIEW_TIME),
                ProblemContext.string(execution, INTERVIEW_PLACE), ProblemContext.string(execution, INTERVIEW_FINDINGS),
                ProblemContext.string(execution, INTERVIEW_COMMITMENTS));
        Department department = departments.find((String) execution.getVariable(DEPARTMENT_ID)).orElseThrow();
        AccountabilityMeasure.fromValue(execution.getVariable(ACCOUNTABILITY_MEASURE)).ifPresent(measure ->
                records.accountability(measure, department.id(), department.headUserId(), null, reviewId,
                        AccountabilityMeasure.DecidedIn.DEPARTMENT_INTERVIEW,
                        ProblemContext.string(execution, ACCOUNTABILITY_REASON), actor));
        LOG.info("department interview recorded department={} month={}", department.id(), execution.getVariable(REVIEW_MONTH));
    }
}
