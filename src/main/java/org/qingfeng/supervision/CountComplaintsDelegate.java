package org.qingfeng.supervision;

import static org.qingfeng.supervision.EarlyWarningScan.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.supervision.ComplaintStatistics.ComplaintCounts;
import org.springframework.stereotype.Component;

/**
 * 统计投诉数量: the figures of one department that the early-warning table decides on. They are local to the
 * department's assessment, and so is the table's result, so that history shows each department's own figures.
 */
@Component("countComplaints")
public class CountComplaintsDelegate implements JavaDelegate {

    private final ComplaintStatistics statistics;

    public CountComplaintsDelegate(ComplaintStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ComplaintCounts counts = statistics.of((String) execution.getVariable(DEPARTMENT_ID));
        execution.setVariableLocal(WINDOW_DAYS, counts.windowDays());
        execution.setVariableLocal(COMPLAINTS_IN_WINDOW, counts.inWindow());
        execution.setVariableLocal(LATEST_MONTH_LABEL, counts.latestMonthLabel());
        execution.setVariableLocal(COMPLAINTS_LATEST_MONTH, counts.latestMonthCount());
        execution.setVariableLocal(PREVIOUS_MONTH_LABEL, counts.previousMonthLabel());
        execution.setVariableLocal(COMPLAINTS_PREVIOUS_MONTH, counts.previousMonthCount());
        execution.setVariableLocal(COMPLAINT_RISE_PERCENT, counts.risePercent());
        // declared here so that the business rule task's result lands in this scope, not the scan's
        execution.setVariableLocal(EARLY_WARNING, null);
    }
}
