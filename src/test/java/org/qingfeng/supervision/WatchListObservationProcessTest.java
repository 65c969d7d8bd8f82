package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.MonthlyReview.Elements.*;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.engine.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of processes/watch-list-observation.bpmn (作风观察), started as the sanction after two failed reviews starts it. */
class WatchListObservationProcessTest extends ProcessTestSupport {

    @Autowired
    SupervisionRecords records;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void atTheEndOfThePeriodTheOfficeLiftsTheObservation() {
        long entry = listed(LocalDateTime.of(2026, 6, 30, 18, 0));
        ProcessInstance observation = observe(entry, LocalDateTime.of(2026, 6, 30, 18, 0));

        fire(timer(observation, OBSERVATION_ENDS));
        Task assess = engine.getTaskService().createTaskQuery().processInstanceId(observation.getId()).singleResult();
        assertThat(assess).hasDefinitionKey(ASSESS_OBSERVATION).hasCandidateGroup("workStyleOffice");
        assertThat(engine.getTaskService().getVariables(assess.getId()))
                .containsEntry("departmentName", "车辆管理科").containsEntry("observationReason", "连续2次月度台账审核整改率未达标");
        complete(assess, Map.of("observationDecision", "lift", "observationAssessment", "整改到位，群众评价好转"));

        assertThat(observation).isEnded().hasPassed(LIFTED);
        assertThat(jdbc.queryForMap("select status, closed_by, assessment from watch_list_entry where id = ?", entry))
                .containsEntry("STATUS", "LIFTED").containsEntry("CLOSED_BY", "zhoumin").containsEntry("ASSESSMENT", "整改到位，群众评价好转");
    }

    @Test
    void anExtensionRunsToTheFirstWorkingDayAfterItsMonthsAndIsAssessedAgain() {
        long entry = listed(LocalDateTime.of(2025, 11, 20, 18, 0));
        ProcessInstance observation = observe(entry, LocalDateTime.of(2025, 11, 20, 18, 0));
        fire(timer(observation, OBSERVATION_ENDS));

        // three more months from 20 November 2025 end on 20 February 2026, in the Spring Festival holiday (15–23 February)
        complete(openAssessment(observation), Map.of("observationDecision", "extend", "extendMonths", 3, "observationAssessment", "仍有反复"));

        assertThat(observation).isWaitingAt(OBSERVATION_ENDS);
        assertThat(timer(observation, OBSERVATION_ENDS).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 2, 24, 18, 0)));
        assertThat(jdbc.queryForMap("select status, observe_until from watch_list_entry where id = ?", entry))
                .containsEntry("STATUS", "OBSERVING");
        fire(timer(observation, OBSERVATION_ENDS));
        assertThat(openAssessment(observation)).isNotNull();
    }

    @Test
    void anExtensionOutsideOneToTwelveMonthsIsRefusedAndTheTaskStays() {
        long entry = listed(LocalDateTime.of(2026, 6, 30, 18, 0));
        ProcessInstance observation = observe(entry, LocalDateTime.of(2026, 6, 30, 18, 0));
        fire(timer(observation, OBSERVATION_ENDS));
        Task assess = openAssessment(observation);

        assertThatThrownBy(() -> complete(assess, Map.of("observationDecision", "extend", "extendMonths", 13, "observationAssessment", "仍有反复")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> complete(assess, Map.of("observationDecision", "extend", "observationAssessment", "仍有反复")))
                .isInstanceOf(InvalidInputException.class);

        assertThat(openAssessment(observation).getId()).isEqualTo(assess.getId());
        assertThat(jdbc.queryForObject("select status from watch_list_entry where id = ?", String.class, entry)).isEqualTo("OBSERVING");
    }

    private long listed(LocalDateTime until) {
        return records.listOnWatchList("vehicles", "head-" + UUID.randomUUID(), "连续2次月度台账审核整改率未达标", null, at(until));
    }

    private ProcessInstance observe(long entry, LocalDateTime until) {
        Date observeUntil = at(until);
        return engine.getRuntimeService().startProcessInstanceByKey(MonthlyReview.OBSERVATION_PROCESS_KEY, "GC-" + entry,
                Variables.createVariables().putValue("watchListEntryId", entry).putValue("departmentId", "vehicles")
                        .putValue("observeUntil", observeUntil));
    }

    private Task openAssessment(ProcessInstance observation) {
        return engine.getTaskService().createTaskQuery().processInstanceId(observation.getId()).taskDefinitionKey(ASSESS_OBSERVATION)
                .singleResult();
    }

    private void complete(Task task, Map<String, Object> variables) {
        authenticateAs("zhoumin");
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
