package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.SpecialRectificationGroup.Elements.*;
import static org.qingfeng.supervision.SpecialRectificationGroup.Variables.*;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemLifecycle;
import org.qingfeng.report.BulletinSection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every path of processes/special-rectification-group.bpmn, started by registrations in the lifecycle. 办公用房科
 * (officeSpace, supervising leader 钱军) is used by no other test class. Each test registers its problems in a
 * period of its own, more than the 90-day window away from the others; as an open proposal takes in every later
 * problem of its category, each test also uses a category that no other test leaves with an open proposal.
 */
class SpecialRectificationGroupProcessTest extends ProcessTestSupport {

    private static final String DEPARTMENT = "officeSpace";
    private static final String LEADER = "qianjun";
    private static final String REGISTRAR = "wangfang";

    @Autowired
    RectificationGroupProposals proposals;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    @Qualifier("rectificationGroupSection")
    BulletinSection bulletinSection;

    @Test
    void theThirdProblemOfACategoryWithinTheWindowProposesAGroupToTheSupervisingLeader() {
        moveClockTo(LocalDateTime.of(2027, 1, 4, 9, 0));
        String first = registered("efficiency");
        moveClockTo(LocalDateTime.of(2027, 2, 1, 9, 0));
        String second = registered("efficiency");
        assertThat(proposalsOf("efficiency")).isEmpty();

        moveClockTo(LocalDateTime.of(2027, 3, 1, 9, 0));
        String third = registered("efficiency");

        RectificationGroupProposals.Proposal proposal = proposalsOf("efficiency").get(0);
        assertThat(proposal.status()).isEqualTo(RectificationGroupProposals.Status.OPEN);
        assertThat(proposal.problemNumbers()).containsExactly(first, second, third);
        assertThat(proposal.categoryName()).isEqualTo("办事效率");
        ProcessInstance decision = decisionOf(proposal);
        assertThat(decision.getBusinessKey()).isEqualTo("ZG-" + proposal.id());
        // five working days from Monday 1 March 2027
        assertThat(decision).isWaitingAt(DECIDE).task().isAssignedTo(LEADER)
                .hasDueDate(at(LocalDateTime.of(2027, 3, 8, 18, 0)));
        assertThat(engine.getTaskService().getIdentityLinksForTask(engine.getTaskService().createTaskQuery()
                .processInstanceId(decision.getId()).singleResult().getId()))
                .extracting(l -> l.getGroupId()).contains("supervisingLeaders");
        assertThat(decision).variables().containsEntry(DEPARTMENT_NAME, "办公用房科").containsEntry(CATEGORY_LABEL, "办事效率")
                .containsEntry(PROBLEM_COUNT, 3);
        assertThat((String) engine.getRuntimeService().getVariable(decision.getId(), RECURRING_PROBLEMS))
                .contains(first, second, third);
        for (String number : List.of(first, second, third)) {
            assertThat(ledger.events(number)).filteredOn(e -> e.type() == EventType.RECTIFICATION_GROUP_PROPOSED)
                    .singleElement().satisfies(e -> assertThat(e.detail()).contains("办公用房科", "「办事效率」类问题 3 件"));
        }
    }

    @Test
    void problemsOutsideTheWindowOrOfAnotherCategoryOrDepartmentDoNotCount() {
        moveClockTo(LocalDateTime.of(2027, 5, 3, 9, 0));
        registered("discipline");
        registered("discipline");
        // 91 days later the two above have left the window
        moveClockTo(LocalDateTime.of(2027, 8, 2, 9, 0));
        registered("discipline");
        registered("attitude");
        registered("discipline", "conference");

        assertThat(proposalsOf("discipline")).isEmpty();
        assertThat(proposalsOf("attitude")).isEmpty();

        moveClockTo(LocalDateTime.of(2027, 8, 3, 9, 0));
        String second = registered("discipline");
        assertThat(proposalsOf("discipline")).isEmpty();
        String third = registered("discipline");
        assertThat(proposalsOf("discipline")).singleElement()
                .satisfies(p -> assertThat(p.problemNumbers()).hasSize(3).contains(second, third));
    }

    @Test
    void furtherProblemsJoinTheOpenProposalInsteadOfMakingASecondOne() {
        moveClockTo(LocalDateTime.of(2027, 11, 1, 9, 0));
        registered("serviceQuality");
        registered("serviceQuality");
        registered("serviceQuality");
        RectificationGroupProposals.Proposal proposal = proposalsOf("serviceQuality").get(0);

        String fourth = registered("serviceQuality");
        String fifth = registered("serviceQuality");

        assertThat(proposalsOf("serviceQuality")).singleElement()
                .satisfies(p -> assertThat(p.problemNumbers()).hasSize(5).endsWith(fourth, fifth));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SpecialRectificationGroup.PROCESS_KEY).processInstanceBusinessKey("ZG-" + proposal.id())
                .count()).isEqualTo(1);
        assertThat(ledger.events(fourth)).filteredOn(e -> e.type() == EventType.RECTIFICATION_GROUP_PROPOSED)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("一并纳入"));
        // the ledger itself holds one open proposal per pair
        assertThat(proposals.propose(DEPARTMENT, "serviceQuality", 3, new Date())).isEmpty();
    }

    @Test
    void twoRegistrationsAtTheSameMomentMakeOneProposal() throws Exception {
        moveClockTo(LocalDateTime.of(2029, 1, 8, 9, 0));
        registered("attitude");
        registered("attitude");
        List<ProcessInstance> reported = List.of(report("staff", "办公用房维修申请无人受理"), report("staff", "办公用房分配不公开"));
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> registrations = new ArrayList<>();
            for (ProcessInstance problem : reported) {
                String taskId = openTask(problem, ProblemLifecycle.Elements.REGISTER_PROBLEM).getId();
                registrations.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    authenticateAs(REGISTRAR);
                    try {
                        engine.getTaskService().complete(taskId, registration("attitude", DEPARTMENT));
                    } finally {
                        engine.getIdentityService().clearAuthentication();
                    }
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> registration : registrations) {
                registration.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // both registrations went through; the later one joined the proposal the other made
        assertThat(proposalsOf("attitude")).singleElement().satisfies(p -> assertThat(p.problemNumbers())
                .hasSize(4).contains(reported.get(0).getBusinessKey(), reported.get(1).getBusinessKey()));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SpecialRectificationGroup.PROCESS_KEY)
                .variableValueEquals(DEPARTMENT_ID, DEPARTMENT).variableValueEquals(CATEGORY, "attitude").count()).isEqualTo(1);
    }

    @Test
    void anAcceptedProposalFormsTheGroupOnEveryProblemsTimeline() {
        moveClockTo(LocalDateTime.of(2028, 3, 1, 9, 0));
        List<String> numbers = List.of(registered("formalism"), registered("formalism"), registered("formalism"));
        RectificationGroupProposals.Proposal proposal = proposalsOf("formalism").get(0);
        ProcessInstance decision = decisionOf(proposal);

        complete(decision, DECIDE, LEADER, Map.of(GROUP_DECISION, "accept", GROUP_LEADER, "马斌",
                GROUP_MEMBERS, "胡静、作风办王芳", GROUP_GOAL, "梳理办公用房审批流程，消除材料反复补交", GROUP_DEADLINE, "2028-04-28"));

        assertThat(decision).isEnded().hasPassed(GROUP_FORMED).hasNotPassed(GROUP_DECLINED);
        RectificationGroupProposals.Proposal formed = proposals.find(proposal.id()).orElseThrow();
        assertThat(formed.status()).isEqualTo(RectificationGroupProposals.Status.ACCEPTED);
        assertThat(formed.decidedBy()).isEqualTo(LEADER);
        assertThat(formed.groupLeader()).isEqualTo("马斌");
        assertThat(formed.groupDeadline()).isEqualTo(at(LocalDateTime.of(2028, 4, 28, 18, 0)));
        for (String number : numbers) {
            assertThat(ledger.events(number)).filteredOn(e -> e.type() == EventType.RECTIFICATION_GROUP_FORMED)
                    .singleElement().satisfies(e -> {
                        assertThat(e.actor()).isEqualTo(LEADER);
                        assertThat(e.detail()).contains("组长 马斌", "2028年4月28日");
                    });
        }
        // the counted problems do not count again
        registered("formalism");
        assertThat(proposalsOf("formalism")).hasSize(1);

        ResponseEntity<List<Map<String, Object>>> api = rest.exchange("/api/rectification-groups", HttpMethod.GET,
                new HttpEntity<>(auth()), new ParameterizedTypeReference<>() {
                });
        assertThat(api.getBody()).filteredOn(p -> ((Number) p.get("id")).longValue() == proposal.id()).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("status", "ACCEPTED").containsEntry("departmentName", "办公用房科")
                        .containsEntry("problemNumbers", numbers));
        assertThat(bulletinSection.rows(YearMonth.of(2028, 3))).singleElement().satisfies(row ->
                assertThat(row).containsExactly("办公用房科", "形式主义官僚主义", 3, "2028-03-01", "同意组建", "马斌", "2028-04-28"));
    }

    @Test
    void aDeclinedProposalKeepsItsReasonAndADecisionNeedsOne() {
        moveClockTo(LocalDateTime.of(2028, 7, 3, 9, 0));
        List<String> numbers = List.of(registered("integrity"), registered("integrity"), registered("integrity"));
        ProcessInstance decision = decisionOf(proposalsOf("integrity").get(0));

        assertThatThrownBy(() -> complete(decision, DECIDE, LEADER, Map.of(GROUP_DECISION, "decline")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「不予组建理由」为必填项");
        assertThatThrownBy(() -> complete(decision, DECIDE, LEADER, Map.of(GROUP_DECISION, "accept", GROUP_LEADER, "马斌")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「成员」为必填项");
        assertThat(decision).isWaitingAt(DECIDE);

        complete(decision, DECIDE, LEADER, Map.of(GROUP_DECISION, "decline", DECLINE_REASON, "三件问题成因不同，已分别整改到位"));

        assertThat(decision).isEnded().hasPassed(GROUP_DECLINED).hasNotPassed(GROUP_FORMED);
        RectificationGroupProposals.Proposal declined = proposalsOf("integrity").get(0);
        assertThat(declined.status()).isEqualTo(RectificationGroupProposals.Status.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("三件问题成因不同，已分别整改到位");
        for (String number : numbers) {
            assertThat(ledger.events(number)).extracting(ProblemLedger.Event::type)
                    .containsSubsequence(EventType.RECTIFICATION_GROUP_PROPOSED, EventType.RECTIFICATION_GROUP_DECLINED);
        }
        assertThat(bulletinSection.rows(YearMonth.of(2028, 7))).singleElement()
                .satisfies(row -> assertThat(row.get(4)).isEqualTo("不予组建"));
    }

    // -- steps ---------------------------------------------------------------------------------------------------

    private String registered(String category) {
        return registered(category, DEPARTMENT);
    }

    private String registered(String category, String department) {
        ProcessInstance problem = report("staff", "办公用房调整申请多次补交材料仍未办理");
        complete(problem, ProblemLifecycle.Elements.REGISTER_PROBLEM, REGISTRAR, registration(category, department));
        return problem.getBusinessKey();
    }

    private static Map<String, Object> registration(String category, String department) {
        return Map.of(
                ProblemLifecycle.Variables.REGISTRATION_DECISION, "accept",
                ProblemLifecycle.Variables.CATEGORY, category,
                ProblemLifecycle.Variables.SEVERITY, "general",
                ProblemLifecycle.Variables.RESPONSIBLE_DEPARTMENT, department,
                ProblemLifecycle.Variables.RESPONSIBLE_PERSON, "马斌");
    }

    /** This test's proposals for the category in 办公用房科: those made in the current window. */
    private List<RectificationGroupProposals.Proposal> proposalsOf(String category) {
        Date windowStart = Date.from(LocalDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), ZONE)
                .minusDays(90).atZone(ZONE).toInstant());
        return proposals.list().stream()
                .filter(p -> p.departmentId().equals(DEPARTMENT) && p.category().equals(category))
                .filter(p -> !p.proposedAt().before(windowStart))
                .toList();
    }

    private ProcessInstance decisionOf(RectificationGroupProposals.Proposal proposal) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(SpecialRectificationGroup.businessKey(proposal.id())).singleResult();
    }

    private static HttpHeaders auth() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", DemoOrganisation.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        return headers;
    }
}
