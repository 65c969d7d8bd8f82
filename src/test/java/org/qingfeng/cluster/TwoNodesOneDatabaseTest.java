package org.qingfeng.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingfeng.rectification.ProblemLifecycle.Elements.REGISTER_PROBLEM;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.QingfengApplication;
import org.qingfeng.supervision.MonthlyReview;
import org.qingfeng.TestPostgres;
import org.qingfeng.ledger.audit.AuditTrail;
import org.qingfeng.ledger.audit.AuditVerification;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, each with its own engine and job executor — Camunda's
 * homogeneous cluster. When timers fall due, both nodes compete for the jobs; each job must run exactly once, so
 * no reminder, interview, letter or bulletin is ever doubled. The nodes share this JVM and therefore the engine
 * clock, which the test moves; waiting for the job executors is polling with a deadline, not a timed assertion.
 */
@Tag("cluster")
class TwoNodesOneDatabaseTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    @BeforeAll
    static void startTwoNodes() {
        String url = TestPostgres.newDatabase();
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 2, 9, 0)));
        // one after the other, as a rolling start would; the second finds schema, deployment and users in place
        node1 = node("node1", url);
        node2 = node("node2", url);
    }

    @AfterAll
    static void stopNodes() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        ClockUtil.reset();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 2, 9, 0)));
    }

    private static ConfigurableApplicationContext node(String name, String url) {
        Map<String, String> properties = Map.ofEntries(
                        Map.entry("spring.datasource.url", url),
                        Map.entry("spring.datasource.username", TestPostgres.user()),
                        Map.entry("spring.datasource.password", TestPostgres.password()),
                        Map.entry("server.port", "0"),
                        Map.entry("spring.main.banner-mode", "off"),
                        Map.entry("camunda.bpm.process-engine-name", name),
                        // the host name goes into the job log, so the test can tell which node ran a job
                        Map.entry("camunda.bpm.generic-properties.properties.hostname", name),
                        Map.entry("camunda.bpm.job-execution.enabled", "true"),
                        Map.entry("camunda.bpm.job-execution.wait-time-in-millis", "100"),
                        Map.entry("camunda.bpm.job-execution.max-wait", "500"),
                        Map.entry("camunda.bpm.job-execution.core-pool-size", "3"),
                        // Camunda's webapps keep their runtime delegates in statics of this JVM, and each webapp
                        // context that shuts down sets them to null: two nodes serving the webapps here would, when
                        // closed, leave the suite's cached application without Tasklist, Cockpit and Admin (500 at
                        // login). A real node is alone in its JVM; the jobs this test is about run without webapps.
                        Map.entry("camunda.bpm.webapp.enabled", "false"),
                        Map.entry("qingfeng.demo.enabled", "true"),
                        Map.entry("qingfeng.demo.problems", "false"));
        // as command-line arguments, which outrank application.yaml
        return new SpringApplicationBuilder(QingfengApplication.class).profiles("test")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void eachDueTimerOfTheLifecycleFiresOnceAcrossBothNodes() {
        ProcessEngine engine = engine(node1);
        List<ProcessInstance> problems = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY,
                    Variables.createVariables().putValue(CHANNEL, "hotline").putValue(REPORTER_TYPE, "staff")
                            .putValue(PROBLEM_DESCRIPTION, "两节点测试问题 " + i));
            Task register = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(REGISTER_PROBLEM).singleResult();
            ProcessTestSupport.authenticateAs(engine, "wangfang");
            engine.getTaskService().complete(register.getId(), Map.of(REGISTRATION_DECISION, "accept", CATEGORY, "attitude",
                    SEVERITY, "general", RESPONSIBLE_DEPARTMENT, i % 2 == 0 ? "canteen" : "vehicles", RESPONSIBLE_PERSON, "负责人"));
            engine.getIdentityService().clearAuthentication();
            problems.add(instance);
        }

        // nobody claims: the claim deadline (end of the next working day) passes for all thirty at once
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 5, 9, 0)));
        awaitNoDueJobs(engine);

        JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
        // entries are chained shortly after their commit; chain what still waits before reading the chain itself
        node2.getBean(AuditTrail.class).seal();
        for (ProcessInstance problem : problems) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from problem_event e join problem p on p.id = e.problem_id
                    where p.number = ? and e.type = 'CLAIM_REMINDER'""", Integer.class, problem.getBusinessKey()))
                    .as("claim reminders of %s", problem.getBusinessKey()).isEqualTo(1);
            // both nodes' job executors appended to the one audit chain: each reminder once, by nobody in person
            assertThat(jdbc.queryForList("""
                    select a.actor from audit_entry a join problem p on p.id = a.problem_id
                    where p.number = ? and a.kind = 'EVENT' and a.operation = 'CLAIM_REMINDER'""", String.class,
                    problem.getBusinessKey())).containsExactly(AuditTrail.SYSTEM);
        }
        assertThat(node2.getBean(AuditVerification.class).verify().intact()).isTrue();
        assertEveryJobRanOnce(engine);
    }

    @Test
    void theMonthlyReviewStartsOnceAcrossBothNodes() {
        ProcessEngine engine = engine(node1);
        JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
        // the schedule's first run: the first working day of April 2026, 09:00
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 4, 1, 9, 1)));
        awaitNoDueJobs(engine);

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(MonthlyReview.PROCESS_KEY).processInstanceBusinessKey("YDSH-2026-03").count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from bulletin where period_month = '2026-03'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from monthly_review where period_month = '2026-03'", Integer.class)).isOne();
        assertThat(jdbc.queryForList("select department_id from department_interview where period_month = '2026-03'", String.class))
                .doesNotHaveDuplicates();
        // and the schedule waits for May's first working day, once
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(MonthlyReview.SCHEDULE_PROCESS_KEY)
                .timers().list()).singleElement().satisfies(job -> assertThat(job.getDuedate()).isAfter(at(LocalDateTime.of(2026, 4, 30, 0, 0))));
        assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();

        // 1 July: June's review and the first half-year's revisit campaign, each once; the daily early-warning scan
        // runs once for its due date however many nodes see it
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 7, 1, 9, 1)));
        awaitNoDueJobs(engine);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(MonthlyReview.PROCESS_KEY).processInstanceBusinessKey("YDSH-2026-06").count()).isOne();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("halfYearRevisit").processInstanceBusinessKey("RV-2026-H1").count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from revisit_campaign where half_key = '2026-H1'", Integer.class)).isOne();
        assertThat(jdbc.queryForList("""
                select count(*) from integrity_letter group by department_id, period_key""", Integer.class)).allMatch(n -> n == 1);
        assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
        assertEveryJobRanOnce(engine);
    }

    /** Every job that succeeded did so once, on one of the two nodes; returns how many each node ran. */
    private static Map<String, Long> assertEveryJobRanOnce(ProcessEngine engine) {
        List<HistoricJobLog> successes = engine.getHistoryService().createHistoricJobLogQuery().successLog().list();
        assertThat(successes).extracting(HistoricJobLog::getJobId).doesNotHaveDuplicates();
        Map<String, Long> perNode = successes.stream()
                .collect(Collectors.groupingBy(HistoricJobLog::getHostname, TreeMap::new, Collectors.counting()));
        assertThat(perNode.keySet()).isSubsetOf("node1", "node2").isNotEmpty();
        System.out.println("jobs run per node: " + perNode);
        return perNode;
    }

    private static void awaitNoDueJobs(ProcessEngine engine) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (engine.getManagementService().createJobQuery().executable().count() > 0) {
            assertThat(System.nanoTime()).as("job executors still busy after 90 s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ProcessEngine engine(ConfigurableApplicationContext node) {
        return node.getBean(ProcessEngine.class);
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ZONE).toInstant());
    }
}
