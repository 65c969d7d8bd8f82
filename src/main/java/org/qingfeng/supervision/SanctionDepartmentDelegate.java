package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import java.time.YearMonth;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.rectification.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 连续整改不力: the department loses award eligibility (取消评优) for the reviewed year, and its head goes on the
 * work-style watch list (作风观察名单) until a deadline, watched by a process of its own.
 */
@Component("sanctionDepartment")
public class SanctionDepartmentDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SanctionDepartmentDelegate.class);

    private final SupervisionRecords records;
    private final Departments departments;
    private final Deadlines deadlines;

    public SanctionDepartmentDelegate(SupervisionRecords records, Departments departments, Deadlines deadlines) {
        this.records = records;
        this.departments = departments;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> consequence = (Map<String, Object>) execution.getVariable(CONSEQUENCE);
        YearMonth month = YearMonth.parse((String) execution.getVariable(REVIEW_MONTH));
        long reviewId = ((Number) execution.getVariable(REVIEW_ID)).longValue();
        Department department = departments.find((String) execution.getVariable(DEPARTMENT_ID)).orElseThrow();
        String reason = "连续" + execution.getVariable(CONSECUTIVE_FAILURES) + "次月度台账审核整改率未达标（" + month + "）";
        if (records.disqualify(department.id(), month.getYear(), reviewId, reason)) {
            records.accountability(AccountabilityMeasure.AWARD_DISQUALIFICATION, department.id(), department.headUserId(),
                    null, reviewId, AccountabilityMeasure.DecidedIn.CONSECUTIVE_FAILURES, reason + "，取消科室" + month.getYear()
                            + "年度评优资格", "system");
        }
        if (department.headUserId() != null && records.openWatchListEntry(department.headUserId()).isEmpty()) {
            int months = ((Number) consequence.get("watchListMonths")).intValue();
            Date until = deadlines.endOfWorkingDayFrom(deadlines.today().plusMonths(months));
            long entryId = records.listOnWatchList(department.id(), department.headUserId(), reason + "，限期整改", reviewId, until);
            String instanceId = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(MonthlyReview.OBSERVATION_PROCESS_KEY, "GC-" + entryId, Variables.createVariables()
                            .putValue(WATCH_LIST_ENTRY_ID, entryId)
                            .putValue(DEPARTMENT_ID, department.id())
                            .putValue(OBSERVE_UNTIL, until))
                    .getId();
            records.watchListProcess(entryId, instanceId);
        }
        LOG.info("department sanctioned department={} month={}", department.id(), month);
    }
}
