package org.qingfeng.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.calendar.CalendarAdministration;
import org.qingfeng.calendar.CalendarAdministration.DayRequest;
import org.qingfeng.calendar.CalendarDay;
import org.qingfeng.calendar.CalendarDays;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator changes the working-day calendar under problems already registered: their deadlines counted in
 * working days move, in the process, the ledger and the timeline, and the timers watching them follow. Every test
 * puts the calendar back as it was, which moves everything back again.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class DeadlineRecalculationTest extends ProcessTestSupport {

    private static final String ADMIN = "admin";
    private static final String REGISTRAR = "wangfang";
    private static final String CANTEEN_HEAD = "liuqiang";
    private static final String CANTEEN_STAFF = "huangli";

    @Autowired
    CalendarAdministration administration;
    @Autowired
    CalendarDays days;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    private final List<CalendarDay> originals = new ArrayList<>();
    private final List<LocalDate> changed = new ArrayList<>();

    @AfterEach
    void putTheCalendarBack() {
        for (int i = changed.size() - 1; i >= 0; i--) {
            CalendarDay original = originals.get(i);
            if (original == null) {
                administration.resetDay(ADMIN, changed.get(i));
            } else {
                administration.setDay(ADMIN, original.date(), new DayRequest(original.working(), original.name(), original.source()));
            }
        }
    }

    @Test
    void springFestivalAHolidayDeclaredLaterMovesTheClaimAndTheRectificationDeadline() {
        moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0)); // Thursday before 春节
        ProcessInstance instance = registered();
        // claim: Friday 13th; 15 working days: 2/13, 2/14 (调休), 2/24–27, 2/28 (调休), 3/2–6, 3/9–11
        assertThat(claimDeadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 2, 13, 18, 0)));
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 11, 18, 0)));
        assertThat(instance).variables().containsEntry(DEADLINE_START, "2026-02-12").containsEntry(DEADLINE_WORKING_DAYS, 15)
                .containsEntry(CLAIM_DEADLINE_START, "2026-02-12").containsEntry(CLAIM_DEADLINE_WORKING_DAYS, 1);
        String claimTimer = timer(instance, CLAIM_OVERDUE_TIMER).getId();

        // the holiday starts a day earlier: Friday 13th is off
        remember(LocalDate.of(2026, 2, 13));
        ResponseEntity<Map> answer = put("/api/calendar/days/2026-02-13", Map.of("working", false, "name", "春节"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Integer>) answer.getBody().get("recalculated"))
                .hasEntrySatisfying("problemDeadlines", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("claimDeadlines", n -> assertThat(n).isPositive());
        Date claimBy = at(LocalDateTime.of(2026, 2, 14, 18, 0)); // the make-up Saturday
        assertThat(claimDeadlineOf(instance)).isEqualTo(claimBy);
        assertThat(ledgerClaimDeadline(instance)).isEqualTo(claimBy);
        assertThat(openTask(instance, CLAIM_RESPONSIBILITY).getDueDate()).isEqualTo(claimBy);
        assertThat(timer(instance, CLAIM_OVERDUE_TIMER)).satisfies(job -> {
            assertThat(job.getId()).isEqualTo(claimTimer);
            assertThat(job.getDuedate()).isEqualTo(claimBy);
        });
        Date deadline = at(LocalDateTime.of(2026, 3, 12, 18, 0));
        assertThat(deadlineOf(instance)).isEqualTo(deadline);
        assertThat(record(instance).deadline()).isEqualTo(deadline);
        assertThat(instance).variables().containsEntry(RECTIFICATION_DEADLINE_TEXT, "2026年3月12日 18:00");
        assertThat(events(instance, EventType.DEADLINE_RECALCULATED)).singleElement().satisfies(e -> {
            assertThat(e.detail()).startsWith("整改时限因节假日调整而重新计算：由 2026年3月11日 18:00 调整为 2026年3月12日 18:00")
                    .contains("2026-02-13 放假（春节）");
            assertThat(e.actor()).isEqualTo(ADMIN);
        });
        assertThat(events(instance, EventType.CLAIM_DEADLINE_RECALCULATED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("由 2026年2月13日 18:00 调整为 2026年2月14日 18:00"));

        // and the make-up Saturday 28 February is withdrawn
        remember(LocalDate.of(2026, 2, 28));
        administration.resetDay(ADMIN, LocalDate.of(2026, 2, 28));

        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 13, 18, 0)));
        assertThat(claimDeadlineOf(instance)).isEqualTo(claimBy);
        assertThat(events(instance, EventType.DEADLINE_RECALCULATED)).hasSize(2);

        // the deadline watch starts from the recounted deadline: 3 working days before Friday 13 March
        claim(instance);
        plan(instance);
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 10, 9, 0)));
        assertThat(openTask(instance, IMPLEMENT_RECTIFICATION).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 13, 18, 0)));
    }

    @Test
    void nationalDayAWithdrawnMakeUpSaturdayRestartsTheDeadlineWatch() {
        moveClockTo(LocalDateTime.of(2026, 9, 14, 9, 0));
        ProcessInstance instance = rectifying();
        // 9/15–18, 9/20 (调休), 9/21–24, 9/28–30, 10/8, 10/9, 10/10 (调休); yellow 3 working days earlier
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 10, 10, 18, 0)));
        Job yellow = timer(instance, YELLOW_WARNING_TIMER);
        assertThat(yellow.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 9, 30, 9, 0)));

        remember(LocalDate.of(2026, 10, 10));
        administration.resetDay(ADMIN, LocalDate.of(2026, 10, 10));

        Date deadline = at(LocalDateTime.of(2026, 10, 12, 18, 0));
        assertThat(deadlineOf(instance)).isEqualTo(deadline);
        assertThat(record(instance).deadline()).isEqualTo(deadline);
        assertThat(openTask(instance, IMPLEMENT_RECTIFICATION).getDueDate()).isEqualTo(deadline);
        assertThat(events(instance, EventType.DEADLINE_RECALCULATED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("由 2026年10月10日 18:00 调整为 2026年10月12日 18:00"));
        // the watch was re-armed: a new yellow-warning timer, then the deadline timer at the new deadline
        assertThat(instance).hasPassed("deadlineChangedBoundaryEvent");
        Job rearmed = timer(instance, YELLOW_WARNING_TIMER);
        assertThat(rearmed.getId()).isNotEqualTo(yellow.getId());
        assertThat(rearmed.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 9, 30, 9, 0)));
        fire(rearmed);
        assertThat(timer(instance, DEADLINE_REACHED_TIMER).getDuedate()).isEqualTo(deadline);
        assertThat(events(instance, EventType.YELLOW_WARNING)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("2026年10月12日 18:00"));
    }

    @Test
    void afterTheYellowWarningOnlyTheDeadlineTimerMoves() {
        moveClockTo(LocalDateTime.of(2026, 9, 14, 9, 0));
        ProcessInstance instance = rectifying();
        fire(timer(instance, YELLOW_WARNING_TIMER)); // 30 September, 09:00
        Job deadlineTimer = timer(instance, DEADLINE_REACHED_TIMER);
        assertThat(deadlineTimer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 10, 18, 0)));

        // Friday 9 October becomes part of the National Day holiday
        remember(LocalDate.of(2026, 10, 9));
        administration.setDay(ADMIN, LocalDate.of(2026, 10, 9), new DayRequest(false, "国庆节", "更正通知"));

        Date deadline = at(LocalDateTime.of(2026, 10, 12, 18, 0)); // 10/8, 10/10 (调休), 10/12
        assertThat(deadlineOf(instance)).isEqualTo(deadline);
        assertThat(timer(instance, DEADLINE_REACHED_TIMER)).satisfies(job -> {
            assertThat(job.getId()).isEqualTo(deadlineTimer.getId());
            assertThat(job.getDuedate()).isEqualTo(deadline);
        });
        // no second yellow warning for the same deadline
        assertThat(instance).isWaitingAt(DEADLINE_REACHED_TIMER).isNotWaitingAt(YELLOW_WARNING_TIMER);
        assertThat(events(instance, EventType.YELLOW_WARNING)).hasSize(1);
        assertThat(record(instance).reminderCount()).isEqualTo(1);
    }

    @Test
    void aNewMakeUpSaturdayBringsTheDeadlineForward() {
        ProcessInstance instance = rectifying(); // Monday 2 March: 15 working days to 23 March
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 23, 18, 0)));
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 18, 9, 0)));

        remember(LocalDate.of(2026, 3, 7));
        administration.setDay(ADMIN, LocalDate.of(2026, 3, 7), new DayRequest(true, "调休上班", null));

        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 18, 0)));
        assertThat(record(instance).deadline()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 18, 0)));
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 17, 9, 0)));

        // putting the Saturday back restores the deadline it had
        putTheCalendarBack();
        changed.clear();
        originals.clear();
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 23, 18, 0)));
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 18, 9, 0)));
        assertThat(events(instance, EventType.DEADLINE_RECALCULATED)).hasSize(2);
    }

    @Test
    void aDateChosenByAPersonStaysButItsYellowWarningIsCountedAgain() {
        ProcessInstance instance = report("public", "食堂窗口工作人员服务态度生硬");
        Map<String, Object> registration = registration();
        registration.put(DEADLINE_OVERRIDE, "2026-03-20");
        complete(instance, REGISTER_PROBLEM, REGISTRAR, registration);
        claim(instance);
        plan(instance);
        assertThat(instance).variables().doesNotContainKey(DEADLINE_START).doesNotContainKey(DEADLINE_WORKING_DAYS);
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 17, 9, 0)));

        remember(LocalDate.of(2026, 3, 18));
        administration.setDay(ADMIN, LocalDate.of(2026, 3, 18), new DayRequest(false, "临时放假", "测试通知"));

        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 18, 0)));
        assertThat(events(instance, EventType.DEADLINE_RECALCULATED)).isEmpty();
        // 3/19, 3/17, 3/16
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 16, 9, 0)));
    }

    @Test
    void anApprovedExtensionIsADateAndIsNotCountedAgain() {
        ProcessInstance instance = rectifying();
        assertThat(instance).variables().containsEntry(DEADLINE_WORKING_DAYS, 15);
        complete(instance, IMPLEMENT_RECTIFICATION, CANTEEN_STAFF, Map.of(PROGRESS_ACTION, "extension",
                PROGRESS_REPORT, "设备未到货", REQUESTED_DEADLINE, "2026-04-10", EXTENSION_REASON, "设备需招标采购"));
        complete(instance, REVIEW_EXTENSION, REGISTRAR, Map.of(EXTENSION_DECISION, "approve", EXTENSION_COMMENT, "同意"));
        assertThat(instance).variables().doesNotContainKey(DEADLINE_START).doesNotContainKey(DEADLINE_WORKING_DAYS);

        remember(LocalDate.of(2026, 3, 7));
        administration.setDay(ADMIN, LocalDate.of(2026, 3, 7), new DayRequest(true, "调休上班", null));

        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 4, 10, 18, 0)));
        assertThat(events(instance, EventType.DEADLINE_RECALCULATED)).isEmpty();
    }

    // -- steps ---------------------------------------------------------------------------------------------------

    private void remember(LocalDate date) {
        changed.add(date);
        originals.add(days.find(date).orElse(null));
    }

    private ResponseEntity<Map> put(String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(ADMIN, "admin", StandardCharsets.UTF_8);
        return rest.exchange(url, HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);
    }

    private Map<String, Object> registration() {
        return Variables.createVariables()
                .putValue(REGISTRATION_DECISION, "accept")
                .putValue(CATEGORY, "attitude")
                .putValue(SEVERITY, "general")
                .putValue(RESPONSIBLE_DEPARTMENT, "canteen")
                .putValue(RESPONSIBLE_PERSON, "刘强");
    }

    private ProcessInstance registered() {
        ProcessInstance instance = report("public", "食堂窗口工作人员服务态度生硬");
        complete(instance, REGISTER_PROBLEM, REGISTRAR, registration());
        return instance;
    }

    private ProcessInstance rectifying() {
        ProcessInstance instance = registered();
        claim(instance);
        plan(instance);
        return instance;
    }

    private void claim(ProcessInstance instance) {
        complete(instance, CLAIM_RESPONSIBILITY, CANTEEN_HEAD, Map.of(CLAIM_DECISION, "accept"));
    }

    private void plan(ProcessInstance instance) {
        complete(instance, PLAN_RECTIFICATION, CANTEEN_STAFF, Map.of(RECTIFICATION_PLAN, "开展服务礼仪培训，设立窗口服务监督岗"));
    }

    private Date deadlineOf(ProcessInstance instance) {
        return (Date) engine.getRuntimeService().getVariable(instance.getId(), RECTIFICATION_DEADLINE);
    }

    private Date claimDeadlineOf(ProcessInstance instance) {
        return (Date) engine.getRuntimeService().getVariable(instance.getId(), CLAIM_DEADLINE);
    }

    private Date ledgerClaimDeadline(ProcessInstance instance) {
        return new Date(jdbc.queryForObject("select claim_deadline from problem where number = ?", java.sql.Timestamp.class,
                instance.getBusinessKey()).getTime());
    }

    private org.qingfeng.ledger.ProblemRecord record(ProcessInstance instance) {
        return ledger.findByNumber(instance.getBusinessKey()).orElseThrow();
    }

    private List<ProblemLedger.Event> events(ProcessInstance instance, EventType type) {
        return ledger.events(instance.getBusinessKey()).stream().filter(e -> e.type() == type).toList();
    }
}
