package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.DepartmentAccess;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/**
 * After the work-style office has reviewed a return (退回): the problem goes back to the same department or to
 * the one it was reassigned to, with a fresh claim deadline.
 */
@Component("confirmResponsibility")
public class ConfirmResponsibilityDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final Departments departments;
    private final Deadlines deadlines;
    private final DepartmentAccess access;

    public ConfirmResponsibilityDelegate(ProblemLedger ledger, Departments departments, Deadlines deadlines,
            DepartmentAccess access) {
        this.access = access;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Department department = RegisterProblemDelegate.routeTo(execution, departments, access,
                ProblemContext.string(execution, RESPONSIBLE_DEPARTMENT));
        Date claimDeadline = DeadlineVariables.setClaimInWorkingDays(execution, deadlines,
                ProblemContext.ruleInt(execution, DEADLINE_RULE, CLAIM_WORKING_DAYS));
        long id = ProblemContext.problemId(execution);
        ledger.assignDepartment(id, department.id(), claimDeadline);
        String decision = ProblemLifecycle.Values.REASSIGN.equals(ProblemContext.string(execution, RETURN_REVIEW_DECISION))
                ? "改派" : "维持";
        ledger.record(id, EventType.RESPONSIBILITY_CONFIRMED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                decision + "：" + department.name());
    }
}
