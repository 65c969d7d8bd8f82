package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.supervision.SupervisionRecords.DepartmentReview;
import org.springframework.stereotype.Component;

/** Loads the department's result in the month's review, which the review-consequence table then reads. */
@Component("prepareDepartmentInterview")
public class PrepareDepartmentInterviewDelegate implements JavaDelegate {

    private final SupervisionRecords records;
    private final Departments departments;

    public PrepareDepartmentInterviewDelegate(SupervisionRecords records, Departments departments) {
        this.records = records;
        this.departments = departments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.parse((String) execution.getVariable(REVIEW_MONTH));
        String departmentId = (String) execution.getVariable(DEPARTMENT_ID);
        DepartmentReview review = records.review(month, departmentId)
                .orElseThrow(() -> new IllegalStateException("no review of " + departmentId + " for " + month));
        Department department = departments.find(departmentId).orElseThrow();
        execution.setProcessBusinessKey("YT-" + month + "-" + departmentId);
        execution.setVariable(REVIEW_ID, review.id());
        execution.setVariable(CONSECUTIVE_FAILURES, review.consecutiveFailures());
        execution.setVariable("departmentName", department.name());
        execution.setVariable(REVIEW_FIGURES, month.getYear() + "年" + month.getMonthValue() + "月：到期问题 " + review.due()
                + " 件，已销号 " + review.closed() + " 件，整改率 " + ReviewDepartmentsDelegate.percent(review.rate())
                + "，低于达标线 " + String.format("%.0f%%", review.threshold() * 100) + "；连续未达标 "
                + review.consecutiveFailures() + " 次");
    }
}
