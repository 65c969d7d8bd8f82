package org.qingfeng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qingfeng.QingfengApplication;
import org.qingfeng.TestPostgres;
import org.qingfeng.ledger.audit.AuditHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the application with SIGKILL in the middle of a burst of public reports, again and again, on one PostgreSQL
 * database; after each restart the clients resend what got no answer, with the same idempotency keys, as the public
 * page does. At the end, every report that received a tracking number must exist in the ledger with its running
 * process instance, and no report may exist twice. Run with {@code mvn -Pcrash test}; results go to
 * target/benchmark/crash-results.md. Rounds and clients: {@code -Dqingfeng.crash.rounds=5 -Dqingfeng.crash.clients=8}.
 */
@Tag("crash")
class IntakeCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeCrashTest.class);

    private static final int ROUNDS = Integer.getInteger("qingfeng.crash.rounds", 5);
    private static final int CLIENTS = Integer.getInteger("qingfeng.crash.clients", 8);
    private static final int PORT = Integer.getInteger("qingfeng.crash.port", 18290);
    private static final long SEED = Long.getLong("qingfeng.crash.seed", 20261130L);

    /** One round: how many reports were answered before the kill, how many were in flight, what their resend found. */
    private record Round(int number, long burstMillis, int answered, int inFlight, int alreadyCommitted, int newOnResend,
            double startSeconds) {
    }

    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    @Test
    void everyAnsweredReportSurvivesKillNineAndNoneExistsTwice() throws Exception {
        String database = TestPostgres.newDatabase();
        String contactKey = Base64.getEncoder().encodeToString(new Random(SEED).ints(32, 0, 256)
                .collect(() -> new java.io.ByteArrayOutputStream(), (out, b) -> out.write(b), (a, b) -> { }).toByteArray());
        Path logs = Path.of(System.getProperty("basedir", "."), "target", "benchmark");
        Files.createDirectories(logs);
        Random random = new Random(SEED);
        IntakeClient client = new IntakeClient("http://127.0.0.1:" + PORT);
        List<Round> rounds = new ArrayList<>();

        for (int round = 1; round <= ROUNDS; round++) {
            long started = System.nanoTime();
            Process node = start(database, contactKey, logs.resolve("crash-node-" + round + ".log"));
            try {
                awaitReady(client, node);
                double startSeconds = (System.nanoTime() - started) / 1e9;
                int[] resend = resendPending(client);
                int before = answered.size();
                long burst = 1500 + random.nextInt(3500);
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Thread thread = new Thread(() -> burst(client, running), "intake-client-" + c);
                    thread.start();
                    clients.add(thread);
                }
                Thread.sleep(burst);
                // SIGKILL: no shutdown hook, no connection closed cleanly, transactions cut wherever they are
                node.destroyForcibly();
                node.waitFor();
                running.set(false);
                for (Thread thread : clients) {
                    thread.join();
                }
                rounds.add(new Round(round, burst, answered.size() - before, pending.size(), resend[0], resend[1], startSeconds));
                LOG.info("round {}: {} answered, {} in flight at the kill", round, answered.size() - before, pending.size());
            } finally {
                node.destroyForcibly();
            }
        }

        // a last start, to resend what was in flight at the last kill and to look at the ledger
        Process node = start(database, contactKey, logs.resolve("crash-node-final.log"));
        int[] lastResend;
        try {
            awaitReady(client, node);
            lastResend = resendPending(client);
        } finally {
            node.destroy();
            node.waitFor();
        }
        assertThat(pending).as("every report eventually got its answer").isEmpty();

        Verification verified = verify(database);
        String report = report(rounds, lastResend, verified);
        Files.writeString(logs.resolve("crash-results.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(verified.missing).as("answered reports missing from the ledger").isEmpty();
        assertThat(verified.withoutInstance).as("answered reports without their process instance").isEmpty();
        assertThat(verified.duplicated).as("reports that exist twice").isEmpty();
        assertThat(verified.problems).as("problems in the ledger = reports sent").isEqualTo(sent.size());
        assertThat(verified.instances).as("running lifecycle instances = problems").isEqualTo(verified.problems);
        assertThat(verified.auditWaiting).as("audit entries left unchained after a clean stop").isZero();
        assertThat(verified.auditBrokenLinks).as("breaks in the audit chain").isZero();
        assertThat(verified.problemsWithoutReportEntry).as("problems whose report is not in the audit chain").isZero();
    }

    // -- the application in a JVM of its own ----------------------------------------------------------------------

    private static Process start(String database, String contactKey, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath, QingfengApplication.class.getName(),
                "--spring.profiles.active=postgres,loadtest",
                "--spring.config.additional-location=" + Path.of(System.getProperty("basedir", "."), "src", "test", "resources")
                        .toAbsolutePath() + "/",
                "--server.port=" + PORT,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QINGFENG_ADMIN_USER", "crashadmin");
        // a random password that passes the password policy the postgres profile enforces on the administrator
        builder.environment().put("QINGFENG_ADMIN_PASSWORD", "Xq7!" + UUID.randomUUID());
        builder.environment().put("QINGFENG_CONTACT_KEY", contactKey);
        return builder.start();
    }

    private static void awaitReady(IntakeClient client, Process node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!client.ready()) {
            assertThat(node.isAlive()).as("the application starts (see target/benchmark/crash-node-*.log)").isTrue();
            assertThat(System.nanoTime()).as("the application answers within 3 minutes").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    // -- clients ------------------------------------------------------------------------------------------------------

    private void burst(IntakeClient client, AtomicBoolean running) {
        while (running.get()) {
            String key = UUID.randomUUID().toString();
            sent.add(key);
            pending.add(key);
            try {
                IntakeClient.Answer answer = client.submit(key, IntakeClient.description(key));
                if (answer.accepted()) {
                    answered.put(key, answer.trackingNumber());
                    pending.remove(key);
                } else {
                    throw new IllegalStateException("intake answered " + answer.status() + ": " + answer.body());
                }
            } catch (IOException e) {
                // the node died under this request: the key stays pending and is sent again after the restart
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Resends every unanswered report with its key; [already committed before the kill, new on resend]. */
    private int[] resendPending(IntakeClient client) throws Exception {
        int committed = 0;
        int created = 0;
        for (String key : List.copyOf(pending)) {
            IntakeClient.Answer answer = client.submit(key, IntakeClient.description(key));
            assertThat(answer.accepted()).as("resend of %s: %s %s", key, answer.status(), answer.body()).isTrue();
            if (answer.status() == 200) {
                committed++;
            } else {
                created++;
            }
            answered.put(key, answer.trackingNumber());
            pending.remove(key);
        }
        return new int[] {committed, created};
    }

    // -- the ledger after the last start --------------------------------------------------------------------------

    private static final class Verification {
        final List<String> missing = new ArrayList<>();
        final List<String> withoutInstance = new ArrayList<>();
        final List<String> duplicated = new ArrayList<>();
        long problems;
        long instances;
        long auditEntries;
        long auditWaiting;
        long auditBrokenLinks;
        long problemsWithoutReportEntry;
    }

    private Verification verify(String database) throws SQLException {
        Verification v = new Verification();
        try (Connection db = DriverManager.getConnection(database, TestPostgres.user(), TestPostgres.password())) {
            Map<String, String[]> byNumber = new HashMap<>();
            try (PreparedStatement st = db.prepareStatement(
                    "select p.number, p.description, p.process_instance_id, e.business_key_ from problem p "
                            + "left join act_ru_execution e on e.id_ = p.process_instance_id and e.parent_id_ is null");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byNumber.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            v.problems = byNumber.size();
            Map<String, Integer> byDescription = new HashMap<>();
            for (String[] row : byNumber.values()) {
                byDescription.merge(row[0], 1, Integer::sum);
            }
            byDescription.forEach((description, count) -> {
                if (count > 1) {
                    v.duplicated.add(description);
                }
            });
            answered.forEach((key, number) -> {
                String[] row = byNumber.get(number);
                if (row == null || !row[0].equals(IntakeClient.description(key))) {
                    v.missing.add(key + " → " + number);
                } else if (row[1] == null || !number.equals(row[2])) {
                    v.withoutInstance.add(number);
                }
            });
            try (PreparedStatement st = db.prepareStatement(
                    "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                            + "where e.parent_id_ is null and d.key_ = 'problemLifecycle'");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                v.instances = rs.getLong(1);
            }
            // the audit chain after the kills: every report's entry chained (what waited at a kill was chained after the
            // restart), numbered without gaps, each entry linked to the one before, the head at the last
            v.auditEntries = count(db, "select count(*) from audit_entry");
            v.auditWaiting = count(db, "select count(*) from audit_pending");
            v.auditBrokenLinks = count(db, """
                    select count(*) from audit_entry a left join audit_entry b on b.seq = a.seq - 1
                    where (a.seq = 1 and a.prev_hash <> '%s') or (a.seq > 1 and (b.seq is null or b.entry_hash <> a.prev_hash))"""
                    .formatted(AuditHash.GENESIS))
                    + count(db, "select count(*) from audit_chain_head h where h.last_seq <> (select coalesce(max(seq), 0) from audit_entry)")
                    + count(db, "select count(*) from audit_chain_head h where h.last_seq > 0 and h.last_hash <> "
                            + "(select entry_hash from audit_entry where seq = h.last_seq)");
            v.problemsWithoutReportEntry = count(db, """
                    select count(*) from problem p
                    where not exists (select 1 from audit_entry a where a.problem_id = p.id and a.operation = 'REPORT')""");
        }
        return v;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String report(List<Round> rounds, int[] lastResend, Verification v) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC (`mvn -Pcrash test`): ").append(ROUNDS).append(" kills with SIGKILL, ").append(CLIENTS)
                .append(" concurrent clients, one PostgreSQL database.\n\n");
        out.append("| round | start s | burst ms | answered | in flight at kill | on resend: had committed | on resend: new |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Map<Integer, int[]> resends = new LinkedHashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            // the resend of a round's in-flight reports happens at the start of the next round
            int[] next = i + 1 < rounds.size()
                    ? new int[] {rounds.get(i + 1).alreadyCommitted(), rounds.get(i + 1).newOnResend()}
                    : lastResend;
            resends.put(i, next);
        }
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            int[] resend = resends.get(i);
            out.append("| %d | %.1f | %d | %d | %d | %d | %d |\n".formatted(r.number(), r.startSeconds(), r.burstMillis(),
                    r.answered(), r.inFlight(), resend[0], resend[1]));
        }
        out.append("\nReports sent: ").append(sent.size()).append("; problems in the ledger: ").append(v.problems)
                .append("; running lifecycle instances: ").append(v.instances)
                .append("; answered but missing: ").append(v.missing.size())
                .append("; without process instance: ").append(v.withoutInstance.size())
                .append("; existing twice: ").append(v.duplicated.size()).append(".\n")
                .append("Audit chain: ").append(v.auditEntries).append(" entries; still waiting to be chained: ")
                .append(v.auditWaiting).append("; broken links, gaps or head mismatches: ").append(v.auditBrokenLinks)
                .append("; problems without their report's entry: ").append(v.problemsWithoutReportEntry).append(".\n");
        return out.toString();
    }
}
