package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.DepartmentAccess;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 登记: fixes the claim and rectification deadlines (the registrar's date, or the DMN default in working days)
 * and routes the problem to the responsible department. A rebound may not be registered milder than its minimum.
 */
@Component("registerProblem")
public class RegisterProblemDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final Departments departments;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Severities severities;
    private final DepartmentAccess access;

    public RegisterProblemDelegate(ProblemLedger ledger, Departments departments, Deadlines deadlines,
            ApplicationEventPublisher events, Severities severities, DepartmentAccess access) {
        this.access = access;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
        this.events = events;
        this.severities = severities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String minimum = ProblemContext.string(execution, MINIMUM_SEVERITY);
        if (minimum != null && severities.isBelow(ProblemContext.string(execution, SEVERITY), minimum)) {
            throw new InvalidInputException(SEVERITY,
                    "反弹问题从严从重处理，严重程度不得低于「" + severities.label(minimum) + "」");
        }
        Department department = routeTo(execution, departments, access,
                ProblemContext.string(execution, RESPONSIBLE_DEPARTMENT));
        Object override = execution.getVariable(DEADLINE_OVERRIDE);
        Date deadline = override == null || override.toString().isBlank()
                ? DeadlineVariables.setInWorkingDays(execution, deadlines,
                        ProblemContext.ruleInt(execution, DEADLINE_RULE, RECTIFICATION_WORKING_DAYS))
                : DeadlineVariables.set(execution, deadlines, deadlines.futureDeadline(DEADLINE_OVERRIDE, "整改时限", override));
        Date claimDeadline = DeadlineVariables.setClaimInWorkingDays(execution, deadlines,
                ProblemContext.ruleInt(execution, DEADLINE_RULE, CLAIM_WORKING_DAYS));

        long id = ProblemContext.problemId(execution);
        ledger.register(id, ProblemContext.string(execution, CATEGORY), ProblemContext.string(execution, SEVERITY),
                department.id(), ProblemContext.string(execution, RESPONSIBLE_PERSON), claimDeadline, deadline);
        ledger.record(id, EventType.REGISTERED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                department.name() + "，整改时限 " + deadlines.display(deadline));
        events.publishEvent(new ProblemRegistered(id, execution.getProcessBusinessKey(), department.id(),
                ProblemContext.string(execution, CATEGORY)));
    }

    /**
     * Points the department's candidate groups at the chosen department, which must exist, and lets that department
     * (and no former one) read the problem's process instance and history.
     */
    static Department routeTo(DelegateExecution execution, Departments departments, DepartmentAccess access,
            String departmentId) {
        Department department = departments.find(departmentId)
                .orElseThrow(() -> new InvalidInputException(RESPONSIBLE_DEPARTMENT, "责任科室不存在：" + departmentId));
        execution.setVariable(DEPARTMENT_GROUP, department.staffGroup());
        execution.setVariable(DEPARTMENT_HEAD_GROUP, department.headGroup());
        access.routeTo(execution.getProcessInstanceId(), department);
        return department;
    }
}
