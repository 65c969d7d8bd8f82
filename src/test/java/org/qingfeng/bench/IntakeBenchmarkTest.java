package org.qingfeng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.Groups;
import org.qingfeng.rectification.ProblemLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sustained intake on PostgreSQL: concurrent clients send public reports over HTTP for a fixed time, beside the bare
 * engine starting a one-task process through its Java API with the same number of threads, in the same run and on
 * the same database. Rounds alternate so that drift hits both alike. Target: intake rate at least half the bare
 * engine's start rate, with p99 under 100 ms. Run with {@code mvn -Pbenchmark test}; results go to
 * target/benchmark/intake-results.md. Knobs: {@code -Dqingfeng.bench.intake.clients=8 -Dqingfeng.bench.intake.seconds=15
 * -Dqingfeng.bench.intake.rounds=2}.
 */
@Tag("benchmark")
@DirtiesContext
@ActiveProfiles({"test", "loadtest"})
class IntakeBenchmarkTest extends ProcessTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeBenchmarkTest.class);

    private static final int CLIENTS = Integer.getInteger("qingfeng.bench.intake.clients", 8);
    private static final int SECONDS = Integer.getInteger("qingfeng.bench.intake.seconds", 15);
    private static final int WARM_UP_SECONDS = Integer.getInteger("qingfeng.bench.intake.warmup", 20);
    private static final int ROUNDS = Integer.getInteger("qingfeng.bench.intake.rounds", 3);
    private static final double TARGET_RATIO = 0.5;
    private static final double TARGET_P99_MS = 100;
    private static final String BARE_PROCESS = "benchBareStart";

    /** What one kind of work did over all its measured rounds. */
    private static final class Load {
        final String label;
        final Samples samples = new Samples();
        double seconds;
        /** Rows inserted, updated or deleted per table during the measured rounds (pg_stat_user_tables). */
        final Map<String, Long> rowsWritten = new TreeMap<>();
        /** CPU time used during the measured rounds, in clock ticks: this JVM, and all PostgreSQL processes. */
        long jvmTicks;
        long postgresTicks;

        Load(String label) {
            this.label = label;
        }

        double rate() {
            return samples.count() / seconds;
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(int client, int n) throws Exception;
    }

    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    @Test
    void intakeAgainstBareProcessStart() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class))
                .as("the benchmark runs on PostgreSQL: use mvn -Pbenchmark test").startsWith("PostgreSQL");
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_PROCESS)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("registerBareUserTask").camundaCandidateGroups(Groups.WORK_STYLE_OFFICE)
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().name("benchmark").addModelInstance("bench-bare.bpmn", bare).deploy();
        RuntimeService runtime = engine.getRuntimeService();
        IntakeClient client = new IntakeClient("http://127.0.0.1:" + port);
        String run = UUID.randomUUID().toString().substring(0, 8);

        Work bareStart = (c, n) -> runtime.startProcessInstanceByKey(BARE_PROCESS, "B-" + run + "-" + c + "-" + n,
                Variables.createVariables()
                        .putValue(ProblemLifecycle.Variables.CHANNEL, "onlinePlatform")
                        .putValue(ProblemLifecycle.Variables.REPORTER_TYPE, "public")
                        .putValue(ProblemLifecycle.Variables.PROBLEM_DESCRIPTION, IntakeClient.description(run + c + n)));
        Work intake = (c, n) -> {
            String key = run + "-" + c + "-" + n;
            IntakeClient.Answer answer = client.submit(key, IntakeClient.description(key));
            if (answer.status() != 201) {
                throw new IllegalStateException("intake answered " + answer.status() + ": " + answer.body());
            }
        };

        Load bareLoad = new Load("bare engine: `RuntimeService.startProcessInstanceByKey` of a start → user task process, "
                + "same variables, no HTTP, no ledger");
        Load intakeLoad = new Load("intake: `POST /public/api/reports` (multipart, idempotency key, anonymous) over HTTP → "
                + "ledger row, lifecycle instance with its registration task");
        long problemsBefore = jdbc.queryForObject("select count(*) from problem", Long.class);
        for (int round = 0; round < ROUNDS; round++) {
            measure(bareLoad, bareStart, round);
            measure(intakeLoad, intake, round);
        }
        long created = jdbc.queryForObject("select count(*) from problem", Long.class) - problemsBefore;
        assertThat(created).as("every intake request made one problem (warm-up included)").isGreaterThanOrEqualTo(intakeLoad.samples.count());

        String report = report(bareLoad, intakeLoad);
        Path file = Path.of(System.getProperty("basedir", "."), "target", "benchmark", "intake-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** CLIENTS threads run {@code work} back to back: a warm-up, then SECONDS measured. */
    private void measure(Load load, Work work, int round) throws Exception {
        Map<String, Long> rowsBefore = Map.of();
        for (boolean measured : new boolean[] {false, true}) {
            if (measured) {
                rowsBefore = settledRowsWritten();
            }
            long until = System.nanoTime() + (measured ? SECONDS : WARM_UP_SECONDS) * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(CLIENTS);
            AtomicReference<Exception> failure = new AtomicReference<>();
            List<Samples> perClient = new ArrayList<>();
            AtomicInteger sequence = new AtomicInteger(round * 10_000_000 + (measured ? 5_000_000 : 0));
            long[] cpuBefore = {CpuTicks.ofThisProcess(), CpuTicks.ofPostgres()};
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                Samples samples = new Samples();
                perClient.add(samples);
                int client = c;
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < until && failure.get() == null) {
                            int n = sequence.incrementAndGet();
                            long start = System.nanoTime();
                            work.run(client, n);
                            samples.add(System.nanoTime() - start);
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                });
                thread.start();
            }
            done.await();
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] cpuAfter = {CpuTicks.ofThisProcess(), CpuTicks.ofPostgres()};
            if (failure.get() != null) {
                throw failure.get();
            }
            if (measured) {
                perClient.forEach(s -> s.addAll(load.samples));
                load.seconds += seconds;
                load.jvmTicks += cpuAfter[0] - cpuBefore[0];
                load.postgresTicks += cpuAfter[1] - cpuBefore[1];
                Map<String, Long> before = rowsBefore;
                settledRowsWritten().forEach((table, rows) -> load.rowsWritten.merge(table, rows - before.getOrDefault(table, 0L), Long::sum));
                LOG.info("{} round {}: {} in {} s", load.label, round, perClient.stream().mapToInt(Samples::count).sum(), seconds);
            }
        }
    }

    /**
     * Rows written so far per table, once the counts have settled: PostgreSQL's backends report their counts at the end
     * of a transaction at most once a second, and an idle one after 10 s; the audit sealer chains after the commit.
     */
    private Map<String, Long> settledRowsWritten() throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("select relname, n_tup_ins + n_tup_upd + n_tup_del as written from pg_stat_user_tables",
                rs -> {
                    rows.put(rs.getString("relname"), rs.getLong("written"));
                });
        return rows;
    }

    private String report(Load bare, Load intake) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", Runtime.getRuntime().availableProcessors() + " cores");
        machine.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        machine.put("OS", ManagementFactory.getOperatingSystemMXBean().getName() + " " + System.getProperty("os.version"));
        machine.put("PostgreSQL", jdbc.queryForObject("show server_version", String.class) + " on 127.0.0.1, same machine; "
                + jdbc.queryForObject("select count(*) from problem", Long.class) + " problems in the ledger at the end");
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC (`mvn -Pbenchmark test`): ").append(CLIENTS).append(" concurrent clients, ").append(ROUNDS)
                .append(" alternating rounds of ").append(SECONDS).append(" s each (after ").append(WARM_UP_SECONDS)
                .append(" s warm-up).\n\n| machine | |\n| --- | --- |\n");
        machine.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append("\n| work | done | per second | p50 ms | p95 ms | p99 ms | × bare rate |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Load load : List.of(bare, intake)) {
            out.append("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f |\n".formatted(load.label, load.samples.count(), load.rate(),
                    load.samples.p50(), load.samples.p95(), load.samples.percentileMillis(99), load.rate() / bare.rate()));
        }
        if (CpuTicks.available()) {
            out.append("\nCPU time per start or report during the measured rounds (from /proc; the JVM's includes the benchmark's own "
                    + "clients):\n\n| work | JVM ms | PostgreSQL ms | both ms | cores busy |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (Load load : List.of(bare, intake)) {
                double jvm = CpuTicks.millis(load.jvmTicks) / Math.max(1, load.samples.count());
                double pg = CpuTicks.millis(load.postgresTicks) / Math.max(1, load.samples.count());
                out.append("| %s | %.2f | %.2f | %.2f | %.2f |\n".formatted(load == bare ? "bare engine" : "intake", jvm, pg, jvm + pg,
                        CpuTicks.millis(load.jvmTicks + load.postgresTicks) / 1000 / load.seconds));
            }
        }
        out.append("\nRows written (inserted, updated or deleted) per start or report, by table, during the measured rounds:\n\n");
        out.append("| table | bare engine | intake |\n| --- | ---: | ---: |\n");
        java.util.Set<String> tables = new java.util.TreeSet<>(bare.rowsWritten.keySet());
        tables.addAll(intake.rowsWritten.keySet());
        double[] totals = new double[2];
        for (String table : tables) {
            double b = bare.rowsWritten.getOrDefault(table, 0L) / (double) Math.max(1, bare.samples.count());
            double i = intake.rowsWritten.getOrDefault(table, 0L) / (double) Math.max(1, intake.samples.count());
            if (b >= 0.05 || i >= 0.05) {
                out.append("| %s | %.1f | %.1f |\n".formatted(table, b, i));
                totals[0] += b;
                totals[1] += i;
            }
        }
        out.append("| all | %.1f | %.1f |\n".formatted(totals[0], totals[1]));
        double ratio = intake.rate() / bare.rate();
        double p99 = intake.samples.percentileMillis(99);
        out.append("\nTargets: intake rate ≥ %.0f %% of the bare start rate: %s (%.0f %%); intake p99 < %.0f ms: %s (%.1f ms).\n"
                .formatted(TARGET_RATIO * 100, ratio >= TARGET_RATIO ? "met" : "missed", ratio * 100, TARGET_P99_MS,
                        p99 < TARGET_P99_MS ? "met" : "missed", p99));
        return out.toString();
    }
}
