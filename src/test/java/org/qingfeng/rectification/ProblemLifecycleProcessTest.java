package org.qingfeng.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.intake.PublicRatings;
import org.qingfeng.ledger.DepartmentRate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerQueries;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.ledger.WarningColour;
import org.qingfeng.supervision.ComplaintStatistics;
import org.qingfeng.supervision.EscalationInterview;

/** Every path of processes/problem-lifecycle.bpmn, with the ledger checked alongside. */
class ProblemLifecycleProcessTest extends ProcessTestSupport {

    @Autowired
    private LedgerRecords records;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ComplaintStatistics complaints;
    @Autowired
    private LedgerQueries queries;
    @Autowired
    private PublicRatings publicRatings;

    private static final String REGISTRAR = "wangfang";
    private static final String OFFICE_HEAD = "zhoumin";
    private static final String CANTEEN_HEAD = "liuqiang";
    private static final String CANTEEN_STAFF = "huangli";

    // -- paths ---------------------------------------------------------------------------------------------------

    @Test
    void happyPathRunsFromReportToConsolidatedRevisit() {
        ProcessInstance instance = report("public", "食堂窗口工作人员服务态度生硬，排队时呵斥群众");
        assertThat(instance.getBusinessKey()).matches("ZF-2026-\\d{6}");
        assertThat(instance).isWaitingAt(REGISTER_PROBLEM).task().hasCandidateGroup("workStyleOffice");

        register(instance, "canteen");
        assertThat(instance).isWaitingAt(CLAIM_RESPONSIBILITY).task()
                .hasCandidateGroup("deptCanteenHead")
                .hasDueDate(at(LocalDateTime.of(2026, 3, 3, 18, 0)));
        // 15 working days for a general problem (DMN), counted from Monday 2 March
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 23, 18, 0)));

        claim(instance);
        assertThat(instance).isWaitingAt(PLAN_RECTIFICATION, YELLOW_WARNING_TIMER).task(PLAN_RECTIFICATION)
                .hasCandidateGroup("deptCanteen");
        plan(instance);
        implement(instance, "completed");
        assertThat(instance).isWaitingAt(VERIFY_RECTIFICATION);
        verify(instance, "pass");
        assertThat(instance).hasPassed("rectificationVerifiedEndEvent").isWaitingAt(EVALUATE_SATISFACTION)
                .isNotWaitingAt(YELLOW_WARNING_TIMER);
        evaluate(instance, 95, 90);
        assertThat(instance).isWaitingAt(CLOSE_PROBLEM);
        complete(instance, CLOSE_PROBLEM, OFFICE_HEAD, Map.of(OFFICIAL_REPLY, "经核查属实，已对当事人批评教育并调整窗口服务流程。"));

        ProblemRecord closed = record(instance);
        assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(closed.closedOnTime()).isTrue();
        assertThat(instance).isWaitingAt(REVISIT_TIMER);
        Job revisit = timer(instance, REVISIT_TIMER);
        assertThat(revisit.getDuedate()).isEqualTo(at(MONDAY_MORNING.plusMonths(6)));

        fire(revisit);
        complete(instance, REVISIT_PROBLEM, OFFICE_HEAD, Map.of(REVISIT_OUTCOME, "consolidated", REVISIT_FINDINGS, "暗访两次，窗口服务规范"));
        assertThat(instance).isEnded().hasPassed(PROBLEM_CONSOLIDATED);

        ProblemRecord done = record(instance);
        assertThat(done.status()).isEqualTo(ProblemStatus.CONSOLIDATED);
        assertThat(done.stage()).isEqualTo(Stage.FINISHED);
        assertThat(done.departmentId()).isEqualTo("canteen");
        assertThat(events(instance)).extracting(ProblemLedger.Event::type).containsSubsequence(
                EventType.REPORTED, EventType.TASK_COMPLETED, EventType.REGISTERED, EventType.CLOSED, EventType.REVISITED);
        assertThat(events(instance)).filteredOn(e -> REGISTER_PROBLEM.equals(e.activityId()))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(REGISTRAR));
        long id = done.id();
        assertThat(records.count("rectification_plan", id)).isEqualTo(1);
        assertThat(records.count("progress_report", id)).isEqualTo(1);
        assertThat(records.count("evaluation", id)).isEqualTo(1);
        assertThat(records.count("revisit", id)).isEqualTo(1);
        assertThat(records.count("reminder", id)).isZero();
    }

    @Test
    void deadlinesSkipTheSpringFestivalAndCountItsMakeUpSaturdays() {
        moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
        ProcessInstance instance = registered("canteen");

        // claim: next working day; 15 working days: 2/13, 2/14 (调休), 2/24–27, 2/28 (调休), 3/2–6, 3/9–11
        assertThat(timer(instance, CLAIM_OVERDUE_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 2, 13, 18, 0)));
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 11, 18, 0)));
    }

    @Test
    void rejectedReportEndsWithItsReasonInTheLedger() {
        ProcessInstance instance = report("staff", "会议室空调温度太低");
        complete(instance, REGISTER_PROBLEM, REGISTRAR, Map.of(
                REGISTRATION_DECISION, "reject", REJECTION_REASON, "notWorkStyle", REJECTION_COMMENT, "属设施报修，已转设施维修科"));

        assertThat(instance).isEnded().hasPassed(PROBLEM_REJECTED);
        ProblemRecord rejected = record(instance);
        assertThat(rejected.status()).isEqualTo(ProblemStatus.REJECTED);
        assertThat(events(instance)).extracting(ProblemLedger.Event::type).contains(EventType.REJECTED);
    }

    @Test
    void theRegistrationFormsChoicesComeWithTheFormAndAreNeverStored() {
        ProcessInstance instance = report("public", "办事大厅窗口人员推诿扯皮");
        String task = openTask(instance, REGISTER_PROBLEM).getId();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableNameIn(DEPARTMENT_OPTIONS, DUPLICATE_CANDIDATES).count()).isZero();
        assertThat(engine.getTaskService().getVariables(task)).doesNotContainKeys(DEPARTMENT_OPTIONS, DUPLICATE_CANDIDATES);

        // what Tasklist asks on every task view (GET /task/{id}/form): the fields come with it, their lists are not
        // worked out until read (TaskFormWithOptionsTests)
        TaskFormData formData = engine.getFormService().getTaskFormData(task);
        assertThat(formData.getCamundaFormRef().getKey()).isEqualTo("register-problem");
        assertThat(formData.getFormFields()).extracting(FormField::getId).containsExactly(DUPLICATE_CANDIDATES, DEPARTMENT_OPTIONS);
        // what Tasklist loads when the form is opened (GET /task/{id}/form-variables)
        VariableMap form = engine.getFormService().getTaskFormVariables(task);
        assertThat(form.getValueTyped(DEPARTMENT_OPTIONS).getType()).isEqualTo(SpinValueType.JSON);
        assertThat(form.getValueTyped(DUPLICATE_CANDIDATES).getType()).isEqualTo(SpinValueType.JSON);
        assertThat(json(form.getValueTyped(DEPARTMENT_OPTIONS))).contains(Map.of("label", "机关食堂", "value", "canteen"));
        assertThat(form).containsEntry(PROBLEM_DESCRIPTION, "办事大厅窗口人员推诿扯皮");
        // a form that names no option list gets none
        assertThat(engine.getFormService().getTaskFormVariables(task, List.of(PROBLEM_DESCRIPTION), true))
                .containsOnlyKeys(PROBLEM_DESCRIPTION);
        // opening it wrote nothing either
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableNameIn(DEPARTMENT_OPTIONS, DUPLICATE_CANDIDATES).count()).isZero();
        register(instance, "canteen");

        var history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn(DEPARTMENT_OPTIONS, DUPLICATE_CANDIDATES).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
                .doesNotContain(DEPARTMENT_OPTIONS, DUPLICATE_CANDIDATES)
                .contains(PROBLEM_DESCRIPTION, RESPONSIBLE_DEPARTMENT);
        // the choice made from the options is history like any other variable
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(RESPONSIBLE_DEPARTMENT).singleResult().getValue()).isEqualTo("canteen");
    }

    @Test
    void theFormOffersTheDepartmentsAsTheyAreWhenItIsOpenedAndSubmitted() {
        ProcessInstance instance = report("public", "新设科室的窗口人员工作时间玩手机");
        String task = openTask(instance, REGISTER_PROBLEM).getId();
        try {
            jdbc.update("insert into department (id, name, sort_order) values ('archives', '档案室', 999)");
            assertThat(json(engine.getFormService().getTaskFormVariables(task).getValueTyped(DEPARTMENT_OPTIONS)))
                    .contains(Map.of("label", "档案室", "value", "archives"));
        } finally {
            jdbc.update("delete from department where id = 'archives'");
        }
        assertThat(json(engine.getFormService().getTaskFormVariables(task).getValueTyped(DEPARTMENT_OPTIONS)))
                .extracting(o -> o.get("value")).doesNotContain("archives").contains("canteen");
        // gone by the time the form is submitted
        assertThatThrownBy(() -> register(instance, "archives"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「责任科室」的取值“archives”不在可选范围内");
        assertThat(instance).isWaitingAt(REGISTER_PROBLEM);
        register(instance, "canteen");
        assertThat(record(instance).departmentId()).isEqualTo("canteen");
    }

    @Test
    void duplicateReportIsMergedIntoTheOpenProblemItRepeats() {
        ProcessInstance original = reportTo("canteen", "机关食堂二楼东侧窗口打饭师傅对排队职工大声呵斥，态度恶劣");
        register(original, "canteen");
        ProcessInstance duplicate = reportTo("机关食堂", "在机关食堂二楼打饭时，东侧窗口的师傅态度恶劣，对排队的职工大声呵斥");

        List<Map<String, Object>> offered = duplicateCandidates(duplicate);
        Map<String, Object> candidate = offered.stream()
                .filter(c -> original.getBusinessKey().equals(c.get("number"))).findFirst().orElseThrow();
        assertThat(candidate).containsEntry("value", original.getBusinessKey()).containsEntry("stage", "签收认领")
                .containsKeys("label", "excerpt", "score");
        assertThat((String) candidate.get("excerpt")).startsWith("机关食堂二楼东侧窗口");
        assertThat(((Number) candidate.get("score")).doubleValue()).isGreaterThanOrEqualTo(0.4);

        complete(duplicate, REGISTER_PROBLEM, REGISTRAR, Map.of(
                REGISTRATION_DECISION, "merge", MERGE_TARGET, original.getBusinessKey()));

        assertThat(duplicate).isEnded().hasPassed(MERGE_PROBLEM, PROBLEM_MERGED);
        assertThat(original).isWaitingAt(CLAIM_RESPONSIBILITY);
        ProblemRecord merged = record(duplicate);
        assertThat(merged.status()).isEqualTo(ProblemStatus.MERGED);
        assertThat(merged.stage()).isEqualTo(Stage.FINISHED);
        assertThat(merged.mergedInto()).isEqualTo(record(original).id());
        assertThat(merged.departmentId()).isEqualTo("canteen");
        assertThat(merged.deadline()).isNull();
        assertThat(events(duplicate)).filteredOn(e -> e.type() == EventType.MERGED_INTO)
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(REGISTRAR);
                    assertThat(e.detail()).contains(original.getBusinessKey());
                });
        assertThat(events(original)).filteredOn(e -> e.type() == EventType.DUPLICATE_MERGED)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains(duplicate.getBusinessKey()));
        assertThat(ledger.survivor(duplicate.getBusinessKey())).map(ProblemRecord::number).contains(original.getBusinessKey());
        assertThat(ledger.survivor(original.getBusinessKey())).map(ProblemRecord::number).contains(original.getBusinessKey());
        assertThat(ledger.mergedReports(record(original).id())).containsExactly(duplicate.getBusinessKey());
    }

    @Test
    void aDuplicateOfAnotherDepartmentsProblemIsOfferedAfterTheNamedDepartmentsAndTakesItsDepartment() {
        ProcessInstance canteens = reportTo("canteen", "机关食堂后厨食用油来路不明，进货单据不全");
        register(canteens, "canteen");
        ProcessInstance procurements = reportTo("procurement", "机关食堂后厨采购的食用油来路不明，采购单据不全，价格明显偏高");
        register(procurements, "procurement");
        // the reporter names the canteen; the purchase is the procurement office's
        ProcessInstance duplicate = reportTo("机关食堂", "机关食堂后厨采购的食用油来路不明，采购单据不全，价格偏高");

        List<Map<String, Object>> offered = duplicateCandidates(duplicate);

        assertThat(offered).extracting(c -> c.get("number"))
                .containsSubsequence(canteens.getBusinessKey(), procurements.getBusinessKey())
                .doesNotContain(duplicate.getBusinessKey());
        assertThat(offered).extracting(c -> c.get("department")).first().isEqualTo("机关食堂");
        Map<String, Object> candidate = offered.stream()
                .filter(c -> procurements.getBusinessKey().equals(c.get("number"))).findFirst().orElseThrow();
        assertThat(candidate).containsEntry("value", procurements.getBusinessKey()).containsEntry("department", "物资采购科")
                .containsEntry("stage", "签收认领").containsKeys("excerpt", "score");
        assertThat((String) candidate.get("label")).startsWith(procurements.getBusinessKey() + "（物资采购科，签收认领，相似度")
                .endsWith(String.valueOf(candidate.get("excerpt")));
        // more alike than the canteen's, yet after every candidate of the named department
        assertThat(((Number) candidate.get("score")).doubleValue())
                .isGreaterThan(((Number) offered.get(0).get("score")).doubleValue());
        assertThat(offered.subList(0, offered.indexOf(candidate))).extracting(c -> c.get("department")).containsOnly("机关食堂");

        complete(duplicate, REGISTER_PROBLEM, REGISTRAR, Map.of(
                REGISTRATION_DECISION, "merge", MERGE_TARGET, procurements.getBusinessKey()));

        assertThat(duplicate).isEnded().hasPassed(MERGE_PROBLEM, PROBLEM_MERGED);
        ProblemRecord merged = record(duplicate);
        assertThat(merged.status()).isEqualTo(ProblemStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(record(procurements).id());
        assertThat(merged.departmentId()).isEqualTo("procurement");
        assertThat(ledger.mergedReports(record(procurements).id())).containsExactly(duplicate.getBusinessKey());
    }

    @Test
    void aTargetMergedMeanwhileIsRefusedAndTheReportWaits() {
        ProcessInstance first = reportTo("canteen", "机关食堂早餐供应时间提前结束，七点五十就不再供应早餐");
        ProcessInstance second = reportTo("canteen", "机关食堂早餐七点五十就提前结束供应了，晚到一点就吃不上早餐");
        ProcessInstance third = reportTo("canteen", "食堂早餐供应时间提前结束，七点五十以后就吃不上早餐");
        assertThat(duplicateCandidates(third)).extracting(c -> c.get("number"))
                .contains(first.getBusinessKey(), second.getBusinessKey());

        complete(second, REGISTER_PROBLEM, REGISTRAR, Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, first.getBusinessKey()));
        // the form opened now no longer offers it; a form opened before is refused when submitted
        assertThat(duplicateCandidates(third)).extracting(c -> c.get("number"))
                .contains(first.getBusinessKey()).doesNotContain(second.getBusinessKey());
        assertThatThrownBy(() -> complete(third, REGISTER_PROBLEM, REGISTRAR,
                Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, second.getBusinessKey())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在可选范围内");

        assertThat(third).isWaitingAt(REGISTER_PROBLEM);
        assertThat(record(third).status()).isEqualTo(ProblemStatus.REPORTED);
        assertThat(events(second)).extracting(ProblemLedger.Event::type).doesNotContain(EventType.DUPLICATE_MERGED);
        // the registrar merges into the problem that carries on instead
        complete(third, REGISTER_PROBLEM, REGISTRAR, Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, first.getBusinessKey()));
        assertThat(ledger.mergedReports(record(first).id())).containsExactly(second.getBusinessKey(), third.getBusinessKey());
    }

    @Test
    void aMergeNeedsAnOfferedOtherProblem() {
        ProcessInstance report = reportTo("canteen", "机关食堂夜宵窗口从不公示菜价，结账金额随意");

        assertThatThrownBy(() -> complete(report, REGISTER_PROBLEM, REGISTRAR, Map.of(REGISTRATION_DECISION, "merge")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「合并至」为必填项");
        assertThatThrownBy(() -> complete(report, REGISTER_PROBLEM, REGISTRAR,
                Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, report.getBusinessKey())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在可选范围内");
        assertThatThrownBy(() -> complete(report, REGISTER_PROBLEM, REGISTRAR,
                Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, "ZF-2026-999999")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在可选范围内");

        assertThat(report).isWaitingAt(REGISTER_PROBLEM);
        assertThat(record(report).status()).isEqualTo(ProblemStatus.REPORTED);
    }

    @Test
    void aMergedDuplicateCountsOnceInComplaintsAndNotInRates() {
        // a night in May that no other test reports problems in
        moveClockTo(LocalDateTime.of(2026, 5, 19, 3, 0));
        Instant from = at(LocalDateTime.of(2026, 5, 19, 0, 0)).toInstant();
        Instant until = at(LocalDateTime.of(2026, 5, 20, 0, 0)).toInstant();
        int complaintsBefore = complaints.complaints("maintenance", from, until);
        DepartmentRate ratesBefore = maintenanceRates();

        ProcessInstance original = reportTo("maintenance", "二号楼卫生间水龙头漏水多日，报修后无人上门维修");
        register(original, "maintenance");
        ProcessInstance duplicate = reportTo("maintenance", "二号楼卫生间的水龙头漏水好几天了，报修后一直没人来修");
        complete(duplicate, REGISTER_PROBLEM, REGISTRAR, Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, original.getBusinessKey()));

        assertThat(complaints.complaints("maintenance", from, until)).isEqualTo(complaintsBefore + 1);
        DepartmentRate ratesAfter = maintenanceRates();
        assertThat(ratesAfter.open()).isEqualTo(ratesBefore.open() + 1);
        assertThat(ratesAfter.due()).isEqualTo(ratesBefore.due());
    }

    @Test
    void returnedClaimIsReviewedAndReassigned() {
        ProcessInstance instance = registered("canteen");
        complete(instance, CLAIM_RESPONSIBILITY, CANTEEN_HEAD, Map.of(CLAIM_DECISION, "return", RETURN_REASON, "公务用车问题不属于食堂"));
        assertThat(instance).isWaitingAt(REVIEW_RETURN);
        assertThat(record(instance).stage()).isEqualTo(Stage.RETURN_REVIEW);

        complete(instance, REVIEW_RETURN, REGISTRAR, Map.of(
                RETURN_REVIEW_DECISION, "reassign", RESPONSIBLE_DEPARTMENT, "vehicles", RETURN_REVIEW_COMMENT, "改派车辆管理科"));

        assertThat(instance).isWaitingAt(CLAIM_RESPONSIBILITY).task().hasCandidateGroup("deptVehiclesHead");
        assertThat(record(instance).departmentId()).isEqualTo("vehicles");
    }

    @Test
    void upheldReturnGoesBackToTheSameDepartment() {
        ProcessInstance instance = registered("canteen");
        complete(instance, CLAIM_RESPONSIBILITY, CANTEEN_HEAD, Map.of(CLAIM_DECISION, "return", RETURN_REASON, "不属于本科室"));
        complete(instance, REVIEW_RETURN, REGISTRAR, Map.of(RETURN_REVIEW_DECISION, "uphold", RETURN_REVIEW_COMMENT, "经核实属食堂职责"));

        assertThat(instance).isWaitingAt(CLAIM_RESPONSIBILITY).task().hasCandidateGroup("deptCanteenHead");
    }

    @Test
    void overdueClaimSendsAReminderAndKeepsTheTaskOpen() {
        ProcessInstance instance = registered("canteen");
        Job claimTimer = timer(instance, CLAIM_OVERDUE_TIMER);
        assertThat(claimTimer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 3, 18, 0)));

        fire(claimTimer);

        assertThat(instance).hasPassed(CLAIM_REMINDED).isWaitingAt(CLAIM_RESPONSIBILITY);
        assertThat(instance).variables().containsEntry(REMINDER_COUNT, 1);
        assertThat(record(instance).reminderCount()).isEqualTo(1);
    }

    @Test
    void approvedExtensionMovesTheDeadlineAndRearmsTheWarnings() {
        ProcessInstance instance = rectifying("canteen");
        Date yellowBefore = timer(instance, YELLOW_WARNING_TIMER).getDuedate();

        requestExtension(instance, "2026-04-10");
        assertThat(instance).isWaitingAt(REVIEW_EXTENSION);
        complete(instance, REVIEW_EXTENSION, REGISTRAR, Map.of(EXTENSION_DECISION, "approve", EXTENSION_COMMENT, "需招标采购设备，同意延期"));

        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION);
        Date newDeadline = at(LocalDateTime.of(2026, 4, 10, 18, 0));
        assertThat(deadlineOf(instance)).isEqualTo(newDeadline);
        // 3 working days before Friday 10 April
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate())
                .isNotEqualTo(yellowBefore).isEqualTo(at(LocalDateTime.of(2026, 4, 7, 9, 0)));
        ProblemRecord extended = record(instance);
        assertThat(extended.extensionCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select decision from extension_request where problem_id = ?", String.class,
                extended.id())).isEqualTo("approve");
        assertThat(extended.deadline()).isEqualTo(newDeadline);
    }

    @Test
    void extensionAfterTheYellowWarningRestartsTheWatchForTheNewDeadline() {
        ProcessInstance instance = rectifying("canteen");
        fire(timer(instance, YELLOW_WARNING_TIMER));
        assertThat(instance).isWaitingAt(DEADLINE_REACHED_TIMER);

        requestExtension(instance, "2026-04-30");
        complete(instance, REVIEW_EXTENSION, REGISTRAR, Map.of(EXTENSION_DECISION, "approve", EXTENSION_COMMENT, "同意"));

        // a new deadline gets its own yellow warning; the old deadline no longer fires
        assertThat(instance).isWaitingAt(YELLOW_WARNING_TIMER).isNotWaitingAt(DEADLINE_REACHED_TIMER);
        assertThat(timer(instance, YELLOW_WARNING_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 4, 27, 9, 0)));
        assertThat(record(instance).warningColour()).isEqualTo(WarningColour.YELLOW);
    }

    @Test
    void extensionDuringAnInterviewIsKeptUntilTheInterviewSetsItsOwnDeadline() {
        ProcessInstance instance = rectifying("canteen");
        fire(timer(instance, YELLOW_WARNING_TIMER));
        fire(timer(instance, DEADLINE_REACHED_TIMER));

        requestExtension(instance, "2026-04-30");
        complete(instance, REVIEW_EXTENSION, REGISTRAR, Map.of(EXTENSION_DECISION, "approve", EXTENSION_COMMENT, "同意"));
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 4, 30, 18, 0)));
        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION, ESCALATION_INTERVIEW);

        holdInterview(calledProcessInstance(instance), "sunli", "2026-04-10");
        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 4, 10, 18, 0)));
        assertThat(instance).isWaitingAt(YELLOW_WARNING_TIMER);
    }

    @Test
    void refusedExtensionKeepsTheDeadline() {
        ProcessInstance instance = rectifying("canteen");
        Date deadline = deadlineOf(instance);

        requestExtension(instance, "2026-04-10");
        complete(instance, REVIEW_EXTENSION, REGISTRAR, Map.of(EXTENSION_DECISION, "refuse", EXTENSION_COMMENT, "理由不充分"));

        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION);
        assertThat(deadlineOf(instance)).isEqualTo(deadline);
        assertThat(record(instance).extensionCount()).isZero();
        assertThat(jdbc.queryForObject("select decision from extension_request where problem_id = ?", String.class,
                record(instance).id())).isEqualTo("refuse");
        assertThat(events(instance)).filteredOn(e -> REVIEW_EXTENSION.equals(e.activityId())).hasSize(1);
    }

    @Test
    void yellowThenRedWarningLeadToAnEscalationInterviewWithoutStoppingTheWork() {
        ProcessInstance instance = rectifying("canteen");

        fire(timer(instance, YELLOW_WARNING_TIMER));
        assertThat(instance).variables().containsEntry(WARNING_COLOUR, "YELLOW").containsEntry(REMINDER_COUNT, 1);
        assertThat(record(instance).warningColour()).isEqualTo(WarningColour.YELLOW);
        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION, DEADLINE_REACHED_TIMER);

        Job deadline = timer(instance, DEADLINE_REACHED_TIMER);
        assertThat(deadline.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 23, 18, 0)));
        fire(deadline);

        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION, ESCALATION_INTERVIEW);
        ProblemRecord red = record(instance);
        assertThat(red.warningColour()).isEqualTo(WarningColour.RED);
        assertThat(red.escalationLevel()).isEqualTo(1);
        ProcessInstance interview = calledProcessInstance(instance);
        assertThat(interview).isWaitingAt(EscalationInterview.Elements.SCHEDULE_INTERVIEW)
                .task().isAssignedTo("sunli");
    }

    @Test
    void aSecondMissedDeadlineEscalatesToTheNextLevel() {
        ProcessInstance instance = rectifying("canteen");
        fire(timer(instance, YELLOW_WARNING_TIMER));
        fire(timer(instance, DEADLINE_REACHED_TIMER));
        holdInterview(calledProcessInstance(instance), "sunli", "2026-03-27");

        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION, YELLOW_WARNING_TIMER);
        Date newDeadline = at(LocalDateTime.of(2026, 3, 27, 18, 0));
        assertThat(deadlineOf(instance)).isEqualTo(newDeadline);
        assertThat(record(instance).deadline()).isEqualTo(newDeadline);

        fire(timer(instance, YELLOW_WARNING_TIMER));
        fire(timer(instance, DEADLINE_REACHED_TIMER));

        assertThat(record(instance).escalationLevel()).isEqualTo(2);
        ProcessInstance second = calledProcessInstance(instance);
        assertThat(second).isWaitingAt(EscalationInterview.Elements.SCHEDULE_INTERVIEW).task()
                .hasCandidateGroup("mainLeaders");
        holdInterview(second, "lihua", "2026-04-03");
        assertThat(second).isEnded().hasPassed(EscalationInterview.Elements.WATCH_LIST_PROPOSED);
        assertThat(events(instance)).extracting(ProblemLedger.Event::type)
                .containsSubsequence(EventType.RED_WARNING, EventType.INTERVIEW_RECORDED, EventType.RED_WARNING,
                        EventType.INTERVIEW_RECORDED, EventType.WATCH_LIST_PROPOSED);
        // warnings and reminders are counted across the whole life, not per round
        assertThat(instance).variables().containsEntry(REMINDER_COUNT, 2).containsEntry(ESCALATION_LEVEL, 2);
        long id = record(instance).id();
        assertThat(jdbc.queryForList("select kind from reminder where problem_id = ? order by id", String.class, id))
                .containsExactly("YELLOW_WARNING", "RED_WARNING", "YELLOW_WARNING", "RED_WARNING");
        assertThat(jdbc.queryForList("select watch_list_proposed from escalation_interview where problem_id = ? order by level",
                Boolean.class, id)).containsExactly(false, true);
    }

    @Test
    void progressReportsLoopBackIntoImplementation() {
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "progress");
        implement(instance, "progress");

        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION);
        assertThat(events(instance)).filteredOn(e -> IMPLEMENT_RECTIFICATION.equals(e.activityId())).hasSize(2);
    }

    @Test
    void failedVerificationSendsTheWorkBackWithFindings() {
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "fail");

        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION);
        assertThat(openTask(instance, IMPLEMENT_RECTIFICATION)).isNotNull();
        assertThat(instance).variables().containsEntry(VERIFICATION_DECISION, "fail");
    }

    @Test
    void satisfactionBelowThresholdReopensPlanningAndKeepsTheWarnings() {
        ProcessInstance instance = rectifying("canteen");
        fire(timer(instance, YELLOW_WARNING_TIMER));
        implement(instance, "completed");
        verify(instance, "pass");
        // both sides are rated for an outside reporter (双满意度): one below 85 % is enough
        evaluate(instance, 92, 80);

        assertThat(instance).isWaitingAt(PLAN_RECTIFICATION);
        ProblemRecord reopened = record(instance);
        assertThat(reopened.rectificationRound()).isEqualTo(2);
        assertThat(reopened.warningColour()).isEqualTo(WarningColour.YELLOW);
        assertThat(instance).variables().containsEntry(REMINDER_COUNT, 1).containsEntry(WARNING_COLOUR, "YELLOW");
        assertThat(events(instance)).extracting(ProblemLedger.Event::type).contains(EventType.RECTIFICATION_REOPENED);
        assertThat(jdbc.queryForObject("select satisfaction_met from evaluation where problem_id = ?", Boolean.class,
                reopened.id())).isFalse();
    }

    // -- 群众评议 on the service recipients' side of 满意度测评 ------------------------------------------------------
    // Each test rates in a spring of its own, so no other test's ratings fall into its six-month window.

    @Test
    void publicRatingsPullTheRecipientRateBelowTheThresholdAndTheRectificationIsReplanned() {
        moveClockTo(LocalDateTime.of(2036, 3, 3, 9, 0));
        ratedProblems("canteen", 5, 5, 4, 4, 3, 2, 1, 1);
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");

        // the evaluator sees what will count before entering anything
        assertThat(taskVariable(instance, PUBLIC_RATING_COUNT)).isEqualTo(8L);
        assertThat(taskVariable(instance, PUBLIC_RATING_SATISFIED)).isEqualTo(4L);
        assertThat(taskVariable(instance, PUBLIC_RATING_PERCENT)).isEqualTo(50.0);
        assertThat((String) taskVariable(instance, REPORTER_RATINGS)).contains("共8条，满意（4–5分）4条")
                .contains("基本满意（3分，计入条数、不计满意）1条，不满意（1–2分）3条，满意率50%");
        // a survey of 90 % alone would pass; with the ratings (90×10 + 4×100) ÷ 18 = 72.2 % does not
        evaluate(instance, 95, 90, 10);

        assertThat(instance).isWaitingAt(PLAN_RECTIFICATION);
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 72.2).containsEntry(SATISFACTION_MET, false);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), SATISFACTION_BASIS))
                .contains("服务对象综合满意度72.2%").contains("（90×10＋4×100）÷（10＋8）＝72.2");
        long id = record(instance).id();
        assertThat(jdbc.queryForMap("""
                select recipient_basis, recipient_respondents, public_ratings, public_ratings_satisfied,
                    combined_recipient_satisfaction, recipient_satisfaction, satisfaction_met
                from evaluation where problem_id = ?""", id).values()).extracting(ProblemLifecycleProcessTest::text)
                .containsExactly("POOLED", "10", "8", "4", "72.2", "90", "false");
        assertThat(events(instance)).filteredOn(e -> e.type() == EventType.SATISFACTION_ASSESSED).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(OFFICE_HEAD));
        assertThat(events(instance)).filteredOn(e -> e.type() == EventType.RECTIFICATION_REOPENED).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("满意度未达标（内部 95%，服务对象 72.2%）"));

        // the second round's survey starts empty, and the department's better ratings since then count
        ratedProblems("canteen", 5, 5, 5, 5, 5, 5, 5, 5);
        plan(instance);
        implement(instance, "completed");
        verify(instance, "pass");
        assertThat(taskVariable(instance, RECIPIENT_SATISFACTION)).isNull();
        assertThat(taskVariable(instance, PUBLIC_RATING_COUNT)).isEqualTo(16L);
        evaluate(instance, 95, 90, 10);
        // (900 + 12 × 100) ÷ 26 = 80.7
        assertThat(instance).isWaitingAt(PLAN_RECTIFICATION);
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 80.7);
    }

    @Test
    void publicRatingsLiftTheRecipientRateToTheThresholdAndTheProblemCloses() {
        moveClockTo(LocalDateTime.of(2037, 3, 2, 9, 0));
        ratedProblems("canteen", 5, 5, 5, 5, 5, 5, 5, 4, 4, 3);
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");

        // a survey of 80 % alone would fail; with 9 of 10 ratings satisfied (80×10 + 9×100) ÷ 20 = 85.0 % passes
        evaluate(instance, 90, 80, 10);

        assertThat(instance).isWaitingAt(CLOSE_PROBLEM);
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 85.0);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), SATISFACTION_BASIS))
                .contains("服务对象综合满意度85%");
        complete(instance, CLOSE_PROBLEM, OFFICE_HEAD, Map.of(OFFICIAL_REPLY, "经核查属实，已整改完毕，感谢监督。"));
        assertThat(record(instance).status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(jdbc.queryForObject("select satisfaction_met from evaluation where problem_id = ?", Boolean.class,
                record(instance).id())).isTrue();
    }

    @Test
    void withoutASurveyEnoughRatingsDecideTheRecipientSideAlone() {
        moveClockTo(LocalDateTime.of(2038, 3, 2, 9, 0));
        ratedProblems("canteen", 5, 5, 4, 4, 5, 3);
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");

        complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD, Map.of(INTERNAL_SATISFACTION, 90, EVALUATION_NOTE, "内部测评30人，服务对象未另行测评"));

        // 5 of 6 satisfied: 83.3 %, below the threshold
        assertThat(instance).isWaitingAt(PLAN_RECTIFICATION);
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 83.3);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), SATISFACTION_BASIS))
                .contains("未另行测评，以近6个月（2037年9月2日起）群众评议6条（满意5条）的满意率为准");
        assertThat(jdbc.queryForObject("select recipient_basis from evaluation where problem_id = ?", String.class,
                record(instance).id())).isEqualTo("PUBLIC_RATINGS");
    }

    @Test
    void tooFewRatingsCannotStandInForTheSurveyAndRatingsNeedTheSurveysHeadcount() {
        moveClockTo(LocalDateTime.of(2039, 3, 1, 9, 0));
        ratedProblems("canteen", 5, 5, 5, 5);
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");

        assertThatThrownBy(() -> complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD,
                Map.of(INTERNAL_SATISFACTION, 90, EVALUATION_NOTE, "服务对象未测评")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("群众评议4条，不足5条");
        assertThatThrownBy(() -> complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD,
                Map.of(INTERNAL_SATISFACTION, 90, RECIPIENT_SATISFACTION, 90, EVALUATION_NOTE, "服务对象测评")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「服务对象测评参评人数」为必填项");
        assertThatThrownBy(() -> evaluate(instance, 90, 90, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("参评人数");

        assertThat(instance).isWaitingAt(EVALUATE_SATISFACTION);
        assertThat(records.count("evaluation", record(instance).id())).isZero();
        // 100 % of four ratings and 90 % of 20 respondents: 22 of 24
        evaluate(instance, 90, 90, 20);
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 91.6);
        assertThat(instance).isWaitingAt(CLOSE_PROBLEM);
    }

    @Test
    void ratingsCountFromTheWindowBeforeTheEvaluationOpenedAndNotFromLater() {
        moveClockTo(LocalDateTime.of(2040, 3, 5, 9, 0));
        ratedProblemsAt(LocalDateTime.of(2039, 9, 4, 9, 0), "canteen", 1, 1);   // seven months before: too old
        ratedProblemsAt(LocalDateTime.of(2039, 9, 6, 9, 0), "canteen", 5);      // within six months
        ratedProblemsAt(LocalDateTime.of(2040, 3, 5, 8, 0), "vehicles", 1);     // another department's
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");
        assertThat(taskVariable(instance, PUBLIC_RATING_COUNT)).isEqualTo(1L);

        // rated while the evaluation is open: counts in the department's next evaluation, not in this one
        ratedProblemsAt(LocalDateTime.of(2040, 3, 5, 15, 0), "canteen", 1, 1, 1);
        moveClockTo(LocalDateTime.of(2040, 3, 6, 9, 0));
        evaluate(instance, 90, 90, 9);

        // (90 × 9 + 100) ÷ 10 = 91
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 91.0).containsEntry(PUBLIC_RATING_COUNT, 1L);
        assertThat(instance).isWaitingAt(CLOSE_PROBLEM);
    }

    @Test
    void clientSentRatingFiguresAreIgnoredForTheLedgersOwn() {
        moveClockTo(LocalDateTime.of(2041, 3, 4, 9, 0));
        ratedProblems("canteen", 1, 1, 1, 1, 1);
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");

        Map<String, Object> forged = new HashMap<>(Map.of(INTERNAL_SATISFACTION, 95, RECIPIENT_SATISFACTION, 90,
                RECIPIENT_RESPONDENTS, 10, EVALUATION_NOTE, "测评", PUBLIC_RATING_COUNT, 0, PUBLIC_RATING_SATISFIED, 0));
        complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD, forged);

        // 900 ÷ 15 = 60
        assertThat(instance).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 60.0).containsEntry(PUBLIC_RATING_COUNT, 5L);
        assertThat(instance).isWaitingAt(PLAN_RECTIFICATION);
    }

    @Test
    void aMergedReportsRatingCountsOnceForTheDepartmentThatHandledTheProblem() {
        moveClockTo(LocalDateTime.of(2042, 3, 3, 9, 0));
        // merged while the original was not yet registered: the duplicate's row never learns the department
        ProcessInstance original = reportTo("canteen", "机关食堂三楼自助餐厅收银员多收费，找零时态度恶劣");
        ProcessInstance duplicate = reportTo("canteen", "食堂三楼自助餐厅收银员多收钱，找零的时候态度还很恶劣");
        complete(duplicate, REGISTER_PROBLEM, REGISTRAR, Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, original.getBusinessKey()));
        assertThat(record(duplicate).departmentId()).isNull();
        register(original, "canteen");
        claim(original);
        plan(original);
        implement(original, "completed");
        verify(original, "pass");
        evaluate(original, 95, 95, 10);
        complete(original, CLOSE_PROBLEM, OFFICE_HEAD, Map.of(OFFICIAL_REPLY, "已核实并退还多收款项，感谢监督。"));
        // both reporters rate with their own query codes: one voice each
        rate(record(original).id(), 5);
        rate(record(duplicate).id(), 1);

        moveClockTo(LocalDateTime.of(2042, 4, 1, 9, 0));
        ProcessInstance next = rectifying("canteen");
        implement(next, "completed");
        verify(next, "pass");

        assertThat(taskVariable(next, PUBLIC_RATING_COUNT)).isEqualTo(2L);
        assertThat(taskVariable(next, PUBLIC_RATING_SATISFIED)).isEqualTo(1L);
        Date from = at(LocalDateTime.of(2042, 1, 1, 0, 0));
        Date to = at(LocalDateTime.of(2042, 4, 1, 9, 0));
        assertThat(publicRatings.byDepartment(from, to)).singleElement().satisfies(r -> {
            assertThat(r.departmentId()).isEqualTo("canteen");
            assertThat(r.ratings()).isEqualTo(2);
            assertThat(r.dissatisfied()).isEqualTo(1);
        });
        // (95 × 10 + 100) ÷ 12 = 87.5
        evaluate(next, 95, 95, 10);
        assertThat(next).variables().containsEntry(COMBINED_RECIPIENT_SATISFACTION, 87.5);
    }

    @Test
    void internalProblemIsJudgedOnStaffSatisfactionAlone() {
        ProcessInstance instance = report("staff", "采购审批材料反复要求补交，效率低");
        register(instance, "procurement");
        complete(instance, CLAIM_RESPONSIBILITY, "wujie", Map.of(CLAIM_DECISION, "accept"));
        complete(instance, PLAN_RECTIFICATION, "zhengyu", Map.of(RECTIFICATION_PLAN, "一次性告知清单，限时办结"));
        complete(instance, IMPLEMENT_RECTIFICATION, "zhengyu", Map.of(PROGRESS_ACTION, "completed", PROGRESS_REPORT, "清单已公布"));
        verify(instance, "pass");
        complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD, Map.of(INTERNAL_SATISFACTION, 88, EVALUATION_NOTE, "内部测评30人"));

        assertThat(instance).isWaitingAt(CLOSE_PROBLEM);
    }

    @Test
    void reboundAtRevisitOpensALinkedNewProblem() {
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");
        evaluate(instance, 95, 95);
        complete(instance, CLOSE_PROBLEM, OFFICE_HEAD, Map.of(OFFICIAL_REPLY, "已整改完毕，感谢监督。"));
        fire(timer(instance, REVISIT_TIMER));
        complete(instance, REVISIT_PROBLEM, OFFICE_HEAD, Map.of(REVISIT_OUTCOME, "rebound", REVISIT_FINDINGS, "窗口人员再次出现推诿"));

        assertThat(instance).isEnded().hasPassed(PROBLEM_REBOUND);
        assertThat(record(instance).status()).isEqualTo(ProblemStatus.REBOUNDED);
        String reboundNumber = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(REBOUND_PROBLEM_NUMBER).singleResult().getValue();
        ProblemRecord rebound = ledger.findByNumber(reboundNumber).orElseThrow();
        assertThat(rebound.reboundOf()).isEqualTo(record(instance).id());
        assertThat(jdbc.queryForObject("select rebound_problem_id from revisit where problem_id = ?", Long.class,
                record(instance).id())).isEqualTo(rebound.id());
        assertThat(rebound.status()).isEqualTo(ProblemStatus.REPORTED);
        ProcessInstance reopened = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reboundNumber).singleResult();
        assertThat(reopened).isWaitingAt(REGISTER_PROBLEM);
        // 从严从重: the registrar starts one severity level up and may not go below it
        assertThat(reopened).variables().containsEntry(SEVERITY, "serious").containsEntry(MINIMUM_SEVERITY, "serious");
    }

    // -- input rules ---------------------------------------------------------------------------------------------

    @Test
    void registrationWithoutRequiredFieldsIsRefusedAndChangesNothing() {
        ProcessInstance instance = report("public", "办事大厅工作人员上班时间玩手机");

        assertThatThrownBy(() -> complete(instance, REGISTER_PROBLEM, REGISTRAR, Map.of(REGISTRATION_DECISION, "accept")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("「问题类别」为必填项")
                .hasMessageContaining("「责任科室」为必填项");

        assertThat(instance).isWaitingAt(REGISTER_PROBLEM);
        assertThat(instance).variables().doesNotContainKey(REGISTRATION_DECISION);
        assertThat(record(instance).status()).isEqualTo(ProblemStatus.REPORTED);
    }

    @Test
    void valuesOutsideTheFormsChoicesAreRefused() {
        ProcessInstance instance = report("public", "办事大厅工作人员上班时间玩手机");
        Map<String, Object> registration = registration("canteen");
        registration.put(SEVERITY, "catastrophic");
        assertThatThrownBy(() -> complete(instance, REGISTER_PROBLEM, REGISTRAR, registration))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catastrophic");

        Map<String, Object> unknownDepartment = registration("finance");
        assertThatThrownBy(() -> complete(instance, REGISTER_PROBLEM, REGISTRAR, unknownDepartment))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("责任科室");
        assertThat(instance).isWaitingAt(REGISTER_PROBLEM);
    }

    @Test
    void fieldsHiddenByTheFormAreNotRequired() {
        ProcessInstance instance = report("public", "办事大厅工作人员上班时间玩手机");
        // a rejection needs no category, department or deadline, just as the form hides them
        complete(instance, REGISTER_PROBLEM, REGISTRAR, Map.of(
                REGISTRATION_DECISION, "reject", REJECTION_REASON, "duplicate", REJECTION_COMMENT, "与ZF-2026-000001重复"));
        assertThat(instance).isEnded();
    }

    @Test
    void reportWithoutDescriptionIsRefusedAndLeavesNoLedgerEntry() {
        long before = ledger.count();
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY,
                Variables.createVariables().putValue(CHANNEL, "hotline").putValue(REPORTER_TYPE, "public")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("「问题描述」为必填项");
        assertThat(ledger.count()).isEqualTo(before);
    }

    @Test
    void extensionToAPastDateIsRefused() {
        ProcessInstance instance = rectifying("canteen");
        assertThatThrownBy(() -> requestExtension(instance, "2026-02-01"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能早于今天");
        assertThat(instance).isWaitingAt(IMPLEMENT_RECTIFICATION);
    }

    @Test
    void satisfactionScoresOutOfRangeAreRefused() {
        ProcessInstance instance = rectifying("canteen");
        implement(instance, "completed");
        verify(instance, "pass");
        assertThatThrownBy(() -> evaluate(instance, 120, 90))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("应在0到100之间");
        assertThat(instance).isWaitingAt(EVALUATE_SATISFACTION);
    }

    @Test
    void registrarMayFixTheDeadlineInsteadOfTheDefault() {
        ProcessInstance instance = report("public", "车辆调度不透明");
        Map<String, Object> registration = registration("vehicles");
        registration.put(DEADLINE_OVERRIDE, "2026-03-06");
        complete(instance, REGISTER_PROBLEM, REGISTRAR, registration);

        assertThat(deadlineOf(instance)).isEqualTo(at(LocalDateTime.of(2026, 3, 6, 18, 0)));
        List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(openTask(instance, CLAIM_RESPONSIBILITY).getId());
        assertThat(links).extracting(IdentityLink::getGroupId).contains("deptVehiclesHead");
    }

    // -- steps ---------------------------------------------------------------------------------------------------

    /** A report naming the department it is about, by id or name, as the report form's 涉及科室 does. */
    private ProcessInstance reportTo(String departmentHint, String description) {
        return engine.getRuntimeService().startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY, Variables.createVariables()
                .putValue(CHANNEL, "hotline")
                .putValue(REPORTER_TYPE, "public")
                .putValue(DEPARTMENT_HINT, departmentHint)
                .putValue(PROBLEM_DESCRIPTION, description));
    }

    /** The duplicate candidates the register form offers when it is opened now, as the form reads them. */
    private List<Map<String, Object>> duplicateCandidates(ProcessInstance instance) {
        String task = openTask(instance, REGISTER_PROBLEM).getId();
        return json(engine.getFormService().getTaskFormVariables(task, List.of(DUPLICATE_CANDIDATES), true)
                .getValueTyped(DUPLICATE_CANDIDATES));
    }

    /** A Json form variable's list, as Tasklist parses it. */
    private static List<Map<String, Object>> json(TypedValue value) {
        try {
            return new ObjectMapper().readValue(((SerializableValue) value).getValueSerialized(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DepartmentRate maintenanceRates() {
        return queries.rates(YearMonth.of(2026, 5)).stream()
                .filter(r -> r.departmentId().equals("maintenance")).findFirst().orElseThrow();
    }

    private Map<String, Object> registration(String department) {
        return Variables.createVariables()
                .putValue(REGISTRATION_DECISION, "accept")
                .putValue(CATEGORY, "attitude")
                .putValue(SEVERITY, "general")
                .putValue(RESPONSIBLE_DEPARTMENT, department)
                .putValue(RESPONSIBLE_PERSON, "刘强");
    }

    private void register(ProcessInstance instance, String department) {
        complete(instance, REGISTER_PROBLEM, REGISTRAR, registration(department));
    }

    private ProcessInstance registered(String department) {
        ProcessInstance instance = report("public", "食堂窗口工作人员服务态度生硬");
        register(instance, department);
        return instance;
    }

    private void claim(ProcessInstance instance) {
        complete(instance, CLAIM_RESPONSIBILITY, CANTEEN_HEAD, Map.of(CLAIM_DECISION, "accept"));
    }

    private void plan(ProcessInstance instance) {
        complete(instance, PLAN_RECTIFICATION, CANTEEN_STAFF, Map.of(RECTIFICATION_PLAN, "开展服务礼仪培训，设立窗口服务监督岗，月底前完成"));
    }

    private ProcessInstance rectifying(String department) {
        ProcessInstance instance = registered(department);
        claim(instance);
        plan(instance);
        return instance;
    }

    private void implement(ProcessInstance instance, String action) {
        complete(instance, IMPLEMENT_RECTIFICATION, CANTEEN_STAFF, Map.of(PROGRESS_ACTION, action, PROGRESS_REPORT, "已完成培训两次"));
    }

    private void requestExtension(ProcessInstance instance, String until) {
        complete(instance, IMPLEMENT_RECTIFICATION, CANTEEN_STAFF, Map.of(PROGRESS_ACTION, "extension",
                PROGRESS_REPORT, "设备未到货", REQUESTED_DEADLINE, until, EXTENSION_REASON, "设备需招标采购"));
    }

    private void verify(ProcessInstance instance, String decision) {
        complete(instance, VERIFY_RECTIFICATION, REGISTRAR, Map.of(VERIFICATION_DECISION, decision, VERIFICATION_FINDINGS, "现场核查"));
    }

    private void evaluate(ProcessInstance instance, int internal, int recipient) {
        complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD, Map.of(
                INTERNAL_SATISFACTION, internal, RECIPIENT_SATISFACTION, recipient, EVALUATION_NOTE, "内部30人，服务对象20人"));
    }

    private void evaluate(ProcessInstance instance, int internal, int recipient, int respondents) {
        complete(instance, EVALUATE_SATISFACTION, OFFICE_HEAD, Map.of(INTERNAL_SATISFACTION, internal,
                RECIPIENT_SATISFACTION, recipient, RECIPIENT_RESPONDENTS, respondents, EVALUATION_NOTE, "内部30人，服务对象问卷"));
    }

    private Object taskVariable(ProcessInstance instance, String name) {
        return engine.getTaskService().getVariable(openTask(instance, EVALUATE_SATISFACTION).getId(), name);
    }

    /** Closed problems of {@code department} that their reporters rated with {@code scores} a day ago. */
    private void ratedProblems(String department, int... scores) {
        ratedProblemsAt(LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).minusDays(1), department, scores);
    }

    private void ratedProblemsAt(LocalDateTime ratedAt, String department, int... scores) {
        Timestamp closed = Timestamp.from(at(ratedAt.minusDays(2)).toInstant());
        for (int score : scores) {
            String number = "PJ-" + UUID.randomUUID().toString().substring(0, 12);
            jdbc.update("""
                    insert into problem (number, channel, reporter_type, external_origin, description, reported_at, status, stage,
                        category, severity, department_id, registered_at, deadline, closed_at, closed_on_time, updated_at)
                    values (?, 'onlinePlatform', 'public', true, '群众评议测试问题', ?, 'CLOSED', 'AWAITING_REVISIT',
                        'attitude', 'general', ?, ?, ?, ?, true, ?)""",
                    number, closed, department, closed, closed, closed, closed);
            jdbc.update("insert into public_rating (problem_id, score, rated_at) select id, ?, ? from problem where number = ?",
                    score, Timestamp.from(at(ratedAt).toInstant()), number);
        }
    }

    /** A column's value as people read it: 72.2, not 72.20. */
    private static String text(Object value) {
        return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    /** The reporter's rating of the closed problem, as the public page stores it. */
    private void rate(long problemId, int score) {
        jdbc.update("insert into public_rating (problem_id, score, rated_at) values (?, ?, ?)", problemId, score,
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }

    private void holdInterview(ProcessInstance interview, String interviewer, String newDeadline) {
        complete(interview, EscalationInterview.Elements.SCHEDULE_INTERVIEW, interviewer, Map.of(
                EscalationInterview.Variables.INTERVIEW_TIME, tomorrowAtTen(), EscalationInterview.Variables.INTERVIEW_PLACE, "三楼会议室"));
        complete(interview, EscalationInterview.Elements.HOLD_INTERVIEW, interviewer, Map.of(
                EscalationInterview.Variables.INTERVIEW_FINDINGS, "整改拖延，责任不落实",
                EscalationInterview.Variables.INTERVIEW_COMMITMENTS, "科室负责人亲自督办",
                EscalationInterview.Variables.NEW_DEADLINE, newDeadline));
    }

    private static String tomorrowAtTen() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).plusDays(1) + "T10:00";
    }

    private Date deadlineOf(ProcessInstance instance) {
        return (Date) engine.getRuntimeService().getVariable(instance.getId(), RECTIFICATION_DEADLINE);
    }

    private ProblemRecord record(ProcessInstance instance) {
        return ledger.findByNumber(instance.getBusinessKey()).orElseThrow();
    }

    private List<ProblemLedger.Event> events(ProcessInstance instance) {
        return ledger.events(instance.getBusinessKey());
    }
}
