package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/** The party committee's opinion on the month's bulletin, and any accountability it decides (问责). */
@Component("recordReviewDecision")
public class RecordReviewDecisionDelegate implements JavaDelegate {

    private final SupervisionRecords records;
    private final Departments departments;

    public RecordReviewDecisionDelegate(SupervisionRecords records, Departments departments) {
        this.records = records;
        this.departments = departments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String actor = ProblemContext.actor(execution);
        records.committeeOpinion(execution.getProcessInstanceId(), ProblemContext.string(execution, REVIEW_OPINION), actor);
        AccountabilityMeasure.fromValue(execution.getVariable(ACCOUNTABILITY_MEASURE)).ifPresent(measure -> {
            String departmentId = ProblemContext.string(execution, ACCOUNTABILITY_DEPARTMENT);
            Department department = departments.find(departmentId == null ? "" : departmentId)
                    .orElseThrow(() -> new InvalidInputException(ACCOUNTABILITY_DEPARTMENT, "请选择被问责的科室"));
            records.accountability(measure, department.id(), department.headUserId(), null, null,
                    AccountabilityMeasure.DecidedIn.MONTHLY_REVIEW, ProblemContext.string(execution, ACCOUNTABILITY_REASON), actor);
        });
    }
}
