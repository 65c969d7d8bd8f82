package org.qingfeng;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Process tests run on the real application context: the delegates write to the real ledger tables, in the
 * engine's transaction, which is what the tests must prove. Business services are not mocked because they are
 * the ledger itself. The job executor is off; timers fire when a test moves the clock and executes the job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ProcessTestSupport {

    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Monday morning; the default deadlines count working days from here. */
    protected static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 3, 2, 9, 0);

    /**
     * With {@code -Dqingfeng.test.database=postgres} the same suite runs against a fresh PostgreSQL database, created
     * here and dropped when the JVM ends. An unreachable server fails the run; it is never skipped.
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if ("postgres".equals(System.getProperty("qingfeng.test.database"))) {
            String url = TestPostgres.database();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", TestPostgres::user);
            registry.add("spring.datasource.password", TestPostgres::password);
        }
    }

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected ProblemLedger ledger;

    @BeforeEach
    void startClock() {
        init(engine);
        moveClockTo(MONDAY_MORNING);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    protected static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ZONE).toInstant());
    }

    protected static void moveClockTo(LocalDateTime time) {
        ClockUtil.setCurrentTime(at(time));
    }

    protected static void moveClockTo(Date time) {
        ClockUtil.setCurrentTime(time);
    }

    /** A report as the hotline operator enters it in Tasklist's start form. */
    protected ProcessInstance report(String reporterType, String description) {
        return engine.getRuntimeService().startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY, Variables.createVariables()
                .putValue("channel", "hotline")
                .putValue("reporterType", reporterType)
                .putValue("problemDescription", description));
    }

    /** Completes the instance's open task with that definition key, as {@code user}. */
    protected void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = openTask(instance, taskKey);
        authenticateAs(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Acts as the user with the user's groups, as the REST API and the webapps do after a login. */
    protected void authenticateAs(String user) {
        authenticateAs(engine, user);
    }

    public static void authenticateAs(ProcessEngine engine, String user) {
        IdentityService identity = engine.getIdentityService();
        identity.clearAuthentication();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
    }

    protected Task openTask(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** The pending timer job of {@code activityId} in the instance. */
    protected Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
    }

    /** Moves the clock to the timer's due date and fires it. */
    protected void fire(Job timer) {
        moveClockTo(timer.getDuedate());
        engine.getManagementService().executeJob(timer.getId());
    }
}
