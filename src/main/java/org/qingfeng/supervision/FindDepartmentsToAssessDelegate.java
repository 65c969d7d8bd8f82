package org.qingfeng.supervision;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 筛选待研判科室: every department is assessed except those that have an open letter, got one within the window or
 * got one this month — a department is never warned twice for the same complaints.
 */
@Component("findDepartmentsToAssess")
public class FindDepartmentsToAssessDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(FindDepartmentsToAssessDelegate.class);

    private final IntegrityLetters letters;
    private final EarlyWarningSettings settings;
    private final BusinessClock clock;

    public FindDepartmentsToAssessDelegate(IntegrityLetters letters, EarlyWarningSettings settings, BusinessClock clock) {
        this.letters = letters;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZonedDateTime now = clock.now();
        List<String> departments = letters.departmentsToAssess(now.minusDays(settings.windowDays()).toInstant(),
                IntegrityLetters.periodKey(now));
        execution.setVariable(EarlyWarningScan.Variables.DEPARTMENT_IDS, new ArrayList<>(departments));
        LOG.info("early warning scan departments={}", departments.size());
    }
}
