package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/** A rebound (反弹) opens a new problem linked to the old one; it runs the whole loop again from registration. */
@Component("openReboundProblem")
public class OpenReboundProblemDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Departments departments;

    public OpenReboundProblemDelegate(ProblemLedger ledger, LedgerRecords records, Departments departments) {
        this.ledger = ledger;
        this.records = records;
        this.departments = departments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long originId = ProblemContext.problemId(execution);
        String department = departments.find(ProblemContext.string(execution, RESPONSIBLE_DEPARTMENT))
                .map(d -> d.name()).orElse(null);
        Map<String, Object> report = Variables.createVariables()
                .putValue(CHANNEL, ProblemLifecycle.Values.CHANNEL_REVISIT)
                .putValue(REPORTER_TYPE, "staff")
                .putValue(DEPARTMENT_HINT, department)
                .putValue(PROBLEM_DESCRIPTION, "【" + execution.getProcessBusinessKey() + " 回头看反弹】"
                        + ProblemContext.string(execution, REVISIT_FINDINGS))
                .putValue(REBOUND_OF, originId);
        ProcessInstance rebound = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY, report);
        String number = rebound.getBusinessKey();
        execution.setVariable(REBOUND_PROBLEM_NUMBER, number);
        records.reboundOpened(originId, ledger.findByNumber(number).orElseThrow().id());
        ledger.record(originId, EventType.REBOUND_OPENED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                "反弹问题已重新登记为 " + number);
    }
}
