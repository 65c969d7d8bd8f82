package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.springframework.stereotype.Component;

/**
 * Names the interviewer the review-consequence table chose (分管领导约谈科室负责人 by default) and books the
 * interview in the ledger, one per department and month.
 */
@Component("assignDepartmentInterviewer")
public class AssignDepartmentInterviewerDelegate implements JavaDelegate {

    private final SupervisionRecords records;
    private final Departments departments;

    public AssignDepartmentInterviewerDelegate(SupervisionRecords records, Departments departments) {
        this.records = records;
        this.departments = departments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> consequence = (Map<String, Object>) execution.getVariable(CONSEQUENCE);
        Department department = departments.find((String) execution.getVariable(DEPARTMENT_ID)).orElseThrow();
        Interviewer interviewer = Interviewer.forRole((String) consequence.get("interviewerRole"), department);
        String title = consequence.get("interviewTitle") + "（" + department.name() + "）";
        execution.setVariable(INTERVIEWER_GROUP, interviewer.group());
        execution.setVariable(INTERVIEWER_USER_ID, interviewer.userId());
        execution.setVariable(INTERVIEW_TITLE, title);
        execution.setVariable(SANCTION, Boolean.TRUE.equals(consequence.get("sanction")));
        records.interviewScheduled(((Number) execution.getVariable(REVIEW_ID)).longValue(),
                YearMonth.parse((String) execution.getVariable(REVIEW_MONTH)), department.id(), title,
                department.headUserId(), execution.getProcessInstanceId());
    }
}
