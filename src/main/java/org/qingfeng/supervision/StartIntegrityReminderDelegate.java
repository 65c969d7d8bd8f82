package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 发起廉洁提醒函: starts the department's letter, in the scan's transaction, with the letter number as business
 * key and the early-warning table's reason. The letter's own first step registers it under the ledger's unique keys.
 */
@Component("startIntegrityReminder")
public class StartIntegrityReminderDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(StartIntegrityReminderDelegate.class);

    private final BusinessClock clock;

    public StartIntegrityReminderDelegate(BusinessClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String departmentId = (String) execution.getVariable(EarlyWarningScan.Variables.DEPARTMENT_ID);
        @SuppressWarnings("unchecked")
        Map<String, Object> warning = (Map<String, Object>) execution.getVariable(EarlyWarningScan.Variables.EARLY_WARNING);
        String number = IntegrityLetter.number(departmentId, IntegrityLetters.periodKey(clock.now()));
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(IntegrityReminder.WARNING_RAISED_MESSAGE)
                .processInstanceBusinessKey(number)
                .setVariable(DEPARTMENT_ID, departmentId)
                .setVariable(WARNING_REASON, warning.get(EarlyWarningScan.Variables.REASON))
                .setVariable(WARNING_ORIGIN, IntegrityReminder.Values.ORIGIN_SCAN)
                .correlateStartMessage();
        LOG.info("early warning raised department={} letter={}", departmentId, number);
    }
}
