package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.EscalationInterview.Elements.*;
import static org.qingfeng.supervision.EscalationInterview.Variables.*;

import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemLifecycle;

/** Every path of processes/escalation-interview.bpmn, started the way the lifecycle's call activity starts it. */
class EscalationInterviewProcessTest extends ProcessTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstLevelIsHeldByTheDepartmentsSupervisingLeader() {
        ProcessInstance interview = interview("vehicles", 1);

        assertThat(interview).isWaitingAt(SCHEDULE_INTERVIEW).task().isAssignedTo("qianjun");
        assertThat(interview).variables().containsEntry(INTERVIEW_TITLE, "分管领导约谈科室负责人（车辆管理科）")
                // 5 working days from Monday 2 March, as escalation-routing.dmn suggests for the first level
                .containsEntry(NEW_DEADLINE, "2026-03-09");
        hold(interview, "qianjun");

        assertThat(interview).isEnded().hasPassed(INTERVIEW_COMPLETED).hasNotPassed(WATCH_LIST_PROPOSED);
        assertThat(ledger.events(problemId(interview))).extracting(ProblemLedger.Event::type)
                .contains(EventType.INTERVIEW_RECORDED).doesNotContain(EventType.WATCH_LIST_PROPOSED);
    }

    @Test
    void thirdLevelGoesToDisciplineInspectionAndProposesTheWatchList() {
        ProcessInstance interview = interview("vehicles", 3);

        assertThat(interview).isWaitingAt(SCHEDULE_INTERVIEW).task()
                .hasCandidateGroup("disciplineInspection").isNotAssigned();
        complete(interview, SCHEDULE_INTERVIEW, "zhaogang", Map.of(INTERVIEW_TIME, "2026-03-03T10:00", INTERVIEW_PLACE, "纪检监察室"));
        complete(interview, HOLD_INTERVIEW, "zhaogang", Map.of(INTERVIEW_FINDINGS, "多次逾期", INTERVIEW_COMMITMENTS,
                "三日内完成", NEW_DEADLINE, "2026-03-05", "accountabilityMeasure", "admonitionTalk",
                "accountabilityReason", "整改多次逾期，敷衍整改"));

        assertThat(interview).isEnded().hasPassed(WATCH_LIST_PROPOSED);
        // 诫勉谈话 of the head of 车辆管理科, kept with the problem
        assertThat(jdbc.queryForMap("select * from accountability where problem_id = ?", problemId(interview)))
                .containsEntry("MEASURE", "ADMONITION_TALK").containsEntry("PERSON", "fengtao")
                .containsEntry("DECIDED_IN", "PROBLEM_INTERVIEW").containsEntry("DECIDED_BY", "zhaogang");
        assertThat(ledger.events(problemId(interview))).extracting(ProblemLedger.Event::type)
                .containsSubsequence(EventType.INTERVIEW_RECORDED, EventType.WATCH_LIST_PROPOSED);
    }

    private ProcessInstance interview(String department, int level) {
        ProblemLedger.Numbered problem = ledger.report(new NewReport("hotline", "public", true, "公车私用", null, null,
                "wangfang", at(MONDAY_MORNING), null));
        return engine.getRuntimeService().startProcessInstanceByKey(EscalationInterview.PROCESS_KEY, problem.number(),
                Variables.createVariables()
                        .putValue(ProblemLifecycle.Variables.PROBLEM_ID, problem.id())
                        .putValue(ProblemLifecycle.Variables.PROBLEM_NUMBER, problem.number())
                        .putValue(ProblemLifecycle.Variables.RESPONSIBLE_DEPARTMENT, department)
                        .putValue(ESCALATION_LEVEL, level)
                        .putValue(MISSED_DEADLINE, at(LocalDateTime.of(2026, 2, 27, 18, 0))));
    }

    private void hold(ProcessInstance interview, String interviewer) {
        complete(interview, SCHEDULE_INTERVIEW, interviewer, Map.of(INTERVIEW_TIME, "2026-03-03T10:00", INTERVIEW_PLACE, "党委会议室"));
        complete(interview, HOLD_INTERVIEW, interviewer, Map.of(INTERVIEW_FINDINGS, "整改不力", INTERVIEW_COMMITMENTS,
                "一周内完成", NEW_DEADLINE, "2026-03-09"));
    }

    private long problemId(ProcessInstance interview) {
        return ledger.findByNumber(interview.getBusinessKey()).orElseThrow().id();
    }
}
