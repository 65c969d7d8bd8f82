package org.qingfeng.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingfeng.rectification.ProblemLifecycle.Elements.CLAIM_OVERDUE_TIMER;
import static org.qingfeng.rectification.ProblemLifecycle.Elements.REGISTER_PROBLEM;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.CATEGORY;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.REGISTRATION_DECISION;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.RESPONSIBLE_DEPARTMENT;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.RESPONSIBLE_PERSON;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.SEVERITY;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.EventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailTest extends ProcessTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private AuditTrail trail;
    @Autowired
    private AuditVerification verification;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private TestRestTemplate rest;

    @Test
    void everyLedgerWriteOfAProblemIsInItsTrailWithWhoAndWhen() {
        ProcessInstance instance = reportAs("wangfang");
        long id = problemId(instance);
        complete(instance, REGISTER_PROBLEM, "zhoumin", Variables.createVariables()
                .putValue(REGISTRATION_DECISION, "accept").putValue(CATEGORY, "attitude").putValue(SEVERITY, "general")
                .putValue(RESPONSIBLE_DEPARTMENT, "canteen").putValue(RESPONSIBLE_PERSON, "刘强"));
        fire(timer(instance, CLAIM_OVERDUE_TIMER));

        List<AuditEntry> entries = trail.ofProblem(id);
        assertThat(entries).extracting(AuditEntry::operation, AuditEntry::actor).startsWith(
                org.assertj.core.groups.Tuple.tuple("REPORT", "wangfang"),
                org.assertj.core.groups.Tuple.tuple(EventType.REPORTED.name(), "wangfang"));
        assertThat(entries.get(0).detail()).contains("\"process_instance_id\":\"" + instance.getId() + "\"");
        assertThat(entries).filteredOn(e -> e.operation().equals("REGISTER")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("zhoumin");
                    assertThat(e.kind()).isEqualTo(AuditTrail.CHANGE);
                    assertThat(e.detail()).contains("\"status\":\"REGISTERED\"", "\"department_id\":\"canteen\"");
                    // the ledger's timestamps are kept in the server's zone
                    assertThat(e.recordedAt()).isEqualTo(LocalDateTime.ofInstant(at(MONDAY_MORNING).toInstant(), ZoneId.systemDefault()));
                });
        assertThat(entries).filteredOn(e -> e.operation().equals(EventType.TASK_COMPLETED.name())).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("zhoumin");
                    assertThat(e.activityId()).isEqualTo(REGISTER_PROBLEM);
                    assertThat(e.eventId()).isNotNull();
                });
        // a stage is entered when it changes: a report starts in registration, so only the claim is an entry
        assertThat(entries).filteredOn(e -> e.operation().equals("ENTER_STAGE")).extracting(AuditEntry::detail)
                .containsExactly("{\"stage\":\"CLAIM\"}");
        // the overdue-claim timer is nobody's doing
        assertThat(entries).filteredOn(e -> e.operation().equals(EventType.CLAIM_REMINDER.name())).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(AuditTrail.SYSTEM));
        assertThat(entries).filteredOn(e -> e.operation().equals("COUNT_REMINDER")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("{\"reminder_count\":\"reminder_count + 1\"}"));
        // every timeline entry of the problem has its audit entry
        assertThat(entries).filteredOn(e -> e.kind().equals(AuditTrail.EVENT)).hasSize(ledger.events(id).size());
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aRolledBackStepLeavesNoEntryAndACommittedOneIsChainedAtCommit() {
        long id = problemId(reportAs("wangfang"));
        int before = trail.ofProblem(id).size();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            ledger.record(id, EventType.WATCH_LIST_PROPOSED, "zhaogang", null, "回滚");
            status.setRollbackOnly();
        });
        assertThat(trail.ofProblem(id)).hasSize(before);

        tx.executeWithoutResult(status -> {
            ledger.record(id, EventType.WATCH_LIST_PROPOSED, "zhaogang", null, "提交");
            assertThat(trail.ofProblem(id)).as("not chained before commit").hasSize(before);
        });
        assertThat(trail.ofProblem(id)).hasSize(before + 1).last()
                .satisfies(e -> assertThat(e.detail()).contains("提交"));
    }

    @Test
    void concurrentWritersShareOneUnbrokenChain() throws Exception {
        List<Long> problems = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            problems.add(problemId(reportAs("wangfang")));
        }
        trail.seal();
        long headBefore = head();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (long id : problems) {
                writers.add(pool.submit(() -> {
                    TransactionTemplate tx = new TransactionTemplate(transactions);
                    for (int round = 0; round < 15; round++) {
                        tx.executeWithoutResult(status -> {
                            ledger.countReminder(id);
                            ledger.record(id, EventType.CLAIM_REMINDER, "system", null, "并发");
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        trail.seal();
        assertThat(head()).isEqualTo(headBefore + 4 * 15 * 2);
        for (long id : problems) {
            assertThat(trail.ofProblem(id)).filteredOn(e -> "并发".equals(detailOf(e))).hasSize(15);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aCommittedEntryWaitsOutsideTheChainOnlyUntilTheSealerChainsIt() {
        long id = problemId(reportAs("wangfang"));
        trail.seal();
        long headBefore = head();
        // as left by a node that committed and died before its sealer ran
        jdbc.update("""
                insert into audit_pending (recorded_at, actor, problem_id, kind, operation, detail)
                values (?, 'zhaogang', ?, 'EVENT', 'WATCH_LIST_PROPOSED', '崩溃前提交')""", LocalDateTime.of(2026, 3, 2, 9, 30), id);
        assertThat(head()).isEqualTo(headBefore);

        assertThat(trail.ofProblem(id)).last().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(headBefore + 1);
            assertThat(e.detail()).isEqualTo("崩溃前提交");
            assertThat(e.actor()).isEqualTo("zhaogang");
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        assertThat(verification.verify().intact()).isTrue();
        // waiting entries are not changed either; the sealer only moves them into the chain
        jdbc.update("insert into audit_pending (recorded_at, actor, problem_id, kind, operation) values (?, 'x', ?, 'EVENT', 'Y')",
                LocalDateTime.of(2026, 3, 2, 9, 31), id);
        assertThatThrownBy(() -> jdbc.update("update audit_pending set actor = 'nobody'"))
                .hasMessageContaining("append-only");
        trail.seal();
    }

    @Test
    void aBusyLedgerIsChainedWithoutAskingAnyone() throws InterruptedException {
        long id = problemId(reportAs("wangfang"));
        // committed outside any reader: the sealer, asked by the commit, chains it on its own
        ledger.record(id, EventType.WATCH_LIST_PROPOSED, "zhaogang", null, "自动封存");
        long until = System.currentTimeMillis() + 10_000;
        while (jdbc.queryForObject("select count(*) from audit_pending", Integer.class) > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where detail like '%自动封存%'", Integer.class)).isOne();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        long seq = trail.ofProblem(problemId(reportAs("wangfang"))).get(0).seq();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'nobody' where seq = ?", seq))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", seq))
                .hasMessageContaining("append-only");
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void verificationNamesTheFirstChangedOrMissingEntry() throws SQLException {
        long id = problemId(reportAs("wangfang"));
        List<AuditEntry> entries = trail.ofProblem(id);
        AuditEntry changed = entries.get(0);
        AuditEntry removed = entries.get(1);
        withoutGuard(() -> jdbc.update("update audit_entry set actor = 'zhaogang' where seq = ?", changed.seq()));
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(changed.seq());
            assertThat(result.reason()).contains("哈希");
        } finally {
            withoutGuard(() -> jdbc.update("update audit_entry set actor = ? where seq = ?", changed.actor(), changed.seq()));
        }
        assertThat(verification.verify().intact()).isTrue();

        withoutGuard(() -> jdbc.update("delete from audit_entry where seq = ?", removed.seq()));
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(removed.seq());
        } finally {
            withoutGuard(() -> jdbc.update("""
                    insert into audit_entry (seq, recorded_at, actor, problem_id, kind, operation, activity_id, event_id,
                        detail, prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    removed.seq(), removed.recordedAt(), removed.actor(), removed.problemId(), removed.kind(),
                    removed.operation(), removed.activityId(), removed.eventId(), removed.detail(), removed.prevHash(),
                    removed.entryHash()));
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void theTrailOfAProblemIsReadLikeItsDetailAndVerifiedByTheOfficeOnly() {
        long id = problemId(reportAs("wangfang"));
        String number = ledger.find(id).orElseThrow().number();

        ResponseEntity<List<Map<String, Object>>> audit = rest.exchange("/api/ledger/problems/{n}/audit", HttpMethod.GET,
                as("zhaogang"), LIST, number);
        assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(audit.getBody()).extracting(e -> e.get("operation")).startsWith("REPORT", "REPORTED");
        assertThat(audit.getBody()).extracting(e -> e.get("actor")).first().isEqualTo("wangfang");
        assertThat(rest.exchange("/api/ledger/problems/ZF-2026-999999/audit", HttpMethod.GET, as("zhaogang"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/ledger/problems/{n}/audit", String.class, number).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> verified = rest.exchange("/api/audit/verify", HttpMethod.GET, as("zhaogang"), Map.class);
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody()).containsEntry("intact", true);
        assertThat(rest.exchange("/api/audit/verify", HttpMethod.GET, as("sunli"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aStepTakenThroughEngineRestIsRecordedAsTheUserWhoseCredentialsCarriedIt() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("wangfang", DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> form = Map.of("variables", Map.of("channel", Map.of("value", "hotline"),
                "reporterType", Map.of("value", "public"), "problemDescription", Map.of("value", "办事大厅叫号系统长期故障")));
        ResponseEntity<Map> started = rest.exchange("/engine-rest/process-definition/key/problemLifecycle/submit-form",
                HttpMethod.POST, new HttpEntity<>(form, headers), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        long id = ledger.findByNumber((String) started.getBody().get("businessKey")).orElseThrow().id();

        assertThat(trail.ofProblem(id)).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("wangfang"));
    }

    private ProcessInstance reportAs(String user) {
        authenticateAs(user);
        try {
            return report("public", "窗口人员推诿扯皮");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long problemId(ProcessInstance instance) {
        return ledger.findByNumber(instance.getBusinessKey()).orElseThrow().id();
    }

    private long head() {
        return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
    }

    private static String detailOf(AuditEntry e) {
        return e.detail() != null && e.detail().contains("并发") ? "并发" : null;
    }

    private static HttpEntity<Void> as(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        return new HttpEntity<>(headers);
    }

    /** Runs {@code tampering} with the append-only trigger off, as only a database superuser could. */
    private void withoutGuard(Runnable tampering) throws SQLException {
        boolean postgres;
        try (Connection c = jdbc.getDataSource().getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        if (postgres) {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
        } else {
            jdbc.execute("drop trigger audit_entry_append_only");
        }
        try {
            tampering.run();
        } finally {
            if (postgres) {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
            } else {
                jdbc.execute("""
                        create trigger audit_entry_append_only before update, delete on audit_entry
                            for each row call 'org.qingfeng.ledger.audit.AppendOnlyTrigger'""");
            }
        }
    }
}
