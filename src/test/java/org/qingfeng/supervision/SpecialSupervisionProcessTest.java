package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.SpecialSupervision.Elements.*;
import static org.qingfeng.supervision.SpecialSupervision.Variables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.rectification.ProblemLifecycle;
import org.qingfeng.report.BulletinSection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/special-supervision.bpmn on problems the lifecycle registered. 设施维修科 (maintenance),
 * whose supervising leader is 钱军 (qianjun), is used by no other test class.
 */
class SpecialSupervisionProcessTest extends ProcessTestSupport {

    private static final String DEPARTMENT = "maintenance";
    private static final String LEADER = "qianjun";
    private static final String HEAD = "xulei";
    private static final String STAFF = "zhuhong";
    private static final String REGISTRAR = "wangfang";
    private static final String OFFICE_HEAD = "zhoumin";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SpecialSupervisions supervisions;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    @Qualifier("specialSupervisionSection")
    BulletinSection bulletinSection;

    // -- paths ---------------------------------------------------------------------------------------------------

    @Test
    void orderOnAnOpenProblemStartsWeeklyReportingByTheDepartment() {
        String number = registeredProblem();

        ProcessInstance order = order(LEADER, number, null);

        assertThat(order.getBusinessKey()).isEqualTo("DB-" + number);
        // weekly by default: five working days from Monday 2 March
        assertThat(order).isWaitingAt(REPORT_PROGRESS).task()
                .hasName("报送督办进展（第1次）")
                .hasCandidateGroup("deptMaintenance")
                .hasDueDate(at(LocalDateTime.of(2026, 3, 9, 18, 0)));
        assertThat(timer(order, REPORT_OVERDUE_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 9, 18, 0)));
        assertThat(order).variables().containsEntry(REPORT_CYCLE, "weekly").containsEntry(ORDERED_BY, LEADER)
                .containsEntry(PROBLEM_NUMBER, number);

        SpecialSupervisions.Order entry = openOrder(number);
        assertThat(entry.orderedBy()).isEqualTo(LEADER);
        assertThat(entry.departmentId()).isEqualTo(DEPARTMENT);
        assertThat(entry.reportCycleName()).isEqualTo("每周一报");
        assertThat(entry.status()).isEqualTo(SpecialSupervisions.Status.OPEN);
        assertThat(entry.currentDueAt()).isEqualTo(at(LocalDateTime.of(2026, 3, 9, 18, 0)));
        assertThat(ledger.events(number)).filteredOn(e -> e.type() == EventType.SPECIAL_SUPERVISION_ORDERED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(LEADER);
                    assertThat(e.detail()).contains("设施维修科", "每周一报", "每周五前报送维修台账");
                });
    }

    @Test
    void reportsOnTimeForTwoCyclesAreRecordedAndTheNextCycleOpensWhenTheLastEnds() {
        String number = registeredProblem();
        ProcessInstance order = order(LEADER, number, null);

        moveClockTo(LocalDateTime.of(2026, 3, 4, 15, 0));
        report(order, "已排查积压报修单32件，完成维修20件");
        // reported early: the next cycle still begins when this one ends
        assertThat(order).isWaitingAt(CYCLE_ENDED_TIMER).isNotWaitingAt(REPORT_PROGRESS);
        assertThat(order).variables().doesNotContainKeys(PROGRESS, NEXT_STEPS, EXPECTED_COMPLETION);
        fire(timer(order, CYCLE_ENDED_TIMER));

        assertThat(order).isWaitingAt(REPORT_PROGRESS).task().hasName("报送督办进展（第2次）")
                .hasDueDate(at(LocalDateTime.of(2026, 3, 16, 18, 0)));
        moveClockTo(LocalDateTime.of(2026, 3, 16, 17, 30));
        report(order, "剩余12件已全部完成维修，建立24小时响应制度");
        fire(timer(order, CYCLE_ENDED_TIMER));

        assertThat(order).isWaitingAt(REPORT_PROGRESS).task().hasName("报送督办进展（第3次）")
                .hasDueDate(at(LocalDateTime.of(2026, 3, 23, 18, 0)));
        List<SpecialSupervisions.Report> reports = supervisions.reports(openOrder(number).id());
        assertThat(reports).extracting(SpecialSupervisions.Report::round, SpecialSupervisions.Report::outcome,
                        SpecialSupervisions.Report::reportedBy)
                .containsExactly(tuple(1, SpecialSupervisions.Outcome.REPORTED, STAFF),
                        tuple(2, SpecialSupervisions.Outcome.REPORTED, STAFF));
        assertThat(reports.get(0).progress()).isEqualTo("已排查积压报修单32件，完成维修20件");
        // 30 days after Wednesday 4 March, as the department expects
        assertThat(reports.get(0).expectedCompletion()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(openOrder(number).reportsCount()).isEqualTo(2);
        assertThat(openOrder(number).missedCount()).isZero();
        // each report is a step on the problem's timeline, with what was reported
        assertThat(ledger.events(number)).filteredOn(e -> REPORT_PROGRESS.equals(e.activityId()))
                .extracting(ProblemLedger.Event::detail)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("报送督办进展（第1次）").contains("完成维修20件"),
                        second -> assertThat(second).startsWith("报送督办进展（第2次）").contains("24小时响应制度"));
    }

    @Test
    void aMissedReportIsRecordedAndEscalatedWhileReportingGoesOn() {
        String number = registeredProblem();
        ProcessInstance order = order(LEADER, number, null);

        fire(timer(order, REPORT_OVERDUE_TIMER));

        // the department reports in the next cycle, anchored to the missed one's end
        assertThat(order).isWaitingAt(REPORT_PROGRESS, INTERVIEW_DEPARTMENT_HEAD);
        assertThat(openTask(order, REPORT_PROGRESS)).satisfies(t -> {
            assertThat(t.getName()).isEqualTo("报送督办进展（第2次）");
            assertThat(t.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 16, 18, 0)));
        });
        Task interview = interviews(order).get(0);
        assertThat(interview.getName()).isEqualTo("督办逾期：约谈科室负责人");
        assertThat(interview.getAssignee()).isEqualTo(LEADER);
        // three working days from Monday 9 March, 18:00
        assertThat(interview.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 12, 18, 0)));
        assertThat(engine.getTaskService().getIdentityLinksForTask(interview.getId()))
                .extracting(l -> l.getGroupId()).contains("supervisingLeaders");
        assertThat(engine.getTaskService().getVariable(interview.getId(), MISSED_REPORT_TEXT))
                .isEqualTo("设施维修科第1次督办进展应于 2026年3月9日 18:00 前报送，逾期未报（累计 1 次）");
        assertThat(order).variables().containsEntry(MISSED_COUNT, 1);
        assertThat(ledger.events(number)).filteredOn(e -> e.type() == EventType.SUPERVISION_REPORT_MISSED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("第1次", "由分管领导约谈科室负责人"));

        // a second miss before the first interview: each interview keeps to its own cycle
        fire(timer(order, REPORT_OVERDUE_TIMER));
        assertThat(interviews(order)).hasSize(2);
        Task second = interviews(order).stream()
                .filter(t -> engine.getTaskService().getVariable(t.getId(), MISSED_ROUND).equals(2)).findFirst().orElseThrow();
        interview(second, "科室负责人未安排专人报送，已当面指出");
        Task first = interviews(order).get(0);
        interview(first, "科室负责人对首次漏报作出说明");

        assertThat(order).isWaitingAt(REPORT_PROGRESS).isNotWaitingAt(INTERVIEW_DEPARTMENT_HEAD).hasPassed(MISS_INTERVIEWED);
        assertThat(openTask(order, REPORT_PROGRESS).getName()).isEqualTo("报送督办进展（第3次）");
        List<SpecialSupervisions.Report> reports = supervisions.reports(openOrder(number).id());
        assertThat(reports).extracting(SpecialSupervisions.Report::outcome)
                .containsExactly(SpecialSupervisions.Outcome.MISSED, SpecialSupervisions.Outcome.MISSED);
        assertThat(reports.get(0).interviewFindings()).isEqualTo("科室负责人对首次漏报作出说明");
        assertThat(reports.get(1).interviewFindings()).isEqualTo("科室负责人未安排专人报送，已当面指出");
        assertThat(reports).extracting(SpecialSupervisions.Report::interviewedBy).containsOnly(LEADER);

        // and the department reports again
        report(order, "已指定专人负责督办事项报送");
        assertThat(openOrder(number).reportsCount()).isEqualTo(1);
        assertThat(openOrder(number).missedCount()).isEqualTo(2);
    }

    @Test
    void closingTheProblemEndsTheSupervisionWithWhateverWasOpen() {
        ProcessInstance problem = rectifyingProblem();
        String number = problem.getBusinessKey();
        ProcessInstance order = order(LEADER, number, null);
        report(order, "维修响应制度已起草");
        fire(timer(order, CYCLE_ENDED_TIMER));
        fire(timer(order, REPORT_OVERDUE_TIMER));
        assertThat(order).isWaitingAt(REPORT_PROGRESS, INTERVIEW_DEPARTMENT_HEAD);

        close(problem);

        assertThat(order).isEnded().hasPassed(PROBLEM_CLOSED, SUPERVISION_ENDED);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(order.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(order.getId()).count()).isZero();
        SpecialSupervisions.Order ended = supervisions.list(null).stream()
                .filter(o -> o.problemNumber().equals(number)).findFirst().orElseThrow();
        assertThat(ended.status()).isEqualTo(SpecialSupervisions.Status.ENDED);
        assertThat(ended.endReason()).isEqualTo(SpecialSupervisions.EndReason.PROBLEM_CLOSED);
        assertThat(ended.reportsCount()).isEqualTo(1);
        assertThat(ended.missedCount()).isEqualTo(1);
        assertThat(supervisions.openOrderOn(ledger.findByNumber(number).orElseThrow().id())).isEmpty();
        assertThat(ledger.events(number)).extracting(ProblemLedger.Event::type).containsSubsequence(
                EventType.SPECIAL_SUPERVISION_ORDERED, EventType.SUPERVISION_REPORT_MISSED, EventType.CLOSED,
                EventType.SPECIAL_SUPERVISION_ENDED);
        assertThat(ledger.findByNumber(number).orElseThrow().status()).isEqualTo(ProblemStatus.CLOSED);
    }

    @Test
    void cycleDeadlinesSkipTheMidAutumnAndNationalDayHolidaysAndCountTheMakeUpSaturday() {
        moveClockTo(LocalDateTime.of(2026, 9, 24, 10, 0));
        String number = registeredProblem();
        ProcessInstance order = order(LEADER, number, null);

        // Thu 24 Sep + 5 working days: 28, 29, 30 Sep, 8, 9 Oct (25 Sep 中秋, 1–7 Oct 国庆)
        assertThat(order).task().hasDueDate(at(LocalDateTime.of(2026, 10, 9, 18, 0)));
        report(order, "节前完成第一轮排查");
        fire(timer(order, CYCLE_ENDED_TIMER));

        // Fri 9 Oct + 5 working days: Sat 10 Oct (调休上班), 12, 13, 14, 15 Oct
        assertThat(order).task().hasDueDate(at(LocalDateTime.of(2026, 10, 15, 18, 0)));
        assertThat(timer(order, REPORT_OVERDUE_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 15, 18, 0)));
    }

    @Test
    void aFortnightlyCycleChosenInTheOrderSkipsTheSpringFestival() {
        moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
        String number = registeredProblem();
        ProcessInstance order = order(LEADER, number, Map.of(REPORT_CYCLE, "fortnightly", FINAL_DEADLINE, "2026-03-31"));

        // Thu 12 Feb + 10 working days: 13, 14 (调休), 24–27 Feb, 28 (调休), 2, 3, 4 Mar
        assertThat(order).task().hasDueDate(at(LocalDateTime.of(2026, 3, 4, 18, 0)));
        SpecialSupervisions.Order entry = openOrder(number);
        assertThat(entry.reportCycle()).isEqualTo("fortnightly");
        assertThat(entry.finalDeadline()).isEqualTo(at(LocalDateTime.of(2026, 3, 31, 18, 0)));
    }

    // -- refusals ------------------------------------------------------------------------------------------------

    @Test
    void ordersOnUnknownUnregisteredOrClosedProblemsAreRefusedAndCreateNothing() {
        String reportedOnly = report("public", "维修人员上门服务不出示工作证").getBusinessKey();
        String closed = closedProblem();
        long orders = countOrders();
        long instances = historicOrders();

        assertThatThrownBy(() -> order(LEADER, "ZF-2026-999999", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("台账中没有编号为「ZF-2026-999999」的问题");
        assertThatThrownBy(() -> order(LEADER, reportedOnly, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("待登记");
        assertThatThrownBy(() -> order(LEADER, closed, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已销号");

        assertThat(countOrders()).isEqualTo(orders);
        assertThat(historicOrders()).isEqualTo(instances);
        assertThat(ledger.events(closed)).extracting(ProblemLedger.Event::type)
                .doesNotContain(EventType.SPECIAL_SUPERVISION_ORDERED);
    }

    @Test
    void aSecondOrderOnTheSameProblemIsRefused() {
        String number = registeredProblem();
        order(LEADER, number, null);
        long instances = historicOrders();

        assertThatThrownBy(() -> order("zhangwei", number, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已在专项督办中");

        assertThat(historicOrders()).isEqualTo(instances);
        assertThat(jdbc.queryForObject("""
                select count(*) from special_supervision s join problem p on p.id = s.problem_id where p.number = ?""",
                Integer.class, number)).isEqualTo(1);
        assertThat(ledger.events(number)).filteredOn(e -> e.type() == EventType.SPECIAL_SUPERVISION_ORDERED).hasSize(1);
    }

    @Test
    void twoLeadersOrderingAtTheSameMomentGetOneOrder() throws Exception {
        String number = registeredProblem();
        long instances = historicOrders();
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String leader : List.of(LEADER, "zhangwei")) {
                Callable<String> attempt = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        order(leader, number, null);
                        return "ordered";
                    } catch (InvalidInputException refused) {
                        return refused.getMessage();
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            ready.await();
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("ordered"::equals).hasSize(1);
            assertThat(results).filteredOn(r -> r.contains("已在专项督办中")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(historicOrders()).isEqualTo(instances + 1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("DB-" + number).count())
                .isEqualTo(1);
    }

    @Test
    void onlyLeadersDisciplineInspectionAndTheOfficeMayOrder() {
        String number = registeredProblem();
        long instances = historicOrders();

        // the engine refuses: only the orderer groups have CREATE_INSTANCE on the process (AuthorizationSetup)
        assertThatThrownBy(() -> order(STAFF, number, null)).isInstanceOf(AuthorizationException.class);
        // the start listener refuses too, should the authorization be widened in Admin
        engine.getIdentityService().setAuthentication(STAFF, List.of());
        try {
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(SpecialSupervision.PROCESS_KEY,
                    orderForm(number, null)))
                    .isInstanceOfAny(InvalidInputException.class, AuthorizationException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(SpecialSupervision.PROCESS_KEY,
                orderForm(number, null))).isInstanceOf(InvalidInputException.class);
        assertThat(historicOrders()).isEqualTo(instances);

        // discipline inspection and the work-style office may
        assertThat(order("zhaogang", number, null)).isNotNull();
    }

    @Test
    void formRulesApplyToTheOrder() {
        String number = registeredProblem();
        long instances = historicOrders();

        assertThatThrownBy(() -> order(LEADER, number, Map.of(REPORT_CYCLE, "daily")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("daily");
        assertThatThrownBy(() -> order(LEADER, number, Map.of(FINAL_DEADLINE, "2026-02-27")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能早于今天");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(SpecialSupervision.PROCESS_KEY,
                Variables.createVariables().putValue(PROBLEM_NUMBER, number)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「督办要求」为必填项");
        assertThat(historicOrders()).isEqualTo(instances);
    }

    @Test
    void aReportWithoutItsRequiredFieldsIsRefusedAndTheTaskStaysOpen() {
        String number = registeredProblem();
        ProcessInstance order = order(LEADER, number, null);

        assertThatThrownBy(() -> complete(order, REPORT_PROGRESS, STAFF, Map.of(PROGRESS, "正在处理中")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「下一步措施」为必填项")
                .hasMessageContaining("「预计完成时间」为必填项");
        assertThat(order).isWaitingAt(REPORT_PROGRESS);
        assertThat(supervisions.reports(openOrder(number).id())).isEmpty();
    }

    // -- ledger API, timeline, bulletin ---------------------------------------------------------------------------

    @Test
    void theLedgerListsOrdersWithTheirReportsAndMissesAndTheTimelineShowsThem() {
        String number = registeredProblem();
        ProcessInstance order = order(LEADER, number, null);
        report(order, "已完成第一轮整改");
        fire(timer(order, CYCLE_ENDED_TIMER));
        fire(timer(order, REPORT_OVERDUE_TIMER));

        ResponseEntity<List<Map<String, Object>>> list = get("/api/special-supervisions?status=open");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> row = list.getBody().stream().filter(r -> number.equals(r.get("problemNumber")))
                .findFirst().orElseThrow();
        assertThat(row).containsEntry("departmentId", DEPARTMENT).containsEntry("departmentName", "设施维修科")
                .containsEntry("orderedBy", LEADER).containsEntry("reportCycle", "weekly")
                .containsEntry("reportsCount", 1).containsEntry("missedCount", 1).containsEntry("status", "OPEN")
                .containsKey("orderedAt");
        ResponseEntity<Map<String, Object>> detail = rest.exchange("/api/special-supervisions/" + row.get("id"),
                HttpMethod.GET, new HttpEntity<>(auth()), new ParameterizedTypeReference<>() {
                });
        assertThat((List<Map<String, Object>>) detail.getBody().get("reports")).extracting(r -> r.get("outcome"))
                .containsExactly("REPORTED", "MISSED");
        assertThat(get("/api/special-supervisions?status=ENDED").getBody())
                .noneMatch(r -> number.equals(r.get("problemNumber")));
        assertThat(rest.exchange("/api/special-supervisions?status=later", HttpMethod.GET, new HttpEntity<>(auth()),
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.getForEntity("/api/special-supervisions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map<String, Object>> problem = rest.exchange("/api/ledger/problems/" + number, HttpMethod.GET,
                new HttpEntity<>(auth()), new ParameterizedTypeReference<>() {
                });
        assertThat((List<Map<String, Object>>) problem.getBody().get("timeline")).extracting(e -> e.get("type"))
                .contains("SPECIAL_SUPERVISION_ORDERED", "TASK_COMPLETED", "SUPERVISION_REPORT_MISSED");

        List<List<Object>> rows = bulletinSection.rows(YearMonth.of(2026, 3));
        assertThat(rows).filteredOn(r -> number.equals(r.get(0))).singleElement()
                .satisfies(r -> assertThat(r).containsExactly(number, "设施维修科", "钱军", "2026-03-02", "每周一报", 1, 1, "督办中"));
        assertThat(bulletinSection.summary(YearMonth.of(2026, 3), rows)).startsWith("重点问题专项督办：");
    }

    @Test
    void aRefusedOrderAnswers400OverTheEngineRestApi() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(LEADER, DemoOrganisation.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PROBLEM_NUMBER, Map.of("value", "ZF-2026-888888"));
        variables.put(REQUIREMENTS, Map.of("value", "每周报送整改进展"));
        long instances = historicOrders();

        ResponseEntity<Map> refused = rest.exchange("/engine-rest/process-definition/key/specialSupervision/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("台账中没有编号为「ZF-2026-888888」的问题");
        assertThat(historicOrders()).isEqualTo(instances);
    }

    // -- steps ---------------------------------------------------------------------------------------------------

    private ProcessInstance order(String user, String number, Map<String, Object> extra) {
        authenticateAs(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(SpecialSupervision.PROCESS_KEY, orderForm(number, extra));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Object> orderForm(String number, Map<String, Object> extra) {
        Map<String, Object> form = Variables.createVariables()
                .putValue(PROBLEM_NUMBER, number)
                .putValue(REQUIREMENTS, "每周五前报送维修台账和群众回访情况，问题销号前不得松劲");
        if (extra != null) {
            form.putAll(extra);
        }
        return form;
    }

    private void report(ProcessInstance order, String progress) {
        complete(order, REPORT_PROGRESS, STAFF, Map.of(PROGRESS, progress, DIFFICULTIES, "维修配件采购周期长",
                NEXT_STEPS, "协调采购科加快配件采购", EXPECTED_COMPLETION, today().plusDays(30).toString()));
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    private List<Task> interviews(ProcessInstance order) {
        return engine.getTaskService().createTaskQuery().processInstanceId(order.getId())
                .taskDefinitionKey(INTERVIEW_DEPARTMENT_HEAD).orderByTaskCreateTime().asc().list();
    }

    private void interview(Task task, String findings) {
        authenticateAs(LEADER);
        try {
            engine.getTaskService().complete(task.getId(), Map.of(INTERVIEW_FINDINGS, findings,
                    INTERVIEW_COMMITMENTS, "指定专人每周报送，逾期由科室负责人说明"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private SpecialSupervisions.Order openOrder(String number) {
        return supervisions.openOrderOn(ledger.findByNumber(number).orElseThrow().id()).orElseThrow();
    }

    private long countOrders() {
        return jdbc.queryForObject("select count(*) from special_supervision", Long.class);
    }

    private long historicOrders() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(SpecialSupervision.PROCESS_KEY).count();
    }

    private ResponseEntity<List<Map<String, Object>>> get(String url) {
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(auth()), new ParameterizedTypeReference<>() {
        });
    }

    private static HttpHeaders auth() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", DemoOrganisation.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        return headers;
    }

    // -- the problem, through the lifecycle ----------------------------------------------------------------------

    private ProcessInstance registered() {
        ProcessInstance problem = report("public", "办公楼报修后多日无人上门，电话催问被互相推诿");
        complete(problem, ProblemLifecycle.Elements.REGISTER_PROBLEM, REGISTRAR, Map.of(
                ProblemLifecycle.Variables.REGISTRATION_DECISION, "accept",
                ProblemLifecycle.Variables.CATEGORY, "efficiency",
                ProblemLifecycle.Variables.SEVERITY, "serious",
                ProblemLifecycle.Variables.RESPONSIBLE_DEPARTMENT, DEPARTMENT,
                ProblemLifecycle.Variables.RESPONSIBLE_PERSON, "徐磊"));
        return problem;
    }

    private String registeredProblem() {
        return registered().getBusinessKey();
    }

    private ProcessInstance rectifyingProblem() {
        ProcessInstance problem = registered();
        complete(problem, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY, HEAD,
                Map.of(ProblemLifecycle.Variables.CLAIM_DECISION, "accept"));
        complete(problem, ProblemLifecycle.Elements.PLAN_RECTIFICATION, STAFF,
                Map.of(ProblemLifecycle.Variables.RECTIFICATION_PLAN, "建立报修首问负责和24小时响应制度"));
        return problem;
    }

    private void close(ProcessInstance problem) {
        complete(problem, ProblemLifecycle.Elements.IMPLEMENT_RECTIFICATION, STAFF, Map.of(
                ProblemLifecycle.Variables.PROGRESS_ACTION, "completed", ProblemLifecycle.Variables.PROGRESS_REPORT, "积压报修全部办结"));
        complete(problem, ProblemLifecycle.Elements.VERIFY_RECTIFICATION, REGISTRAR, Map.of(
                ProblemLifecycle.Variables.VERIFICATION_DECISION, "pass", ProblemLifecycle.Variables.VERIFICATION_FINDINGS, "现场核查属实"));
        complete(problem, ProblemLifecycle.Elements.EVALUATE_SATISFACTION, OFFICE_HEAD, Map.of(
                ProblemLifecycle.Variables.INTERNAL_SATISFACTION, 95, ProblemLifecycle.Variables.RECIPIENT_SATISFACTION, 92,
                ProblemLifecycle.Variables.EVALUATION_NOTE, "内部测评30人，报修群众回访10人"));
        complete(problem, ProblemLifecycle.Elements.CLOSE_PROBLEM, OFFICE_HEAD, Map.of(
                ProblemLifecycle.Variables.OFFICIAL_REPLY, "您反映的报修问题已整改，建立了24小时响应制度。感谢监督。"));
    }

    private String closedProblem() {
        ProcessInstance problem = rectifyingProblem();
        close(problem);
        return problem.getBusinessKey();
    }
}
