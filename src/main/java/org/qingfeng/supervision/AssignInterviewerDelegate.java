package org.qingfeng.supervision;

import static org.qingfeng.supervision.EscalationInterview.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns the interviewer role chosen by the escalation-routing table into the people who get the tasks:
 * the department's own supervising leader (分管领导), the main leaders, or discipline inspection.
 */
@Component("assignInterviewer")
public class AssignInterviewerDelegate implements JavaDelegate {

    private final Departments departments;
    private final Deadlines deadlines;

    public AssignInterviewerDelegate(Departments departments, Deadlines deadlines) {
        this.departments = departments;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> route = (Map<String, Object>) execution.getVariable(INTERVIEW_ROUTE);
        String role = (String) route.get(INTERVIEWER_ROLE);
        Department department = departments
                .find(ProblemContext.string(execution, ProblemLifecycle.Variables.RESPONSIBLE_DEPARTMENT))
                .orElseThrow(() -> new IllegalStateException("problem has no responsible department"));
        Interviewer interviewer = Interviewer.forRole(role, department);
        execution.setVariable(INTERVIEWER_GROUP, interviewer.group());
        execution.setVariable(INTERVIEWER_USER_ID, interviewer.userId());
        execution.setVariable(INTERVIEW_TITLE, route.get(INTERVIEW_TITLE) + "（" + department.name() + "）");
        execution.setVariable(MISSED_DEADLINE_TEXT, deadlines.display(ProblemContext.date(execution, MISSED_DEADLINE)));
        // the interview form opens with the routing table's suggested new deadline; the interviewer may change it
        execution.setVariable(NEW_DEADLINE, deadlines.toLocalDate(deadlines.afterWorkingDays(
                ((Number) route.get(NEW_DEADLINE_WORKING_DAYS)).intValue())).toString());
    }
}
