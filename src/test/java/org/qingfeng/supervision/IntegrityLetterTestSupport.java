package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaints, scans and letters for the early-warning tests. Each test's letters are removed after it — the ledger
 * allows one letter per department and month, and tests must not depend on the order they run in — and its
 * complaints lie in months no other test reports problems in (June 2026 on), on departments chosen per test.
 */
abstract class IntegrityLetterTestSupport extends ProcessTestSupport {

    protected static final String DISCIPLINE_INSPECTOR = "zhaogang";

    @Autowired
    protected IntegrityLetters letters;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected BusinessClock clock;

    private long lastLetterBefore;
    private Set<String> instancesBefore;

    @BeforeEach
    void rememberLetters() {
        lastLetterBefore = jdbc.queryForObject("select coalesce(max(id), 0) from integrity_letter", Long.class);
        instancesBefore = letterInstances();
    }

    @AfterEach
    void removeLetters() {
        for (String id : letterInstances()) {
            if (!instancesBefore.contains(id)) {
                engine.getRuntimeService().deleteProcessInstance(id, "test cleanup", true);
            }
        }
        jdbc.update("delete from integrity_letter_event where letter_id > ?", lastLetterBefore);
        jdbc.update("delete from integrity_letter where id > ?", lastLetterBefore);
    }

    private Set<String> letterInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(IntegrityReminder.PROCESS_KEY)
                .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    /** A registered problem of the department, reported at the given time: one complaint. */
    protected long complaint(String departmentId, LocalDateTime reportedAt) {
        ProblemLedger.Numbered problem = ledger.report(new NewReport("hotline", "public", true, "预警测试投诉", null, null,
                "wangfang", at(reportedAt), null));
        ledger.register(problem.id(), "attitude", "general", departmentId, "负责人", null, null);
        return problem.id();
    }

    /**
     * Fires the scan's timer start job at the given time, as the job executor would when it falls due.
     *
     * @return the id of the scan's process instance
     */
    protected String scanAt(LocalDateTime time) {
        moveClockTo(time);
        Set<String> before = scans();
        engine.getManagementService().executeJob(scanTimer().getId());
        Set<String> started = scans();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        return started.iterator().next();
    }

    private Set<String> scans() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(EarlyWarningScan.PROCESS_KEY).list().stream()
                .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    }

    protected Job scanTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(EarlyWarningScan.PROCESS_KEY)
                .activityId(EarlyWarningScan.Elements.SCAN_TIMER).timers().singleResult();
    }

    /** Starts a letter the way the scan does. */
    protected ProcessInstance raiseWarning(String departmentId, String reason) {
        return engine.getRuntimeService().createMessageCorrelation(IntegrityReminder.WARNING_RAISED_MESSAGE)
                .processInstanceBusinessKey(numberNow(departmentId))
                .setVariable(IntegrityReminder.Variables.DEPARTMENT_ID, departmentId)
                .setVariable(IntegrityReminder.Variables.WARNING_REASON, reason)
                .setVariable(IntegrityReminder.Variables.WARNING_ORIGIN, IntegrityReminder.Values.ORIGIN_SCAN)
                .correlateStartMessage();
    }

    protected String numberNow(String departmentId) {
        return IntegrityLetter.number(departmentId, IntegrityLetters.periodKey(clock.now()));
    }

    protected IntegrityLetter letter(ProcessInstance instance) {
        return letters.find(((Number) engine.getRuntimeService().getVariable(instance.getId(),
                IntegrityReminder.Variables.LETTER_ID)).longValue()).orElseThrow();
    }

    protected IntegrityLetter letter(String number) {
        return letters.findByNumber(number).orElseThrow();
    }

    protected List<IntegrityLetters.EventType> events(IntegrityLetter letter) {
        return letters.events(letter.id()).stream().map(IntegrityLetters.Event::type).toList();
    }

    protected Task task(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** Completes the instance's open task with that key as {@code user}. */
    protected void completeAs(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        authenticateAs(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
