package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.IntegrityLetters.EventType.*;
import static org.qingfeng.supervision.IntegrityReminder.Elements.*;
import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.junit.jupiter.api.Test;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.supervision.IntegrityLetter.Origin;
import org.qingfeng.supervision.IntegrityLetter.Status;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/integrity-reminder.bpmn (廉洁提醒函), with the letter's ledger row checked alongside. */
class IntegrityReminderProcessTest extends IntegrityLetterTestSupport {

    private static final String VEHICLES_HEAD = "fengtao";
    private static final String VEHICLES_LEADER = "qianjun";

    @Autowired
    IntegrityLetterBulletinSection bulletinSection;

    @Test
    void anAcceptedReplyClosesTheLetter() {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉3次");
        assertThat(instance.getBusinessKey()).isEqualTo("LJ-2026-06-vehicles");
        assertThat(instance).isWaitingAt(DRAFT_LETTER).task().hasCandidateGroup("disciplineInspection");
        assertThat(instance).variables().containsEntry(DEPARTMENT_NAME, "车辆管理科")
                .containsEntry(DEPARTMENT_HEAD_GROUP, "deptVehiclesHead");
        assertThat(task(instance, DRAFT_LETTER).getDescription()).contains("LJ-2026-06-vehicles", "车辆管理科");

        send(instance, "请你科室对照检查公务用车管理中的问题。");
        // 5 working days from Monday 1 June
        assertThat(instance).isWaitingAt(REPLY_LETTER).task().hasCandidateGroup("deptVehiclesHead")
                .hasDueDate(at(LocalDateTime.of(2026, 6, 8, 18, 0)));
        IntegrityLetter sent = letter(instance);
        assertThat(sent.status()).isEqualTo(Status.AWAITING_REPLY);
        assertThat(sent.sentBy()).isEqualTo(DISCIPLINE_INSPECTOR);
        assertThat(sent.replyDue()).isEqualTo(at(LocalDateTime.of(2026, 6, 8, 18, 0)));
        assertThat(sent.letterText()).isEqualTo("请你科室对照检查公务用车管理中的问题。");
        assertThat(new String(letters.document(sent.id()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("车辆管理科负责人", "请你科室对照检查公务用车管理中的问题。", "2026年6月8日 18:00前", "LJ-2026-06-vehicles");

        moveClockTo(LocalDateTime.of(2026, 6, 4, 10, 0));
        reply(instance, "已组织全科室对照检查", "建立派车登记台账，每周公示");
        assertThat(instance).isWaitingAt(REVIEW_REPLY);
        assertThat(letter(instance).status()).isEqualTo(Status.UNDER_REVIEW);
        completeAs(instance, REVIEW_REPLY, DISCIPLINE_INSPECTOR, Map.of(REVIEW_DECISION, "accept"));

        assertThat(instance).isEnded().hasPassed(LETTER_CLOSED).hasNotPassed(ESCALATE_REPLY);
        IntegrityLetter closed = letters.findByNumber("LJ-2026-06-vehicles").orElseThrow();
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.replyRounds()).isEqualTo(1);
        assertThat(closed.repliedBy()).isEqualTo(VEHICLES_HEAD);
        assertThat(closed.replyMeasures()).isEqualTo("建立派车登记台账，每周公示");
        assertThat(closed.escalationCount()).isZero();
        assertThat(events(closed)).containsExactly(RAISED, SENT, REPLIED, REPLY_ACCEPTED, CLOSED);
        assertThat(jdbc.queryForObject("select open_department_id from integrity_letter where id = ?", String.class,
                closed.id())).isNull();
    }

    @Test
    void aReturnedReplyGoesBackToTheHeadWithTheCommentAndANewDeadline() {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉3次");
        send(instance, "请对照检查。");
        reply(instance, "已知悉", "加强管理");

        moveClockTo(LocalDateTime.of(2026, 6, 5, 10, 0));
        completeAs(instance, REVIEW_REPLY, DISCIPLINE_INSPECTOR, Map.of(REVIEW_DECISION, "return",
                REVIEW_COMMENT, "整改措施过于笼统，请明确责任人和完成时限"));

        // a new round: five working days from Friday 5 June
        assertThat(instance).isWaitingAt(REPLY_LETTER).task().hasDueDate(at(LocalDateTime.of(2026, 6, 12, 18, 0)));
        assertThat(instance).variables().containsEntry(REVIEW_COMMENT, "整改措施过于笼统，请明确责任人和完成时限");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 6, 12, 18, 0)));
        IntegrityLetter returned = letter(instance);
        assertThat(returned.status()).isEqualTo(Status.AWAITING_REPLY);
        assertThat(returned.replyDue()).isEqualTo(at(LocalDateTime.of(2026, 6, 12, 18, 0)));
        assertThat(returned.reviewComment()).isEqualTo("整改措施过于笼统，请明确责任人和完成时限");

        reply(instance, "已组织对照检查", "科长负责，6月30日前完成派车制度修订");
        completeAs(instance, REVIEW_REPLY, DISCIPLINE_INSPECTOR, Map.of(REVIEW_DECISION, "accept"));

        assertThat(instance).isEnded().hasPassed(LETTER_CLOSED);
        IntegrityLetter closed = letters.findByNumber("LJ-2026-06-vehicles").orElseThrow();
        assertThat(closed.replyRounds()).isEqualTo(2);
        assertThat(closed.replyMeasures()).isEqualTo("科长负责，6月30日前完成派车制度修订");
        assertThat(events(closed)).containsExactly(RAISED, SENT, REPLIED, REPLY_RETURNED, REPLIED, REPLY_ACCEPTED, CLOSED);
    }

    @Test
    void silenceUntilTheDeadlineRemindsTheHeadAndAsksTheSupervisingLeaderToUrge() {
        // sent in the last week of July; the deadline falls in August
        moveClockTo(LocalDateTime.of(2026, 7, 27, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉4次");
        send(instance, "请对照检查。");
        Job overdue = timerOf(instance);
        assertThat(overdue.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 8, 3, 18, 0)));

        fire(overdue);

        assertThat(instance).hasPassed(ESCALATE_REPLY).isWaitingAt(REPLY_LETTER, URGE_REPLY);
        assertThat(instance).task(URGE_REPLY).isAssignedTo(VEHICLES_LEADER);
        assertThat(instance).variables().containsEntry(REPLY_DUE_TEXT, "2026年8月3日 18:00");
        IntegrityLetter escalated = letter(instance);
        assertThat(escalated.escalationCount()).isEqualTo(1);
        assertThat(escalated.escalatedTo()).isEqualTo(VEHICLES_LEADER);
        assertThat(escalated.status()).isEqualTo(Status.AWAITING_REPLY);
        assertThat(events(escalated)).containsExactly(RAISED, SENT, REPLY_OVERDUE);
        // the July bulletin names the letter and that it went unanswered
        assertThat(bulletinSection.rows(YearMonth.of(2026, 7))).filteredOn(row -> row.get(0).equals("LJ-2026-07-vehicles"))
                .singleElement().satisfies(row -> assertThat(row).containsSubsequence("车辆管理科", "预警研判", "近30日内连续被投诉4次",
                        "2026-07-27", "2026-08-03", "逾期未答复，已报分管领导督促", "待答复"));

        moveClockTo(LocalDateTime.of(2026, 8, 4, 10, 0));
        completeAs(instance, URGE_REPLY, VEHICLES_LEADER, Map.of(URGE_NOTE, "已电话督促冯涛同志两日内答复"));
        assertThat(instance).hasPassed(REPLY_URGED).isWaitingAt(REPLY_LETTER);
        reply(instance, "已对照检查", "已修订派车制度");
        completeAs(instance, REVIEW_REPLY, DISCIPLINE_INSPECTOR, Map.of(REVIEW_DECISION, "accept"));

        assertThat(instance).isEnded();
        IntegrityLetter closed = letters.findByNumber("LJ-2026-07-vehicles").orElseThrow();
        assertThat(events(closed)).containsExactly(RAISED, SENT, REPLY_OVERDUE, URGED, REPLIED, REPLY_ACCEPTED, CLOSED);
        assertThat(bulletinSection.rows(YearMonth.of(2026, 7))).filteredOn(row -> row.get(0).equals("LJ-2026-07-vehicles"))
                .singleElement().satisfies(row -> assertThat(row.get(6)).isEqualTo("已答复（2026-08-04）；逾期未答复，已报分管领导督促"));
        assertThat(bulletinSection.summary(YearMonth.of(2026, 7), List.of())).contains("发出 1 件", "已答复 1 件", "督促 1 件");
    }

    @Test
    void closingTheLetterWithdrawsAnUrgingStillOpen() {
        moveClockTo(LocalDateTime.of(2026, 7, 27, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉3次");
        send(instance, "请对照检查。");
        fire(timerOf(instance));
        assertThat(instance).isWaitingAt(REPLY_LETTER, URGE_REPLY);

        reply(instance, "已对照检查", "已整改");
        completeAs(instance, REVIEW_REPLY, DISCIPLINE_INSPECTOR, Map.of(REVIEW_DECISION, "accept"));

        assertThat(instance).isEnded().hasPassed(LETTER_CLOSED).hasNotPassed(REPLY_URGED);
        assertThat(letters.findByNumber("LJ-2026-07-vehicles").orElseThrow().status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void aLetterSentBeforeNationalDayIsDueAfterTheHoliday() {
        moveClockTo(LocalDateTime.of(2026, 9, 30, 10, 0));
        ProcessInstance instance = raiseWarning("canteen", "近30日内连续被投诉3次");
        send(instance, "请对照检查。");

        // 1–7 October are holidays; 8, 9, Saturday 10 (调休), 12 and 13 October are the five working days
        Date due = at(LocalDateTime.of(2026, 10, 13, 18, 0));
        assertThat(task(instance, REPLY_LETTER).getDueDate()).isEqualTo(due);
        assertThat(timerOf(instance).getDuedate()).isEqualTo(due);
        assertThat(letter(instance).replyDue()).isEqualTo(due);
        assertThat(new String(letters.document(letter(instance).id()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("2026年10月13日 18:00前", "2026年9月30日");
    }

    @Test
    void disciplineInspectionMayDecideNotToSend() {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉3次");
        completeAs(instance, DRAFT_LETTER, DISCIPLINE_INSPECTOR, Map.of(SEND_DECISION, "cancel", CANCEL_REASON, "三次投诉系同一事项"));

        assertThat(instance).isEnded().hasPassed(LETTER_CANCELLED).hasNotPassed(SEND_LETTER);
        IntegrityLetter cancelled = letters.findByNumber("LJ-2026-06-vehicles").orElseThrow();
        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("三次投诉系同一事项");
        assertThat(letters.document(cancelled.id())).isEmpty();
        assertThat(letters.refusal("vehicles", "2026-06")).hasValueSatisfying(r -> assertThat(r).contains("本月已向该科室发过"));
    }

    @Test
    void theDraftMustSayWhatIsSentOrWhyNot() {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉3次");

        assertThatThrownBy(() -> completeAs(instance, DRAFT_LETTER, DISCIPLINE_INSPECTOR,
                Map.of(SEND_DECISION, "send", LETTER_TEXT, " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("提醒函正文");
        assertThatThrownBy(() -> completeAs(instance, DRAFT_LETTER, DISCIPLINE_INSPECTOR, Map.of(SEND_DECISION, "cancel")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不予发函的理由");

        assertThat(instance).isWaitingAt(DRAFT_LETTER);
        assertThat(letter(instance).status()).isEqualTo(Status.DRAFTING);
    }

    @Test
    void disciplineInspectionStartsALetterByHandAndCannotStartASecondOne() {
        moveClockTo(LocalDateTime.of(2026, 6, 2, 9, 0));
        ProcessInstance instance = startByHand("接群众来信反映，安全保卫科门岗值守人员多次吃拿卡要");

        assertThat(instance).isWaitingAt(CHOOSE_DEPARTMENT).task().isAssignedTo(DISCIPLINE_INSPECTOR);
        String choose = task(instance, CHOOSE_DEPARTMENT).getId();
        // the departments come with the form when it is opened, never stored with the task
        TypedValue options = engine.getFormService().getTaskFormVariables(choose).getValueTyped(DEPARTMENT_OPTIONS);
        assertThat(options.getType()).isEqualTo(SpinValueType.JSON);
        assertThat(((SerializableValue) options).getValueSerialized()).contains("安全保卫科");
        assertThat(engine.getTaskService().getVariables(choose)).doesNotContainKey(DEPARTMENT_OPTIONS);
        completeAs(instance, CHOOSE_DEPARTMENT, DISCIPLINE_INSPECTOR, Map.of(DEPARTMENT_ID, "security"));

        assertThat(instance).isWaitingAt(DRAFT_LETTER);
        IntegrityLetter letter = letter(instance);
        assertThat(letter.number()).isEqualTo("LJ-2026-06-security");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo("LJ-2026-06-security");
        assertThat(letter.origin()).isEqualTo(Origin.MANUAL);
        assertThat(letter.raisedBy()).isEqualTo(DISCIPLINE_INSPECTOR);
        assertThat(letter.reason()).isEqualTo("接群众来信反映，安全保卫科门岗值守人员多次吃拿卡要");
        // the same path as a scan's letter from here on
        send(instance, "请对照检查。");
        assertThat(instance).isWaitingAt(REPLY_LETTER).task().hasCandidateGroup("deptSecurityHead");

        ProcessInstance second = startByHand("再次反映");
        assertThatThrownBy(() -> completeAs(second, CHOOSE_DEPARTMENT, DISCIPLINE_INSPECTOR, Map.of(DEPARTMENT_ID, "security")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("尚有未办结的廉洁提醒函（LJ-2026-06-security）");
        assertThat(second).isWaitingAt(CHOOSE_DEPARTMENT);
        assertThat(letters.list("security", YearMonth.of(2026, 6))).hasSize(1);

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(IntegrityReminder.PROCESS_KEY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("发函事由");
    }

    @Test
    void cancellingTheInstanceWithdrawsTheLetter() {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("vehicles", "近30日内连续被投诉3次");
        send(instance, "请对照检查。");

        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "管理员撤销");

        IntegrityLetter withdrawn = letters.findByNumber("LJ-2026-06-vehicles").orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(Status.WITHDRAWN);
        assertThat(events(withdrawn)).endsWith(WITHDRAWN);
        assertThat(letters.refusal("vehicles", "2026-07")).isEmpty();
    }

    private ProcessInstance startByHand(String reason) {
        authenticateAs(DISCIPLINE_INSPECTOR);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(IntegrityReminder.PROCESS_KEY,
                    Variables.createVariables().putValue(WARNING_REASON, reason));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void send(ProcessInstance instance, String text) {
        completeAs(instance, DRAFT_LETTER, DISCIPLINE_INSPECTOR, Map.of(SEND_DECISION, "send", LETTER_TEXT, text));
    }

    private void reply(ProcessInstance instance, String text, String measures) {
        Task task = task(instance, REPLY_LETTER);
        completeAs(instance, REPLY_LETTER, headOf(task), Map.of(REPLY_TEXT, text, REPLY_MEASURES, measures));
    }

    private String headOf(Task task) {
        return engine.getIdentityService().createUserQuery()
                .memberOfGroup(engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId())
                .list().get(0).getId();
    }

    private Job timerOf(ProcessInstance instance) {
        return timer(instance, REPLY_OVERDUE_TIMER);
    }
}
