package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.MonthlyReview.Elements.*;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.report.MonthlyBulletins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 月度台账审核 with its department interviews, sanctions and watch list. Each test owns a demo department and
 * months of 2024–2025 that no other test uses, because a reviewed month's figures are frozen and rates count every
 * problem due by the month's end. Problems are written straight into the ledger, closed before the end of 2025, so
 * no later month sees them open, and already revisited (回头看), so no revisit campaign samples them.
 */
class MonthlyLedgerReviewProcessTest extends ProcessTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MonthlyBulletins bulletins;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theReviewRunsOnTheFirstWorkingDayOfEachMonthAcrossHolidays() {
        // National Day 2024: 1–7 October off, so October's review waits for Tuesday the 8th
        moveClockTo(LocalDateTime.of(2024, 9, 30, 10, 0));
        String september = fireScheduledReview();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(september)
                .variableName("reviewMonth").singleResult().getValue()).isEqualTo("2024-08");
        assertThat(passed(september, "reviewDepartmentsServiceTask")).isTrue();
        assertThat(scheduledReview().getDuedate()).isEqualTo(at(LocalDateTime.of(2024, 10, 8, 9, 0)));

        // New Year 2026: 1–3 January off, Sunday the 4th is a make-up working day (调休)
        moveClockTo(LocalDateTime.of(2025, 12, 31, 10, 0));
        fireScheduledReview();
        assertThat(scheduledReview().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 1, 4, 9, 0)));

        // a scheduled review of a month already reviewed ends at once: no second bulletin, no second interview
        int bulletinsBefore = bulletinCount("2025-11");
        String again = fireScheduledReview();
        assertThat(passed(again, ALREADY_REVIEWED)).isTrue();
        assertThat(bulletinCount("2025-11")).isEqualTo(bulletinsBefore);
    }

    @Test
    void aDepartmentBelowTheThresholdIsInterviewedByItsSupervisingLeader() throws Exception {
        // 9 of 10 due in August 2025 closed by the month's end: 90 %, below the bureau's 95 %
        problems("canteen", LocalDate.of(2025, 8, 20), 9, LocalDate.of(2025, 8, 25));
        problems("canteen", LocalDate.of(2025, 8, 20), 1, LocalDate.of(2025, 9, 15));
        moveClockTo(LocalDateTime.of(2025, 9, 2, 10, 0));

        ProcessInstance review = startByHand("2025-08");

        assertThat(review).isActive().isWaitingAt(REVIEW_BULLETIN);
        assertThat(jdbc.queryForMap("select * from department_review where period_month = '2025-08' and department_id = 'canteen'"))
                .containsEntry("PASSED", false).containsEntry("CONSECUTIVE_FAILURES", 1).containsEntry("DUE", 10).containsEntry("CLOSED", 9);
        ProcessInstance interview = interviewOf(review, "canteen");
        Task schedule = task(interview, SCHEDULE_INTERVIEW);
        assertThat(schedule.getAssignee()).isEqualTo("sunli");
        assertThat(schedule.getDueDate()).isEqualTo(at(LocalDateTime.of(2025, 9, 9, 18, 0)));
        assertThat(engine.getRuntimeService().getVariable(interview.getId(), "reviewFigures").toString())
                .contains("整改率 90.0%", "达标线 95%");

        completeAs(schedule, "sunli", Map.of("interviewTime", "2025-09-05T15:00", "interviewPlace", "三楼会议室"));
        completeAs(task(interview, HOLD_INTERVIEW), "sunli", Map.of(
                "interviewFindings", "维修响应慢，台账更新不及时",
                "interviewCommitments", "两周内补齐台账",
                "accountabilityMeasure", "criticismEducation",
                "accountabilityReason", "整改率未达标"));

        assertThat(interview).isEnded().hasPassed(INTERVIEW_COMPLETED).hasNotPassed(SANCTIONED);
        assertThat(jdbc.queryForMap("select * from department_interview where period_month = '2025-08' and department_id = 'canteen'"))
                .containsEntry("INTERVIEWER", "sunli").containsEntry("INTERVIEWEE", "liuqiang").containsEntry("PLACE", "三楼会议室");
        assertThat(jdbc.queryForMap("select * from accountability where department_id = 'canteen' and decided_in = 'DEPARTMENT_INTERVIEW'"))
                .containsEntry("MEASURE", "CRITICISM_EDUCATION").containsEntry("PERSON", "liuqiang");
        assertThat(count("award_disqualification where department_id = 'canteen'")).isZero();

        // the party committee reads the bulletin, gives its opinion and decides further accountability
        Task committee = task(review, REVIEW_BULLETIN);
        assertThat(engine.getTaskService().getVariable(committee.getId(), "reviewSummary").toString()).contains("机关食堂（90.0%，连续1次）");
        long bulletinId = ((Number) engine.getRuntimeService().getVariable(review.getId(), "bulletinId")).longValue();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bulletins.content(bulletinId).orElseThrow()))) {
            var failed = workbook.getSheet("整改率未达标科室");
            List<String> departments = new ArrayList<>();
            failed.forEach(row -> departments.add(row.getCell(0).getStringCellValue()));
            assertThat(departments).contains("机关食堂");
        }
        assertThatThrownBy(() -> completeAs(committee, "zhangwei", Map.of("reviewOpinion", "同意通报",
                "accountabilityMeasure", "selfCriticism", "accountabilityReason", "台账不实")))
                .isInstanceOf(InvalidInputException.class);
        completeAs(committee, "zhangwei", Map.of("reviewOpinion", "同意通报", "accountabilityMeasure", "selfCriticism",
                "accountabilityDepartment", "canteen", "accountabilityReason", "台账不实"));
        finishOtherInterviews(review);

        assertThat(review).isEnded().hasPassed(REVIEW_COMPLETED);
        assertThat(jdbc.queryForObject("select opinion from monthly_review where process_instance_id = ?", String.class, review.getId()))
                .isEqualTo("同意通报");
        assertThat(jdbc.queryForList("select measure from accountability where department_id = 'canteen' and decided_in = 'MONTHLY_REVIEW'",
                String.class)).containsExactly("SELF_CRITICISM");
    }

    @Test
    void aDepartmentAtTheThresholdPasses() {
        // 19 of 20: exactly 95 %
        problems("vehicles", LocalDate.of(2024, 5, 20), 19, LocalDate.of(2024, 5, 22));
        problems("vehicles", LocalDate.of(2024, 5, 20), 1, LocalDate.of(2024, 6, 10));
        moveClockTo(LocalDateTime.of(2024, 6, 3, 10, 0));

        ProcessInstance review = startByHand("2024-05");

        assertThat(jdbc.queryForMap("select * from department_review where period_month = '2024-05' and department_id = 'vehicles'"))
                .containsEntry("PASSED", true).containsEntry("CONSECUTIVE_FAILURES", 0);
        assertThat(interviews(review)).noneMatch(i -> "vehicles".equals(variable(i, "departmentId")));
        // a department with nothing due has nothing to fail
        assertThat(jdbc.queryForObject("select passed from department_review where period_month = '2024-05' and department_id = 'security'",
                Boolean.class)).isTrue();
    }

    @Test
    void theSecondFailureInARowCostsTheAwardAndPutsTheHeadOnTheWatchList() {
        // due in October 2024, closed only in December: October and November both fail
        problems("procurement", LocalDate.of(2024, 10, 15), 2, LocalDate.of(2024, 12, 10));
        moveClockTo(LocalDateTime.of(2024, 11, 1, 10, 0));
        ProcessInstance october = startByHand("2024-10");
        ProcessInstance first = interviewOf(october, "procurement");
        assertThat(variable(first, "consecutiveFailures")).isEqualTo(1);
        holdInterview(first, "sunli");
        assertThat(first).isEnded().hasPassed(INTERVIEW_COMPLETED);

        moveClockTo(LocalDateTime.of(2024, 12, 2, 10, 0));
        ProcessInstance november = startByHand("2024-11");
        ProcessInstance second = interviewOf(november, "procurement");
        assertThat(variable(second, "consecutiveFailures")).isEqualTo(2);
        holdInterview(second, "sunli");

        assertThat(second).isEnded().hasPassed(SANCTIONED);
        assertThat(jdbc.queryForObject("select award_year from award_disqualification where department_id = 'procurement'", Integer.class))
                .isEqualTo(2024);
        assertThat(jdbc.queryForList("select measure from accountability where department_id = 'procurement' and decided_in = 'CONSECUTIVE_FAILURES'",
                String.class)).containsExactly("AWARD_DISQUALIFICATION");
        Map<String, Object> entry = jdbc.queryForMap("select * from watch_list_entry where person = 'wujie'");
        assertThat(entry).containsEntry("STATUS", "OBSERVING").containsEntry("DEPARTMENT_ID", "procurement");
        // three months from the day of the interview: Sunday 2 March 2025, so to the end of Monday the 3rd
        assertThat(entry.get("OBSERVE_UNTIL")).isEqualTo(Timestamp.from(at(LocalDateTime.of(2025, 3, 3, 18, 0)).toInstant()));

        // the ledger API serves the same records
        assertThat(apiRows("/api/supervision/watch-list"))
                .anySatisfy(row -> assertThat(row).containsEntry("person", "wujie").containsEntry("department_id", "procurement"));
        assertThat(apiRows("/api/supervision/award-disqualifications?year=2024"))
                .anySatisfy(row -> assertThat(row).containsEntry("department_id", "procurement"));
        assertThat(apiRows("/api/supervision/reviews?month=2024-11"))
                .anySatisfy(row -> assertThat(row).containsEntry("department_id", "procurement")
                        .containsEntry("consecutive_failures", 2).containsEntry("passed", false));
        ResponseEntity<String> bad = api("/api/supervision/reviews?month=2024-13", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("yyyy-MM");
        assertThat(api("/api/supervision/accountability?year=24", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // the head's observation runs as a process of its own (WatchListObservationProcessTest)
        ProcessInstance observation = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("GC-" + entry.get("ID")).singleResult();
        assertThat(observation).isWaitingAt(OBSERVATION_ENDS);
        assertThat(timer(observation, OBSERVATION_ENDS).getDuedate()).isEqualTo(at(LocalDateTime.of(2025, 3, 3, 18, 0)));
        assertThat(jdbc.queryForObject("select count(*) from accountability where department_id = 'procurement'", Integer.class)).isOne();
    }

    @Test
    void aMonthReviewedAgainByHandGetsANewBulletinButNoSecondInterview() {
        problems("conference", LocalDate.of(2025, 3, 10), 1, LocalDate.of(2025, 4, 10));
        moveClockTo(LocalDateTime.of(2025, 4, 1, 10, 0));
        ProcessInstance first = startByHand("2025-03");
        assertThat(interviewOf(first, "conference")).isNotNull();

        ProcessInstance second = startByHand("2025-03");

        assertThat(second).isWaitingAt(REVIEW_BULLETIN).hasNotPassed(ALREADY_REVIEWED);
        assertThat(interviews(second)).noneMatch(i -> "conference".equals(variable(i, "departmentId")));
        assertThat(count("department_interview where period_month = '2025-03' and department_id = 'conference'")).isOne();
        assertThat(bulletinCount("2025-03")).isEqualTo(2);
    }

    @Test
    void aMonthNotYetOverOrWrittenWronglyIsRefusedAndNothingStarts() {
        moveClockTo(LocalDateTime.of(2025, 4, 1, 10, 0));
        long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MonthlyReview.PROCESS_KEY).count();
        for (String month : List.of("2025-04", "2025-13", "四月")) {
            assertThatThrownBy(() -> startByHand(month)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MonthlyReview.PROCESS_KEY).count())
                .isEqualTo(before);
    }

    @Test
    void thresholdsComeFromTheDecisionTable() {
        assertThat(threshold("bureau")).isEqualTo(0.95);
        assertThat(threshold("serviceCentre")).isEqualTo(0.90);
        assertThat(threshold("other")).isEqualTo(0.90);
        Map<String, Object> second = engine.getDecisionService().evaluateDecisionByKey(MonthlyReview.CONSEQUENCE_DECISION)
                .variables(Map.of("consecutiveFailures", 2)).evaluate().getSingleResult().getEntryMap();
        assertThat(second).containsEntry("sanction", true).containsEntry("watchListMonths", 3)
                .containsEntry("interviewerRole", "supervisingLeader");
    }

    // --- helpers

    private double threshold(String organisationType) {
        return engine.getDecisionService().evaluateDecisionByKey(MonthlyReview.THRESHOLD_DECISION)
                .variables(Map.of("organisationType", organisationType, "departmentId", "canteen"))
                .evaluate().getSingleResult().<Number>getSingleEntry().doubleValue();
    }

    /** {@code count} registered problems of the department due on {@code due}, closed on {@code closed}. */
    private void problems(String department, LocalDate due, int count, LocalDate closed) {
        for (int i = 0; i < count; i++) {
            Timestamp registered = Timestamp.from(at(due.minusDays(10).atTime(10, 0)).toInstant());
            Timestamp deadline = Timestamp.from(at(due.atTime(18, 0)).toInstant());
            Timestamp closedAt = Timestamp.from(at(closed.atTime(16, 0)).toInstant());
            jdbc.update("""
                    insert into problem (number, channel, reporter_type, external_origin, description, reported_at, status, stage,
                        category, severity, department_id, registered_at, deadline, closed_at, closed_on_time, updated_at)
                    values (?, 'hotline', 'staff', false, '审核测试问题', ?, 'CONSOLIDATED', 'FINISHED', 'service', 'general', ?, ?, ?, ?, ?, ?)""",
                    "T" + UUID.randomUUID().toString().substring(0, 12), registered, department, registered, deadline, closedAt,
                    !closedAt.after(deadline), closedAt);
        }
    }

    private ProcessInstance startByHand(String month) {
        authenticateAs("zhoumin");
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(MonthlyReview.PROCESS_KEY,
                    Variables.createVariables().putValue("reviewMonth", month));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private Job scheduledReview() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(MonthlyReview.SCHEDULE_PROCESS_KEY)
                .activityId(SCHEDULED_START).timers().singleResult();
    }

    /** Fires the review's timer start event as the job executor would; returns the instance it started. */
    private String fireScheduledReview() {
        List<String> before = reviewIds();
        engine.getManagementService().executeJob(scheduledReview().getId());
        List<String> started = reviewIds();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        return started.get(0);
    }

    private List<String> reviewIds() {
        return new ArrayList<>(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(MonthlyReview.PROCESS_KEY).list().stream().map(h -> h.getId()).toList());
    }

    private boolean passed(String instanceId, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(activityId).finished().count() > 0;
    }

    private List<ProcessInstance> interviews(ProcessInstance review) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(review.getId()).list();
    }

    private ProcessInstance interviewOf(ProcessInstance review, String departmentId) {
        return interviews(review).stream().filter(i -> departmentId.equals(variable(i, "departmentId"))).findFirst().orElseThrow();
    }

    private Object variable(ProcessInstance instance, String name) {
        return engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private void holdInterview(ProcessInstance interview, String interviewer) {
        completeAs(task(interview, SCHEDULE_INTERVIEW), interviewer, Map.of("interviewTime", "2030-01-01T10:00", "interviewPlace", "会议室"));
        completeAs(task(interview, HOLD_INTERVIEW), interviewer, Map.of("interviewFindings", "整改不力", "interviewCommitments", "限期整改"));
    }

    /** Interviews of departments other tests left failing, so the review can finish. */
    private void finishOtherInterviews(ProcessInstance review) {
        for (ProcessInstance interview : new ArrayList<>(interviews(review))) {
            holdInterview(interview, "sunli");
        }
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private void completeAs(Task task, String user, Map<String, Object> variables) {
        authenticateAs(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Map<String, Object>> apiRows(String path) {
        return rest.withBasicAuth("zhoumin", "qingfeng").exchange(path, org.springframework.http.HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private <T> ResponseEntity<T> api(String path, Class<T> type) {
        return rest.withBasicAuth("zhoumin", "qingfeng").getForEntity(path, type);
    }

    private int count(String fromWhere) {
        return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class);
    }

    private int bulletinCount(String month) {
        return count("bulletin where period_month = '" + month + "'");
    }
}
