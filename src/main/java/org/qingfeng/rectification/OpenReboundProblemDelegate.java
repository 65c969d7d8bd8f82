package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.springframework.stereotype.Component;

/**
 * A rebound (反弹) opens a new problem linked to the old one; it runs the whole loop again from registration and is
 * handled strictly (从严从重): it is registered at least one severity level above the old problem, in its category.
 * Used by the problem lifecycle's own revisit and by the half-year revisit campaign alike; it needs only the
 * variables {@code problemId} and {@code revisitFindings}. A problem rebounds once: found again by a second revisit,
 * it points to the problem its first rebound opened.
 */
@Component("openReboundProblem")
public class OpenReboundProblemDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Departments departments;
    private final Severities severities;

    public OpenReboundProblemDelegate(ProblemLedger ledger, LedgerRecords records, Departments departments,
            Severities severities) {
        this.ledger = ledger;
        this.records = records;
        this.departments = departments;
        this.severities = severities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long originId = ProblemContext.problemId(execution);
        ProblemRecord origin = ledger.find(originId).orElseThrow();
        ProblemRecord earlier = ledger.reboundSuccessor(originId).orElse(null);
        if (earlier != null) {
            // found again by a second revisit: the problem already carries on under its first rebound
            execution.setVariable(REBOUND_PROBLEM_NUMBER, earlier.number());
            records.reboundOpened(originId, earlier.id());
            return;
        }
        String department = origin.departmentId() == null ? null
                : departments.find(origin.departmentId()).map(Department::name).orElse(null);
        String severity = severities.raised(origin.severity());
        Map<String, Object> report = Variables.createVariables()
                .putValue(CHANNEL, ProblemLifecycle.Values.CHANNEL_REVISIT)
                .putValue(REPORTER_TYPE, "staff")
                .putValue(DEPARTMENT_HINT, department)
                .putValue(PROBLEM_DESCRIPTION, "【" + origin.number() + " 回头看反弹】"
                        + ProblemContext.string(execution, REVISIT_FINDINGS))
                .putValue(REBOUND_OF, originId)
                // the registration form opens with these; the registrar may go stricter, never milder
                .putValue(CATEGORY, origin.category())
                .putValue(SEVERITY, severity)
                .putValue(MINIMUM_SEVERITY, severity);
        ProcessInstance rebound = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY, report);
        String number = rebound.getBusinessKey();
        execution.setVariable(REBOUND_PROBLEM_NUMBER, number);
        records.reboundOpened(originId, ledger.findByNumber(number).orElseThrow().id());
        ledger.record(originId, EventType.REBOUND_OPENED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                "反弹问题已重新登记为 " + number + "，从严从重处理，严重程度不低于「" + severities.label(severity) + "」");
    }
}
