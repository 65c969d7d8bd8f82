package org.qingfeng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;

/** Timers and due dates that say "N working days" or name a working-day schedule, on the shipped holiday table. */
class WorkingDayBusinessCalendarsTest extends ProcessTestSupport {

    @Test
    void workingDaysSkipTheSpringFestivalAndCountItsMakeUpSaturday() {
        moveClockTo(LocalDateTime.of(2026, 2, 13, 10, 0)); // Friday before 春节
        // 14 Feb (Saturday, 调休) counts; 15–23 Feb are holidays
        assertThat(calendar("duration").resolveDuedate("3 working days")).isEqualTo(at(LocalDateTime.of(2026, 2, 25, 18, 0)));
        assertThat(calendar("dueDate").resolveDuedate("1 working day")).isEqualTo(at(LocalDateTime.of(2026, 2, 14, 18, 0)));
        // what stock Camunda understands still works
        assertThat(calendar("duration").resolveDuedate("PT1H")).isEqualTo(at(LocalDateTime.of(2026, 2, 13, 11, 0)));
        assertThat(calendar("dueDate").resolveDuedate("2026-03-01T08:00:00")).isNotNull();
    }

    @Test
    void schedulesLandOnTheFirstWorkingDayAfterHolidays() {
        BusinessCalendar cycle = calendar("cycle");
        moveClockTo(LocalDateTime.of(2026, 9, 30, 12, 0));
        // 国庆: 1–7 October off, so the first working day of October is the 8th
        assertThat(cycle.resolveDuedate("every month on working day 1 at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 9, 0)));
        moveClockTo(LocalDateTime.of(2025, 12, 31, 12, 0));
        // 元旦 2026: 1–3 January off, Sunday 4 January is a make-up working day
        assertThat(cycle.resolveDuedate("every month on working day 1 at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 1, 4, 9, 0)));
        assertThat(cycle.resolveDuedate("every half-year on working day 1 at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 1, 4, 9, 0)));
        moveClockTo(LocalDateTime.of(2026, 1, 4, 9, 0));
        assertThat(cycle.resolveDuedate("every half-year on working day 1 at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 7, 1, 9, 0)));
        // the Monday of 国庆 week is a holiday: that week's first working day is Thursday the 8th
        moveClockTo(LocalDateTime.of(2026, 10, 2, 12, 0));
        assertThat(cycle.resolveDuedate("every week on working day 1 at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 9, 0)));
        // cron still works (in the JVM's time zone, as in stock Camunda)
        assertThat(cycle.resolveDuedate("0 0 9 1 * ?")).isAfter(at(LocalDateTime.of(2026, 10, 31, 0, 0)))
                .isBefore(at(LocalDateTime.of(2026, 11, 2, 0, 0)));
    }

    @Test
    void aDailyScheduleRunsOnWorkingDaysOnly() {
        BusinessCalendar cycle = calendar("cycle");
        moveClockTo(LocalDateTime.of(2026, 9, 29, 8, 0));
        assertThat(cycle.resolveDuedate("every working day at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 9, 29, 9, 0)));
        // 国庆: from the last day of September straight to 8 October
        moveClockTo(LocalDateTime.of(2026, 9, 30, 9, 0));
        assertThat(cycle.resolveDuedate("every working day at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 9, 0)));
        // Saturday 10 October is a make-up working day, Sunday the 11th is not
        moveClockTo(LocalDateTime.of(2026, 10, 9, 10, 0));
        assertThat(cycle.resolveDuedate("every working day at 09:00")).isEqualTo(at(LocalDateTime.of(2026, 10, 10, 9, 0)));
        moveClockTo(LocalDateTime.of(2026, 10, 10, 9, 30));
        assertThat(cycle.resolveDuedate("Every working day at 9:00")).isEqualTo(at(LocalDateTime.of(2026, 10, 12, 9, 0)));
        assertThat(WorkingDaySchedule.parse("every working day at 09:00")).hasValueSatisfying(
                s -> assertThat(s.toString()).isEqualTo("every working day at 09:00"));
    }

    @Test
    void aTimerInAProcessWaitsWorkingDays() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("workingDayTimerProbe").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("waitTimer").timerWithDuration("2 working days")
                .userTask("afterTask").endEvent().done();
        Deployment deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("probe.bpmn", model).deploy();
        try {
            moveClockTo(LocalDateTime.of(2026, 9, 29, 15, 0)); // Tuesday before 国庆
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("workingDayTimerProbe");
            Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            // 30 September, then 8 October
            assertThat(timer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 18, 0)));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    private BusinessCalendar calendar(String name) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager()
                .getBusinessCalendar(name);
    }

}
