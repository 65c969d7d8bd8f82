package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 发现: enters a new report in the ledger, takes its ledger number as the business key and starts the
 * counters that must survive every loop of the problem.
 */
@Component("recordReport")
public class RecordReportListener implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RecordReportListener.class);
    /** Reports from these reporters are rated by service recipients as well (双满意度). */
    private static final Set<String> EXTERNAL_REPORTERS = Set.of("public", "enterprise");

    private final ProblemLedger ledger;

    public RecordReportListener(ProblemLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String reporterType = ProblemContext.string(execution, REPORTER_TYPE);
        boolean external = EXTERNAL_REPORTERS.contains(reporterType);
        String receivedBy = ProblemContext.string(execution, REPORTED_BY);
        if (receivedBy == null) {
            receivedBy = ProblemContext.actor(execution);
        }
        Object reboundOf = execution.getVariable(REBOUND_OF);
        Object reportedAt = execution.getVariable(REPORTED_AT);
        ProblemLedger.Numbered problem = ledger.report(new NewReport(
                ProblemContext.string(execution, CHANNEL),
                reporterType,
                external,
                ProblemContext.string(execution, PROBLEM_DESCRIPTION),
                ProblemContext.string(execution, PLACE),
                ProblemContext.string(execution, DEPARTMENT_HINT),
                receivedBy,
                reportedAt instanceof Date date ? date : ClockUtil.getCurrentTime(),
                reboundOf == null ? null : ((Number) reboundOf).longValue()), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(problem.number());
        execution.setVariable(PROBLEM_ID, problem.id());
        execution.setVariable(PROBLEM_NUMBER, problem.number());
        // warningColour, reminderCount, extensionCount and escalationLevel are set when they first change: an absent
        // counter is 0 and an absent colour is none (ProblemContext.integer; the ledger row holds all four anyway)
        LOG.info("problem reported number={} channel={}", problem.number(), execution.getVariable(CHANNEL));
    }
}
