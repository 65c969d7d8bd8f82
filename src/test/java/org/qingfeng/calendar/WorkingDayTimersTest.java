package org.qingfeng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Timers and due dates of any process that say "N working days" or name a working-day schedule follow a change of
 * the calendar: here, Thursday 8 October 2026 is declared part of the National Day holiday and then given back.
 */
class WorkingDayTimersTest extends ProcessTestSupport {

    private static final LocalDate OCTOBER_8 = LocalDate.of(2026, 10, 8);

    @Autowired
    CalendarAdministration administration;
    @Autowired
    CalendarDays days;

    private Deployment deployment;

    @BeforeEach
    void deployProbes() {
        moveClockTo(LocalDateTime.of(2026, 9, 29, 15, 0)); // Tuesday before 国庆
        deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("duration.bpmn", waiting("recountDurationProbe", "2 working days"))
                .addModelInstance("reference.bpmn", waiting("recountReferenceProbe", "${delay}"))
                .addModelInstance("computed.bpmn", waiting("recountComputedProbe", "${workingDays.after(2)}"))
                .addModelInstance("task.bpmn", Bpmn.createExecutableProcess("recountTaskProbe").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("answerTask").camundaDueDate("3 working days").endEvent().done())
                .addModelInstance("schedule.bpmn", Bpmn.createExecutableProcess("recountScheduleProbe").camundaHistoryTimeToLive(1)
                        .startEvent("monthlyStartEvent").timerWithCycle("every month on working day 1 at 09:00")
                        .userTask().endEvent().done())
                .deploy();
    }

    @AfterEach
    void removeProbes() {
        if (days.find(OCTOBER_8).isPresent()) {
            administration.resetDay("admin", OCTOBER_8);
        }
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void timersAndDueDatesCountedInWorkingDaysMoveWithTheCalendar() {
        ProcessInstance duration = start("recountDurationProbe");
        ProcessInstance reference = engine.getRuntimeService().startProcessInstanceByKey("recountReferenceProbe",
                Variables.createVariables().putValue("delay", "2 working days"));
        ProcessInstance computed = start("recountComputedProbe");
        ProcessInstance task = start("recountTaskProbe");
        ProcessInstance byHand = start("recountDurationProbe");
        Date chosen = at(LocalDateTime.of(2026, 10, 8, 12, 0));
        management().setJobDuedate(job(byHand).getId(), chosen);

        // 30 September, then 8 October; the task: 30 September, 8 and 9 October; the schedule: October's first working day
        Date eighth = at(LocalDateTime.of(2026, 10, 8, 18, 0));
        assertThat(job(duration).getDuedate()).isEqualTo(eighth);
        assertThat(job(reference).getDuedate()).isEqualTo(eighth);
        assertThat(job(computed).getDuedate()).isEqualTo(eighth);
        assertThat(dueDate(task)).isEqualTo(at(LocalDateTime.of(2026, 10, 9, 18, 0)));
        assertThat(scheduled().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 9, 0)));

        CalendarAdministration.Update update = administration.setDay("admin", OCTOBER_8,
                new CalendarAdministration.DayRequest(false, "国庆节", "测试：假期延长一天"));

        Date ninth = at(LocalDateTime.of(2026, 10, 9, 18, 0));
        assertThat(job(duration).getDuedate()).isEqualTo(ninth);
        assertThat(job(reference).getDuedate()).isEqualTo(ninth);
        // a date an expression computed, and a date set by hand, are not counted again
        assertThat(job(computed).getDuedate()).isEqualTo(eighth);
        assertThat(job(byHand).getDuedate()).isEqualTo(chosen);
        // 30 September, 9 October, Saturday 10 October (调休)
        assertThat(dueDate(task)).isEqualTo(at(LocalDateTime.of(2026, 10, 10, 18, 0)));
        assertThat(scheduled().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 9, 9, 0)));
        assertThat(update.recalculated().get("timers")).isGreaterThanOrEqualTo(3);
        assertThat(update.recalculated().get("taskDueDates")).isGreaterThanOrEqualTo(1);

        // given back, everything returns to where it was
        administration.resetDay("admin", OCTOBER_8);
        assertThat(job(duration).getDuedate()).isEqualTo(eighth);
        assertThat(job(reference).getDuedate()).isEqualTo(eighth);
        assertThat(dueDate(task)).isEqualTo(at(LocalDateTime.of(2026, 10, 9, 18, 0)));
        assertThat(scheduled().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 9, 0)));
    }

    @Test
    void timersAlreadyDueAreLeftAlone() {
        ProcessInstance duration = start("recountDurationProbe");
        moveClockTo(LocalDateTime.of(2026, 10, 8, 19, 0)); // the timer is due and waits for the job executor
        administration.setDay("admin", OCTOBER_8, new CalendarAdministration.DayRequest(false, "国庆节", "测试"));
        assertThat(job(duration).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 18, 0)));
    }

    @Test
    void aRenamedDayMovesNothing() {
        ProcessInstance duration = start("recountDurationProbe");
        LocalDate saturday = LocalDate.of(2026, 10, 10);
        CalendarDay original = days.find(saturday).orElseThrow();
        try {
            CalendarAdministration.Update update = administration.setDay("admin", saturday,
                    new CalendarAdministration.DayRequest(true, "国庆节、中秋节调休", original.source()));
            assertThat(update.changes()).hasSize(1);
            assertThat(update.recalculated()).isEmpty();
            assertThat(job(duration).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 18, 0)));
        } finally {
            administration.setDay("admin", saturday,
                    new CalendarAdministration.DayRequest(true, original.name(), original.source()));
        }
    }

    private static BpmnModelInstance waiting(String key, String duration) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("waitTimerEvent").timerWithDuration(duration)
                .userTask().endEvent().done();
    }

    private ProcessInstance start(String key) {
        return engine.getRuntimeService().startProcessInstanceByKey(key);
    }

    private ManagementService management() {
        return engine.getManagementService();
    }

    private Job job(ProcessInstance instance) {
        return management().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private Job scheduled() {
        return management().createJobQuery().processDefinitionKey("recountScheduleProbe").timers().singleResult();
    }

    private Date dueDate(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate();
    }
}
