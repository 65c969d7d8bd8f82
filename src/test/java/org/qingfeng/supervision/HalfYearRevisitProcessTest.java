package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;
import static org.qingfeng.supervision.HalfYearRevisit.Elements.*;
import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.rectification.ProblemLifecycle;
import org.qingfeng.report.BulletinSection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/half-year-revisit.bpmn. Each test revisits a half-year of its own, which no other test
 * closes problems in, so the samples are exactly the problems made here; the two schedule tests fire the real timer
 * over whatever the shared ledger holds and look only at the campaign they started.
 */
class HalfYearRevisitProcessTest extends ProcessTestSupport {

    private static final String OFFICE = "zhoumin";
    private static final String REGISTRAR = "wangfang";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    RevisitCampaigns campaigns;
    @Autowired
    RevisitSampling sampling;
    @Autowired
    List<BulletinSection> bulletinSections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    // -- schedule ------------------------------------------------------------------------------------------------

    @Test
    void scheduleStartsTheCampaignOnTheFirstWorkingDayOfJulyOverTheFirstHalf() {
        moveClockTo(LocalDateTime.of(2026, 6, 15, 10, 0));
        Job timer = rescheduledTimer();
        // Wednesday 1 July 2026
        assertThat(timer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 7, 1, 9, 0)));

        fire(timer);

        RevisitCampaigns.Campaign campaign = latestCampaign("2026-H1");
        assertThat(campaign.trigger()).isEqualTo(RevisitCampaigns.Trigger.SCHEDULE);
        assertThat(campaign.startedBy()).isNull();
        assertThat(campaign.startedAt()).isEqualTo(at(LocalDateTime.of(2026, 7, 1, 9, 0)));
        // 20 working days from Wednesday 1 July
        assertThat(campaign.dueAt()).isEqualTo(at(LocalDateTime.of(2026, 7, 29, 18, 0)));
        ProcessInstance instance = instance(campaign);
        assertThat(instance).hasPassed(START, SELECT_SAMPLE).hasBusinessKey("RV-2026-H1");
        // the next run: 2027's holidays are not in the calendar table yet, so 1 January counts as a working day
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 1, 9, 0)));

        runtime.deleteProcessInstance(instance.getId(), "test over");
        assertThat(campaigns.find(campaign.id()).orElseThrow().status()).isEqualTo(RevisitCampaigns.Status.CANCELLED);
    }

    @Test
    void januaryCampaignWaitsForTheFirstWorkingDayAfterTheNewYearHoliday() {
        moveClockTo(LocalDateTime.of(2025, 12, 20, 10, 0));
        Job timer = rescheduledTimer();
        // 1–3 January 2026 are the New Year holiday; Sunday 4 January is its make-up working day (调休)
        assertThat(timer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 1, 4, 9, 0)));

        fire(timer);

        RevisitCampaigns.Campaign campaign = latestCampaign("2025-H2");
        assertThat(campaign.trigger()).isEqualTo(RevisitCampaigns.Trigger.SCHEDULE);
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 7, 1, 9, 0)));
        runtime.deleteProcessInstance(campaign.processInstanceId(), "test over");
    }

    @Test
    void scheduleSkipsAHalfYearTheOfficeHasAlreadyStartedAndTheOfficeCannotStartItTwice() {
        moveClockTo(LocalDateTime.of(2027, 1, 1, 8, 0));
        ProcessInstance byHand = startCampaign("2026-H2", null);
        assertThat(byHand).hasBusinessKey("RV-2026-H2");
        RevisitCampaigns.Campaign campaign = latestCampaign("2026-H2");
        assertThat(campaign.trigger()).isEqualTo(RevisitCampaigns.Trigger.MANUAL);
        assertThat(campaign.startedBy()).isEqualTo(OFFICE);

        assertThatThrownBy(() -> startCampaign("2026-H2", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026年下半年的整改回头看正在进行");

        moveClockTo(LocalDateTime.of(2026, 12, 31, 10, 0));
        fire(rescheduledTimer());
        ProcessInstance skipped = runtime.createProcessInstanceQuery().processDefinitionKey(HalfYearRevisit.PROCESS_KEY)
                .processInstanceBusinessKey("RV-2026-H2").list().stream()
                .filter(p -> !p.getId().equals(byHand.getId())).findFirst().orElse(null);
        assertThat(skipped).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().activityId(ALREADY_HELD).list())
                .anySatisfy(a -> assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                        .singleResult().getBusinessKey()).isEqualTo("RV-2026-H2"));
        assertThat(campaigns.of(HalfYear.parse("2026-H2").orElseThrow())).hasSize(1);

        // once the office's campaign is cancelled the half-year may be started again
        runtime.deleteProcessInstance(byHand.getId(), "started by mistake");
        moveClockTo(LocalDateTime.of(2027, 1, 4, 10, 0));
        ProcessInstance again = startCampaign("2026-H2", null);
        assertThat(campaigns.of(HalfYear.parse("2026-H2").orElseThrow())).extracting(RevisitCampaigns.Campaign::status)
                .containsExactly(RevisitCampaigns.Status.CANCELLED, RevisitCampaigns.Status.OPEN);
        runtime.deleteProcessInstance(again.getId(), "test over");
    }

    // -- manual start --------------------------------------------------------------------------------------------

    @Test
    void officeStartsAPastHalfYearByHandAndBadInputChangesNothing() {
        moveClockTo(LocalDateTime.of(2026, 6, 30, 17, 0));
        int before = campaigns.all().size();
        assertThatThrownBy(() -> startCampaign("2026-H1", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026年上半年尚未结束");
        assertThatThrownBy(() -> startCampaign("2026-H3", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-H3");
        assertThatThrownBy(() -> startCampaign("2025-H1", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「其他类别抽查比例（%）」应在1到100之间");
        assertThat(campaigns.all()).hasSize(before);
    }

    @Test
    void halfYearWithoutClosedProblemsEndsWithASummarySayingSo() {
        // started by hand without naming a half-year: the one just ended
        moveClockTo(LocalDateTime.of(2023, 7, 3, 10, 0));
        ProcessInstance instance = startCampaign(null, null);

        assertThat(instance).hasBusinessKey("RV-2023-H1").hasPassed(SELECT_SAMPLE).hasNotPassed(REVISIT_PROBLEMS)
                .isWaitingAt(REVIEW_SUMMARY).task().hasCandidateGroup("workStyleOffice");
        assertThat(instance).variables().containsEntry(CLOSED_COUNT, 0).containsEntry(SAMPLED_COUNT, 0)
                .containsEntry(DONE_COUNT, 0).containsEntry(REBOUND_COUNT, 0)
                .containsEntry(CAMPAIGN_SUMMARY, "2023年上半年无已销号问题，本次未抽取回头看问题。");
        summarize(instance, "本半年度无已销号问题。");

        assertThat(instance).isEnded().hasPassed(CAMPAIGN_CLOSED);
        RevisitCampaigns.Campaign campaign = latestCampaign("2023-H1");
        assertThat(campaign.status()).isEqualTo(RevisitCampaigns.Status.CLOSED);
        assertThat(campaign.closedBy()).isEqualTo(OFFICE);
        assertThat(campaign.conclusion()).isEqualTo("本半年度无已销号问题。");
    }

    // -- sampling ------------------------------------------------------------------------------------------------

    @Test
    void sampleHoldsEveryEasyToReboundProblemAndAShareOfTheOthersAndIsTheSameEveryTime() {
        // canteen: two easy to rebound, four others (4 × 30 % rounds to 1)
        long canteenEfficiency = closedInLedger(LocalDateTime.of(2028, 8, 12, 10, 0), "canteen", "efficiency");
        long canteenDiscipline = closedInLedger(LocalDateTime.of(2028, 9, 12, 10, 0), "canteen", "discipline");
        Set<Long> canteenOthers = Set.of(
                closedInLedger(LocalDateTime.of(2028, 8, 13, 10, 0), "canteen", "attitude"),
                closedInLedger(LocalDateTime.of(2028, 8, 14, 10, 0), "canteen", "attitude"),
                closedInLedger(LocalDateTime.of(2028, 8, 15, 10, 0), "canteen", "serviceQuality"),
                closedInLedger(LocalDateTime.of(2028, 8, 16, 10, 0), "canteen", "formalism"));
        // vehicles: three others (0.9 rounds to 1)
        Set<Long> vehicles = Set.of(
                closedInLedger(LocalDateTime.of(2028, 10, 8, 10, 0), "vehicles", "formalism"),
                closedInLedger(LocalDateTime.of(2028, 10, 9, 10, 0), "vehicles", "formalism"),
                closedInLedger(LocalDateTime.of(2028, 10, 10, 10, 0), "vehicles", "attitude"));
        // conference: one other (0.3 rounds to 0, but every department that closed problems is revisited)
        long conference = closedInLedger(LocalDateTime.of(2028, 11, 4, 10, 0), "conference", "serviceQuality");
        // maintenance: one easy to rebound, ten others (3)
        long maintenanceIntegrity = closedInLedger(LocalDateTime.of(2028, 12, 30, 10, 0), "maintenance", "integrity");
        Set<Long> maintenanceOthers = new HashSet<>();
        for (int day = 1; day <= 10; day++) {
            maintenanceOthers.add(closedInLedger(LocalDateTime.of(2028, 11, 10 + day, 10, 0), "maintenance", "attitude"));
        }
        // not in the half-year, not closed, or already revisited
        long beforeTheHalf = closedInLedger(LocalDateTime.of(2028, 6, 30, 23, 59), "canteen", "efficiency");
        long afterTheHalf = closedInLedger(LocalDateTime.of(2029, 1, 1, 0, 0), "canteen", "efficiency");
        long consolidated = closedInLedger(LocalDateTime.of(2028, 9, 1, 10, 0), "canteen", "efficiency");
        ledger.finish(consolidated, ProblemStatus.CONSOLIDATED);
        moveClockTo(LocalDateTime.of(2028, 9, 2, 10, 0));
        long open = ledger.report(new NewReport("hotline", "staff", false, "未销号的问题", null, null, REGISTRAR,
                at(LocalDateTime.of(2028, 9, 2, 10, 0)), null)).id();

        moveClockTo(LocalDateTime.of(2029, 1, 8, 9, 30));
        ProcessInstance instance = startCampaign("2028-H2", null);

        RevisitCampaigns.Campaign campaign = latestCampaign("2028-H2");
        assertThat(campaign.closedProblems()).isEqualTo(21);
        assertThat(campaign.sampleShare()).isEqualTo(0.3);
        List<RevisitCampaigns.Item> items = campaigns.items(campaign.id());
        Set<Long> sampled = ids(items);
        assertThat(items).filteredOn(RevisitCampaigns.Item::easyToRebound).extracting(RevisitCampaigns.Item::problemId)
                .containsExactlyInAnyOrder(canteenEfficiency, canteenDiscipline, maintenanceIntegrity);
        assertThat(intersection(sampled, canteenOthers)).hasSize(1);
        assertThat(intersection(sampled, vehicles)).hasSize(1);
        assertThat(sampled).contains(conference);
        assertThat(intersection(sampled, maintenanceOthers)).hasSize(3);
        assertThat(sampled).hasSize(9).doesNotContain(beforeTheHalf, afterTheHalf, consolidated, open);

        // one revisit task per sampled problem, for the office, due in 20 working days from Monday 8 January 2029
        assertThat(instance).isWaitingAt(REVISIT_PROBLEM);
        List<Task> revisits = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVISIT_PROBLEM).list();
        assertThat(revisits).hasSize(9).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(LocalDateTime.of(2029, 2, 5, 18, 0))));
        assertThat(engine.getTaskService().getIdentityLinksForTask(revisits.get(0).getId()))
                .extracting(l -> l.getGroupId()).contains("workStyleOffice");
        Task conferenceTask = revisitTask(instance, conference);
        assertThat(tasks.getVariables(conferenceTask.getId())).containsEntry(PROBLEM_NUMBER, ledger.find(conference).orElseThrow().number())
                .containsEntry(DEPARTMENT_NAME, "会务中心").containsEntry(CATEGORY_LABEL, "服务质量")
                .containsEntry(SAMPLE_REASON, "随机抽查").containsEntry(CAMPAIGN_LABEL, "2028年下半年整改回头看");
        assertThat(ledger.events(conference)).extracting(ProblemLedger.Event::type).contains(EventType.REVISIT_SAMPLED);

        // the same half-year always draws the same sample
        String deploymentId = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
        RevisitSampling.Selection again = sampling.select(HalfYear.parse("2028-H2").orElseThrow(), 0.3, deploymentId);
        assertThat(again.picks()).extracting(RevisitSampler.Pick::problemId).containsExactlyInAnyOrderElementsOf(sampled);
        // a larger share draws more of the others, keeping every easy-to-rebound problem
        RevisitSampling.Selection larger = sampling.select(HalfYear.parse("2028-H2").orElseThrow(), 0.6, deploymentId);
        assertThat(larger.picks()).hasSize(3 + 2 + 2 + 1 + 6)
                .extracting(RevisitSampler.Pick::problemId).contains(canteenEfficiency, canteenDiscipline, maintenanceIntegrity);

        // a method the form does not offer is refused, and nothing is recorded
        assertThatThrownBy(() -> revisit(instance, conference, "rebound", "rumour", "听说又有了"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rumour");
        assertThat(ledger.find(conference).orElseThrow().status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(campaigns.counts(campaign.id()).done()).isZero();

        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    // -- revisits ------------------------------------------------------------------------------------------------

    @Test
    void consolidatedRevisitsCloseTheProblemsAndTheCampaign() {
        ProcessInstance lifecycle = closedThroughTheLifecycle(LocalDateTime.of(2024, 3, 4, 9, 0), "食堂窗口打饭态度生硬");
        long fromLifecycle = problem(lifecycle).id();
        long fromLedger = closedInLedger(LocalDateTime.of(2024, 5, 20, 10, 0), "maintenance", "efficiency");

        moveClockTo(LocalDateTime.of(2024, 7, 8, 10, 0));
        ProcessInstance instance = startCampaign("2024-H1", null);
        RevisitCampaigns.Campaign campaign = latestCampaign("2024-H1");
        assertThat(ids(campaigns.items(campaign.id()))).containsExactlyInAnyOrder(fromLifecycle, fromLedger);

        revisit(instance, fromLifecycle, "consolidated", HalfYearRevisit.Methods.ON_SITE, "暗访两次，窗口服务规范");
        assertThat(instance).isWaitingAt(REVISIT_PROBLEM);
        revisit(instance, fromLedger, "consolidated", HalfYearRevisit.Methods.PHONE, "电话回访报修人，维修响应及时");

        // the campaign's revisit is the problem's revisit: the lifecycle no longer waits for one of its own
        assertThat(lifecycle).isEnded().hasPassed(ProblemLifecycle.Elements.PROBLEM_CONSOLIDATED)
                .hasNotPassed(ProblemLifecycle.Elements.REVISIT_PROBLEM);
        for (long id : List.of(fromLifecycle, fromLedger)) {
            ProblemRecord problem = ledger.find(id).orElseThrow();
            assertThat(problem.status()).isEqualTo(ProblemStatus.CONSOLIDATED);
            assertThat(problem.stage()).isEqualTo(Stage.FINISHED);
            assertThat(jdbc.queryForObject("select outcome from revisit where problem_id = ?", String.class, id)).isEqualTo("consolidated");
            assertThat(ledger.events(id)).extracting(ProblemLedger.Event::type)
                    .containsSubsequence(EventType.REVISIT_SAMPLED, EventType.TASK_COMPLETED, EventType.REVISITED);
        }
        assertThat(ledger.events(fromLifecycle)).extracting(ProblemLedger.Event::type)
                .containsSubsequence(EventType.CLOSED, EventType.REVISIT_SAMPLED, EventType.REVISITED);
        assertThat(ledger.events(fromLifecycle)).filteredOn(e -> e.type() == EventType.REVISITED).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(OFFICE));
        assertThat(campaigns.items(campaign.id())).extracting(RevisitCampaigns.Item::method)
                .containsExactlyInAnyOrder("onSite", "phone");

        assertThat(instance).isWaitingAt(REVIEW_SUMMARY);
        assertThat(instance).variables().containsEntry(CLOSED_COUNT, 2).containsEntry(SAMPLED_COUNT, 2)
                .containsEntry(DONE_COUNT, 2).containsEntry(REBOUND_COUNT, 0);
        assertThat((String) runtime.getVariable(instance.getId(), CAMPAIGN_SUMMARY))
                .startsWith("2024年上半年已销号问题 2 件，抽查 2 件（其中易反弹类别 1 件），已回头看 2 件，发现反弹 0 件。");
        summarize(instance, "整改成果总体巩固。");

        assertThat(instance).isEnded().hasPassed(CAMPAIGN_CLOSED).hasNotPassed(OVERDUE_REMINDED);
        assertThat(campaigns.find(campaign.id()).orElseThrow().status()).isEqualTo(RevisitCampaigns.Status.CLOSED);
    }

    @Test
    void reboundFoundByTheCampaignStartsALinkedProblemThatIsHandledMoreStrictly() {
        ProcessInstance lifecycle = closedThroughTheLifecycle(LocalDateTime.of(2025, 3, 3, 9, 0), "食堂窗口工作人员推诿");
        ProblemRecord old = problem(lifecycle);

        moveClockTo(LocalDateTime.of(2025, 7, 7, 10, 0));
        ProcessInstance instance = startCampaign("2025-H1", null);
        // the only problem the canteen closed in the half-year: not easy to rebound, but one per department
        assertThat(campaigns.sampledProblemIds(latestCampaign("2025-H1").id())).containsExactly(old.id());
        revisit(instance, old.id(), "rebound", HalfYearRevisit.Methods.ON_SITE, "窗口人员再次出现推诿");

        assertThat(lifecycle).isEnded().hasPassed(ProblemLifecycle.Elements.PROBLEM_REBOUND);
        assertThat(problem(lifecycle).status()).isEqualTo(ProblemStatus.REBOUNDED);
        ProblemRecord rebound = ledger.find(jdbc.queryForObject("select rebound_problem_id from revisit where problem_id = ?",
                Long.class, old.id())).orElseThrow();
        assertThat(rebound.reboundOf()).isEqualTo(old.id());
        assertThat(ledger.events(old.id())).extracting(ProblemLedger.Event::type)
                .containsSubsequence(EventType.REVISIT_SAMPLED, EventType.TASK_COMPLETED, EventType.REVISITED, EventType.REBOUND_OPENED);
        assertThat(campaigns.items(latestCampaign("2025-H1").id())).singleElement()
                .satisfies(i -> assertThat(i.reboundNumber()).isEqualTo(rebound.number()));

        // the new problem starts the loop again in its own lifecycle, one severity level up
        ProcessInstance reopened = runtime.createProcessInstanceQuery().processInstanceBusinessKey(rebound.number()).singleResult();
        assertThat(reopened).isWaitingAt(ProblemLifecycle.Elements.REGISTER_PROBLEM);
        assertThat(reopened).variables().containsEntry(CATEGORY, "attitude").containsEntry(SEVERITY, "serious")
                .containsEntry(MINIMUM_SEVERITY, "serious").containsEntry(CHANNEL, "revisit");
        assertThat((String) runtime.getVariable(reopened.getId(), PROBLEM_DESCRIPTION)).startsWith("【" + old.number() + " 回头看反弹】");
        Map<String, Object> milder = registration("general");
        assertThatThrownBy(() -> complete(reopened, ProblemLifecycle.Elements.REGISTER_PROBLEM, REGISTRAR, milder))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("严重程度不得低于「较重」");
        assertThat(reopened).isWaitingAt(ProblemLifecycle.Elements.REGISTER_PROBLEM);
        complete(reopened, ProblemLifecycle.Elements.REGISTER_PROBLEM, REGISTRAR, registration("serious"));
        assertThat(reopened).isWaitingAt(ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY);
        // a serious problem gets 10 working days instead of 15 (rectification-deadline.dmn)
        assertThat(ledger.find(rebound.id()).orElseThrow().deadline()).isEqualTo(at(LocalDateTime.of(2025, 7, 21, 18, 0)));

        // the office's summary, the monthly bulletin and the API name the rebound
        assertThat(instance).isWaitingAt(REVIEW_SUMMARY);
        assertThat(instance).variables().containsEntry(REBOUND_COUNT, 1);
        assertThat((String) runtime.getVariable(instance.getId(), CAMPAIGN_SUMMARY))
                .contains("反弹：" + old.number() + "（机关食堂，服务态度）已重新登记为 " + rebound.number());
        BulletinSection campaignSheet = section("整改回头看");
        assertThat(campaignSheet.rows(YearMonth.of(2025, 7))).singleElement().satisfies(row -> assertThat(row)
                .containsExactly("2025年上半年整改回头看", "进行中", "作风办发起", "2025-07-07", "2025-08-04", 1, 1, 1, 1,
                        old.number() + "→" + rebound.number() + "（机关食堂，服务态度）"));
        assertThat(section("问题反弹").rows(YearMonth.of(2025, 7))).singleElement()
                .satisfies(row -> assertThat(row).containsExactly(old.number(), "机关食堂", "窗口人员再次出现推诿", "2025-07-07",
                        rebound.number(), "服务态度"));
        assertThat(campaignSheet.summary(YearMonth.of(2025, 7), campaignSheet.rows(YearMonth.of(2025, 7))))
                .isEqualTo("整改回头看：2025年上半年整改回头看进行中，抽查 1 件，已回头看 1 件，发现反弹 1 件");

        ResponseEntity<List> listed = rest.withBasicAuth("zhangwei", "qingfeng").getForEntity("/api/revisit-campaigns?half=2025-H1", List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) listed.getBody().get(0);
        assertThat(json).containsEntry("half", "2025-H1").containsEntry("status", "OPEN").containsEntry("sampled", 1)
                .containsEntry("done", 1).containsEntry("rebounds", 1);
        assertThat((List<Map<String, Object>>) json.get("reboundProblems")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("problemNumber", old.number()).containsEntry("reboundNumber", rebound.number())
                        .containsEntry("department", "机关食堂").containsEntry("category", "服务态度"));
        ResponseEntity<Map> bad = rest.withBasicAuth("zhangwei", "qingfeng").getForEntity("/api/revisit-campaigns?half=2025-H3", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).containsEntry("parameter", "half");
        assertThat(rest.getForEntity("/api/revisit-campaigns", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        summarize(instance, "反弹问题已从严从重处理。");
        assertThat(instance).isEnded().hasPassed(CAMPAIGN_CLOSED);
    }

    @Test
    void aProblemRevisitedByItsOwnLifecycleDuringTheCampaignReboundsOnlyOnce() {
        ProcessInstance first = closedThroughTheLifecycle(LocalDateTime.of(2030, 1, 7, 9, 0), "食堂窗口插队打饭");
        ProcessInstance second = closedThroughTheLifecycle(LocalDateTime.of(2030, 1, 8, 9, 0), "食堂窗口不找零");
        moveClockTo(LocalDateTime.of(2030, 7, 1, 10, 0));
        ProcessInstance instance = startCampaign("2030-H1", 100);
        assertThat(campaigns.sampledProblemIds(latestCampaign("2030-H1").id()))
                .containsExactly(problem(first).id(), problem(second).id());
        // six months after closure both lifecycles open their own revisit while the campaign's are still open
        fire(timer(first, ProblemLifecycle.Elements.REVISIT_TIMER));
        fire(timer(second, ProblemLifecycle.Elements.REVISIT_TIMER));
        complete(first, ProblemLifecycle.Elements.REVISIT_PROBLEM, OFFICE,
                Map.of(REVISIT_OUTCOME, "rebound", REVISIT_FINDINGS, "仍有插队现象"));
        ProblemRecord firstRebound = ledger.reboundSuccessor(problem(first).id()).orElseThrow();

        // the campaign finds the first again: no second rebound; the second consolidated: its own revisit is withdrawn
        revisit(instance, problem(first).id(), "rebound", HalfYearRevisit.Methods.ON_SITE, "现场仍见插队");
        revisit(instance, problem(second).id(), "consolidated", HalfYearRevisit.Methods.PHONE, "回访三人，均已找零");

        assertThat(jdbc.queryForObject("select count(*) from problem where rebound_of = ?", Integer.class, problem(first).id())).isOne();
        assertThat(problem(first).status()).isEqualTo(ProblemStatus.REBOUNDED);
        assertThat(campaigns.items(latestCampaign("2030-H1").id())).filteredOn(i -> i.problemId() == problem(first).id())
                .singleElement().satisfies(i -> assertThat(i.reboundNumber()).isEqualTo(firstRebound.number()));
        assertThat(second).isEnded().hasPassed(ProblemLifecycle.Elements.PROBLEM_CONSOLIDATED);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(second.getId())
                .taskDefinitionKey(ProblemLifecycle.Elements.REVISIT_PROBLEM).singleResult().getDeleteReason()).isNotEqualTo("completed");
        assertThat(problem(second).status()).isEqualTo(ProblemStatus.CONSOLIDATED);
        assertThat(instance).isWaitingAt(REVIEW_SUMMARY);
        assertThat(instance).variables().containsEntry(REBOUND_COUNT, 1);
        summarize(instance, "一件反弹，已按首次反弹登记的问题处理。");
    }

    @Test
    void overdueRevisitsAreRemindedAndEscalatedWhileTheyStayOpen() {
        long done = closedInLedger(LocalDateTime.of(2027, 3, 15, 10, 0), "procurement", "integrity");
        long late = closedInLedger(LocalDateTime.of(2027, 4, 15, 10, 0), "officeSpace", "efficiency");
        moveClockTo(LocalDateTime.of(2027, 7, 5, 10, 0));
        ProcessInstance instance = startCampaign("2027-H1", null);
        revisit(instance, done, "consolidated", HalfYearRevisit.Methods.QUESTIONNAIRE, "问卷30份，未发现收受礼品");

        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(REVISIT_OVERDUE_TIMER).timers().singleResult();
        // 20 working days from Monday 5 July 2027
        assertThat(overdue.getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 8, 2, 18, 0)));
        fire(overdue);

        assertThat(instance).hasPassed(OVERDUE_REMINDED).isWaitingAt(REVISIT_PROBLEM);
        Task open = revisitTask(instance, late);
        assertThat(open.getPriority()).isEqualTo(HalfYearRevisit.OVERDUE_PRIORITY);
        assertThat(ledger.events(late)).filteredOn(e -> e.type() == EventType.REVISIT_REMINDER).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("整改回头看逾期未完成"));
        assertThat(ledger.events(done)).extracting(ProblemLedger.Event::type).doesNotContain(EventType.REVISIT_REMINDER);
        RevisitCampaigns.Campaign campaign = latestCampaign("2027-H1");
        assertThat(campaign.reminderCount()).isEqualTo(1);
        assertThat(campaign.remindedAt()).isEqualTo(at(LocalDateTime.of(2027, 8, 2, 18, 0)));

        revisit(instance, late, "consolidated", HalfYearRevisit.Methods.ON_SITE, "现场核查，报修当日响应");
        assertThat(instance).isWaitingAt(REVIEW_SUMMARY);
        assertThat(instance).variables().containsEntry(DONE_COUNT, 2);
        summarize(instance, "逾期一件，已督促。");
        assertThat(instance).isEnded();
    }

    // -- steps ---------------------------------------------------------------------------------------------------

    private ProcessInstance startCampaign(String half, Integer sharePercent) {
        VariableMap variables = Variables.createVariables();
        if (half != null) {
            variables.putValue(CAMPAIGN_HALF, half);
        }
        if (sharePercent != null) {
            variables.putValue(SAMPLE_SHARE_PERCENT, sharePercent);
        }
        authenticateAs(OFFICE);
        try {
            return runtime.startProcessInstanceByKey(HalfYearRevisit.PROCESS_KEY, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void revisit(ProcessInstance campaign, long problemId, String outcome, String method, String findings) {
        Task task = revisitTask(campaign, problemId);
        authenticateAs(OFFICE);
        try {
            tasks.complete(task.getId(), Map.of(REVISIT_OUTCOME, outcome, REVISIT_METHOD, method, REVISIT_FINDINGS, findings));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void summarize(ProcessInstance campaign, String conclusion) {
        Task task = tasks.createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(REVIEW_SUMMARY).singleResult();
        authenticateAs(OFFICE);
        try {
            tasks.complete(task.getId(), Map.of(CAMPAIGN_CONCLUSION, conclusion));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private Task revisitTask(ProcessInstance campaign, long problemId) {
        return tasks.createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(REVISIT_PROBLEM).list().stream()
                .filter(t -> ((Number) tasks.getVariable(t.getId(), PROBLEM_ID)).longValue() == problemId)
                .findFirst().orElseThrow();
    }

    /** A problem closed at {@code closedAt}, written straight into the ledger: closed history without its process. */
    private long closedInLedger(LocalDateTime closedAt, String department, String category) {
        LocalDateTime reportedAt = closedAt.minusDays(10);
        moveClockTo(reportedAt);
        long id = ledger.report(new NewReport("hotline", "staff", false, category + "方面的作风问题（" + department + "）", null, null,
                REGISTRAR, at(reportedAt), null)).id();
        ledger.register(id, category, "general", department, "张三", at(reportedAt.plusDays(1)), at(reportedAt.plusDays(9)));
        moveClockTo(closedAt);
        ledger.close(id, "已整改完毕。", at(closedAt), true);
        ledger.enterStage(id, Stage.AWAITING_REVISIT);
        return id;
    }

    /** A canteen problem of poor attitude taken through its whole lifecycle on one morning; it waits for its revisit. */
    private ProcessInstance closedThroughTheLifecycle(LocalDateTime morning, String description) {
        moveClockTo(morning);
        ProcessInstance instance = report("public", description);
        complete(instance, ProblemLifecycle.Elements.REGISTER_PROBLEM, REGISTRAR, registration("general"));
        complete(instance, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY, "liuqiang", Map.of(CLAIM_DECISION, "accept"));
        complete(instance, ProblemLifecycle.Elements.PLAN_RECTIFICATION, "huangli", Map.of(RECTIFICATION_PLAN, "开展服务礼仪培训，设立窗口服务监督岗，月底前完成"));
        complete(instance, ProblemLifecycle.Elements.IMPLEMENT_RECTIFICATION, "huangli",
                Map.of(PROGRESS_ACTION, "completed", PROGRESS_REPORT, "培训已完成"));
        complete(instance, ProblemLifecycle.Elements.VERIFY_RECTIFICATION, REGISTRAR,
                Map.of(VERIFICATION_DECISION, "pass", VERIFICATION_FINDINGS, "现场核查"));
        complete(instance, ProblemLifecycle.Elements.EVALUATE_SATISFACTION, OFFICE,
                Map.of(INTERNAL_SATISFACTION, 95, RECIPIENT_SATISFACTION, 92, EVALUATION_NOTE, "内部30人，服务对象20人"));
        complete(instance, ProblemLifecycle.Elements.CLOSE_PROBLEM, OFFICE, Map.of(OFFICIAL_REPLY, "已整改完毕，感谢监督。"));
        assertThat(instance).isWaitingAt(ProblemLifecycle.Elements.REVISIT_TIMER);
        return instance;
    }

    private static Map<String, Object> registration(String severity) {
        return Variables.createVariables()
                .putValue(REGISTRATION_DECISION, "accept")
                .putValue(CATEGORY, "attitude")
                .putValue(SEVERITY, severity)
                .putValue(RESPONSIBLE_DEPARTMENT, "canteen")
                .putValue(RESPONSIBLE_PERSON, "刘强");
    }

    /** The campaign's start timer, its due date recomputed from the engine clock as if deployed now. */
    private Job rescheduledTimer() {
        management.recalculateJobDuedate(scheduleTimer().getId(), false);
        return scheduleTimer();
    }

    private Job scheduleTimer() {
        return management.createJobQuery().processDefinitionKey(HalfYearRevisit.PROCESS_KEY).activityId(START)
                .timers().singleResult();
    }

    private RevisitCampaigns.Campaign latestCampaign(String half) {
        List<RevisitCampaigns.Campaign> all = campaigns.of(HalfYear.parse(half).orElseThrow());
        return all.get(all.size() - 1);
    }

    private ProcessInstance instance(RevisitCampaigns.Campaign campaign) {
        return runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId()).singleResult();
    }

    private ProblemRecord problem(ProcessInstance lifecycle) {
        return ledger.findByNumber(lifecycle.getBusinessKey()).orElseThrow();
    }

    private BulletinSection section(String title) {
        return bulletinSections.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    private static Set<Long> ids(List<RevisitCampaigns.Item> items) {
        return items.stream().map(RevisitCampaigns.Item::problemId).collect(Collectors.toSet());
    }

    private static Set<Long> intersection(Set<Long> a, Set<Long> b) {
        return a.stream().filter(b::contains).collect(Collectors.toSet());
    }
}
