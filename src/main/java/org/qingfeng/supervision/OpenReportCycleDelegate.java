package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialSupervision.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.DepartmentAccess;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/**
 * 开启本期报送: the next cycle ends one cycle length after the previous one ended (the first, after the order), so
 * the reporting days stay fixed whether a report came early or not at all. The report goes to the department
 * responsible for the problem now, which may have changed since the order.
 */
@Component("openReportCycle")
public class OpenReportCycleDelegate implements JavaDelegate {

    private final SpecialSupervisions supervisions;
    private final SpecialSupervisionSettings settings;
    private final EngineDueDates dueDates;
    private final ProblemLedger ledger;
    private final Departments departments;
    private final Deadlines deadlines;
    private final DepartmentAccess access;

    public OpenReportCycleDelegate(SpecialSupervisions supervisions, SpecialSupervisionSettings settings,
            EngineDueDates dueDates, ProblemLedger ledger, Departments departments, Deadlines deadlines,
            DepartmentAccess access) {
        this.supervisions = supervisions;
        this.settings = settings;
        this.dueDates = dueDates;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date previousDue = ProblemContext.date(execution, REPORT_DUE_AT);
        Date due = dueDates.after(settings.reportCycles().get(ProblemContext.string(execution, REPORT_CYCLE)),
                previousDue == null ? ClockUtil.getCurrentTime() : previousDue);
        String departmentId = ledger.find(ProblemContext.problemId(execution)).orElseThrow().departmentId();
        Department department = departments.find(departmentId)
                .orElseThrow(() -> new IllegalStateException("no department " + departmentId));
        execution.setVariable(REPORT_ROUND, ProblemContext.integer(execution, REPORT_ROUND) + 1);
        execution.setVariable(REPORT_DUE_AT, due);
        execution.setVariable(REPORT_DUE_TEXT, deadlines.display(due));
        execution.setVariable(RESPONSIBLE_DEPARTMENT, department.id());
        execution.setVariable(DEPARTMENT_NAME, department.name());
        execution.setVariable(DEPARTMENT_GROUP, department.staffGroup());
        access.routeTo(execution.getProcessInstanceId(), department);
        supervisions.cycleOpened(((Number) execution.getVariable(SUPERVISION_ID)).longValue(), due);
    }
}
