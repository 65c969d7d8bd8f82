package org.qingfeng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.QingfengApplication;
import org.qingfeng.calendar.WorkingDayCalendar;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.LedgerQueries;
import org.qingfeng.ledger.ProblemFilter;
import org.qingfeng.ledger.ProblemRow;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.ledger.WarningColour;
import org.qingfeng.ledger.api.LedgerExport;
import org.qingfeng.ledger.api.LedgerLabels;
import org.qingfeng.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The ledger at 100,000 problems on PostgreSQL: response times of the ledger API against a trivial request on the
 * same HTTP stack, exports of about 10,000 rows against writing constant rows through the same export code, and the
 * cost of one problem's whole lifecycle with the ledger projection on and off. Run with {@code mvn -Pbenchmark test};
 * the results go to target/benchmark/results.md and to standard output. It measures and reports; only broken
 * answers fail it, missed targets do not.
 *
 * <p>Sizes can be lowered for a quick try, e.g. {@code -Dqingfeng.bench.problems=10000 -Dqingfeng.bench.repetitions=50}.
 */
@Tag("benchmark")
// closed after the run, before the JVM's shutdown hooks drop the throw-away database under it
@DirtiesContext
class LedgerBenchmarkTest extends ProcessTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBenchmarkTest.class);

    private static final int PROBLEMS = Integer.getInteger("qingfeng.bench.problems", 100_000);
    private static final int MONTHS = 24;
    private static final int WARM_UP = Integer.getInteger("qingfeng.bench.warmup", 30);
    private static final int REPETITIONS = Integer.getInteger("qingfeng.bench.repetitions", 200);
    private static final int EXPORT_ROWS = Integer.getInteger("qingfeng.bench.exportRows", 10_000);
    private static final int EXPORT_RUNS = Integer.getInteger("qingfeng.bench.exportRuns", 5);
    private static final int LIFECYCLES = Integer.getInteger("qingfeng.bench.lifecycles", 300);
    private static final int LIFECYCLE_WARM_UP = Integer.getInteger("qingfeng.bench.lifecycleWarmup", 30);
    private static final int WITH_HISTORY = 20;
    private static final double TARGET_P95_MS = 100;
    private static final double TARGET_OVERHEAD = 0.25;
    private static final String EXPORT_DEPARTMENT = "canteen";
    /** The ledger's clock during the benchmark: a Monday morning; the seeded history lies in the months before. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 16, 9, 0);

    private record Scenario(String group, String label, IntFunction<String> url) {
    }

    private record Measured(Scenario scenario, Samples samples, String matched) {
    }

    private record Export(String label, int rows, long bytes, Samples samples, String baselineLabel, Samples baseline) {
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    private Environment environment;
    @Autowired
    private WorkingDayCalendar calendar;
    @Autowired
    private LedgerLabels labels;
    @Autowired
    private BusinessClock clock;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20260316L);

    @Test
    void ledgerAtOneHundredThousandProblems() throws Exception {
        long started = System.nanoTime();
        String database = jdbc.queryForObject("select version()", String.class);
        assertThat(database).as("the benchmark runs on PostgreSQL: use mvn -Pbenchmark test").startsWith("PostgreSQL");
        moveClockTo(NOW);
        codesAreTheFormsOwn();

        LedgerSeeder.Summary seeded = seed();
        List<Measured> api = measureApi();
        List<Export> exports = measureExports();
        Map<String, Object> lifecycle = measureLifecycles();

        String report = report(seeded, api, exports, lifecycle, Duration.ofNanos(System.nanoTime() - started));
        Path file = Path.of(System.getProperty("basedir", "."), "target", "benchmark", "results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
        LOG.info("benchmark results written to {}", file.toAbsolutePath());
    }

    // -- 1. data ------------------------------------------------------------------------------------------------------

    private void codesAreTheFormsOwn() {
        Map<String, String[]> codes = LedgerSeeder.codes();
        assertThat(labels.channels()).containsKeys(codes.get("channel")).containsKey("revisit");
        assertThat(labels.categories()).containsKeys(codes.get("category"));
        assertThat(labels.severities()).containsKeys(codes.get("severity"));
        for (String reporterType : codes.get("reporterType")) {
            assertThat(labels.reporterType(reporterType)).as(reporterType).isNotEqualTo(reporterType);
        }
        assertThat(jdbc.queryForList("select id from department", String.class))
                .containsExactlyInAnyOrderElementsOf(DemoOrganisation.DEPARTMENTS.stream().map(d -> d.id()).toList());
    }

    private LedgerSeeder.Summary seed() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        LedgerSeeder seeder = new LedgerSeeder(calendar, clock.zone(), at(NOW).toInstant(), 42L);
        LedgerSeeder.Summary summary;
        try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            summary = seeder.seed(connection, PROBLEMS, MONTHS);
            try (Statement st = connection.createStatement()) {
                st.execute("vacuum (analyze) problem, problem_event, department, ledger_sequence");
            }
        }
        LOG.info("seeded problems={} events={} in {} s; status {}", summary.problems(), summary.events(),
                seconds(summary.took()), summary.byStatus());
        assertThat(jdbc.queryForObject("select count(*) from problem", Long.class)).isGreaterThanOrEqualTo(PROBLEMS);
        return summary;
    }

    // -- 2./3. API --------------------------------------------------------------------------------------------------

    private List<Measured> measureApi() throws Exception {
        List<String> numbers = jdbc.queryForList("select number from problem", String.class);
        // the seeded problems have no process history; these few carried through the real process have
        List<String> withHistory = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle(engine);
        for (int i = 0; i < WITH_HISTORY; i++) {
            withHistory.add(lifecycle.run(i).getBusinessKey());
        }
        YearMonth month = YearMonth.from(NOW);
        LocalDate today = NOW.toLocalDate();
        String q = "态度";
        // reports still open from the duplicate window (qingfeng.intake.duplicates.window, 90 days), as a registrar meets them
        List<String> recentOpen = jdbc.queryForList("select number from problem where status = 'REGISTERED' and reported_at >= ?",
                String.class, Timestamp.valueOf(NOW.minusDays(90)));
        List<String> duplicateSubjects = recentOpen.isEmpty() ? numbers : recentOpen;
        List<Scenario> scenarios = List.of(
                new Scenario("baseline", "GET /engine-rest/engine (baseline: no DB; the auth filter lets this path through unchecked)",
                        i -> "/engine-rest/engine"),
                new Scenario("reference", "GET /engine-rest/version (Basic credentials checked against the engine's users)",
                        i -> "/engine-rest/version"),
                new Scenario("list", "list, first page, no filter (default sort registeredAt,desc)",
                        i -> "/api/ledger/problems"),
                new Scenario("list", "list department=canteen&status=REGISTERED",
                        i -> "/api/ledger/problems?department=canteen&status=REGISTERED"),
                new Scenario("list", "list overdue=true",
                        i -> "/api/ledger/problems?overdue=true"),
                new Scenario("list", "list q=态度 (text in description or number)",
                        i -> "/api/ledger/problems?q=" + q),
                new Scenario("list", "list deadlineFrom=" + month.atDay(1) + "&deadlineTo=" + month.atEndOfMonth() + "&sort=deadline,asc",
                        i -> "/api/ledger/problems?deadlineFrom=" + month.atDay(1) + "&deadlineTo=" + month.atEndOfMonth() + "&sort=deadline,asc"),
                new Scenario("list", "list department=vehicles&sort=deadline,desc",
                        i -> "/api/ledger/problems?department=vehicles&sort=deadline,desc"),
                new Scenario("list", "list department=security&registeredFrom=" + today.minusMonths(3) + "&registeredTo=" + today + "&sort=deadline,asc&page=2",
                        i -> "/api/ledger/problems?department=security&registeredFrom=" + today.minusMonths(3) + "&registeredTo=" + today
                                + "&sort=deadline,asc&page=2"),
                new Scenario("rates", "rates month=" + month + " (current month, computed live)",
                        i -> "/api/ledger/rates?month=" + month),
                new Scenario("rates", "rates month=" + month.minusMonths(1) + " (closed month, frozen snapshot)",
                        i -> "/api/ledger/rates?month=" + month.minusMonths(1)),
                new Scenario("timeline", "problem/{number}: random seeded problem (ledger timeline; history query finds no steps)",
                        i -> "/api/ledger/problems/" + numbers.get(random.nextInt(numbers.size()))),
                new Scenario("timeline", "problem/{number}: one of " + WITH_HISTORY + " problems run through the process (timeline and history steps)",
                        i -> "/api/ledger/problems/" + withHistory.get(random.nextInt(withHistory.size()))),
                new Scenario("duplicates", "duplicates number={open problem of the last 90 days}: its department's open problems of the window, compared by text",
                        i -> "/api/intake/duplicates?number=" + duplicateSubjects.get(random.nextInt(duplicateSubjects.size()))),
                new Scenario("duplicates", "duplicates number={open problem of the last 90 days}&department=canteen",
                        i -> "/api/intake/duplicates?department=canteen&number=" + duplicateSubjects.get(random.nextInt(duplicateSubjects.size()))));

        Map<Scenario, String> matched = new LinkedHashMap<>();
        Map<Scenario, Samples> samples = new LinkedHashMap<>();
        Map<Scenario, long[]> detail = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            samples.put(s, new Samples());
            detail.put(s, new long[2]);
        }
        // rounds over all requests, so that drift hits every figure alike
        for (int round = 0; round < WARM_UP + REPETITIONS; round++) {
            for (Scenario s : scenarios) {
                String url = s.url().apply(round);
                long start = System.nanoTime();
                ResponseEntity<byte[]> response = get(url);
                long took = System.nanoTime() - start;
                assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
                if (round >= WARM_UP) {
                    samples.get(s).add(took);
                }
                if (s.group().equals("timeline")) {
                    JsonNode problem = json.readTree(response.getBody());
                    detail.get(s)[0] += problem.get("timeline").size();
                    detail.get(s)[1] += problem.get("steps").size();
                } else if (round == 0) {
                    matched.put(s, describe(s, response.getBody()));
                }
            }
        }
        for (Scenario s : scenarios) {
            if (s.group().equals("timeline")) {
                long[] d = detail.get(s);
                matched.put(s, "%.1f events, %.1f steps on average".formatted((double) d[0] / (WARM_UP + REPETITIONS),
                        (double) d[1] / (WARM_UP + REPETITIONS)));
            }
        }
        List<Measured> result = new ArrayList<>();
        for (Scenario s : scenarios) {
            result.add(new Measured(s, samples.get(s), matched.getOrDefault(s, "")));
            LOG.info("{}: p50 {} ms, p95 {} ms", s.label(), ms(samples.get(s).p50()), ms(samples.get(s).p95()));
        }
        return result;
    }

    private String describe(Scenario s, byte[] body) throws Exception {
        JsonNode node = json.readTree(body);
        return switch (s.group()) {
            case "list" -> "%,d matching".formatted(node.get("total").asLong());
            case "rates" -> node.size() + " departments";
            case "duplicates" -> node.size() + " candidates (first request)";
            default -> "";
        };
    }

    // -- 2d./3. exports ---------------------------------------------------------------------------------------------

    private List<Export> measureExports() throws Exception {
        Timestamp from = jdbc.queryForObject("""
                select registered_at from problem where department_id = ? and registered_at is not null
                order by registered_at desc offset ? limit 1""", Timestamp.class, EXPORT_DEPARTMENT, EXPORT_ROWS - 1);
        LocalDate fromDay = from.toInstant().atZone(clock.zone()).toLocalDate();
        String filter = "department=" + EXPORT_DEPARTMENT + "&registeredFrom=" + fromDay + "&registeredTo=" + NOW.toLocalDate();
        int rows = json.readTree(get("/api/ledger/problems?size=1&" + filter).getBody()).get("total").asInt();

        // the same export code over constant rows: no database, no HTTP
        LedgerExport constant = new LedgerExport(new ConstantRows(namedJdbc, clock, rows), labels);
        ProblemFilter any = new ProblemFilter(null, null, null, null, null, null, null, null, null, null, null, null, null,
                0, 20, ProblemFilter.SortField.REGISTERED_AT, false);

        Samples xlsx = new Samples();
        Samples csv = new Samples();
        Samples xlsxBase = new Samples();
        Samples csvBase = new Samples();
        Samples select = new Samples();
        long xlsxBytes = 0;
        long csvBytes = 0;
        for (int run = -1; run < EXPORT_RUNS; run++) {
            boolean warm = run < 0;
            ResponseEntity<byte[]> x = time(warm ? null : xlsx, () -> get("/api/ledger/problems.xlsx?" + filter));
            ResponseEntity<byte[]> c = time(warm ? null : csv, () -> get("/api/ledger/problems.csv?" + filter));
            time(warm ? null : xlsxBase, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                constant.xlsx(any, out);
                return out;
            });
            time(warm ? null : csvBase, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                constant.csv(any, out);
                return out;
            });
            time(warm ? null : select, () -> selectAll(fromDay));
            assertThat(x.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(c.getStatusCode()).isEqualTo(HttpStatus.OK);
            if (warm) {
                xlsxBytes = x.getBody().length;
                csvBytes = c.getBody().length;
                assertThat(new String(c.getBody(), StandardCharsets.UTF_8).lines().count()).isEqualTo(rows + 1L);
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(x.getBody()))) {
                    assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(rows);
                }
            }
        }
        String how = "GET /api/ledger/problems.%s?" + filter;
        String base = "the same number of constant rows through LedgerExport.%s (no DB, no HTTP)";
        List<Export> exports = List.of(
                new Export(how.formatted("xlsx"), rows, xlsxBytes, xlsx, base.formatted("xlsx"), xlsxBase),
                new Export(how.formatted("csv"), rows, csvBytes, csv, base.formatted("csv"), csvBase),
                new Export("select * of the same rows via JdbcTemplate (reference)", rows, 0, select, null, null));
        exports.forEach(e -> LOG.info("{}: {} rows, median {} s", e.label(), e.rows(), s(e.samples().p50())));
        return exports;
    }

    private int selectAll(LocalDate fromDay) {
        int[] count = {0};
        ZoneId zone = clock.zone();
        jdbc.query("select * from problem where department_id = ? and registered_at >= ? and registered_at < ?",
                (RowCallbackHandler) rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        rs.getObject(c);
                    }
                    count[0]++;
                }, EXPORT_DEPARTMENT, Timestamp.from(fromDay.atStartOfDay(zone).toInstant()),
                Timestamp.from(NOW.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()));
        return count[0];
    }

    /** LedgerQueries that streams one constant row {@code rows} times, for the export baseline. */
    private static final class ConstantRows extends LedgerQueries {

        private final int rows;
        private final ProblemRow row;

        ConstantRows(NamedParameterJdbcTemplate jdbc, BusinessClock clock, int rows) {
            super(jdbc, clock);
            this.rows = rows;
            OffsetDateTime t = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
            this.row = new ProblemRow("ZF-2026-000123", ProblemStatus.CLOSED, Stage.AWAITING_REVISIT, false, "hotline", "public",
                    "attitude", "general", "canteen", "机关食堂", "刘强", "食堂窗口工作人员服务态度生硬，排队时呵斥群众。希望尽快整改并答复。",
                    t, t.plusHours(5), t.plusDays(21), WarningColour.NONE, 0, 0, 0, 1, t.plusDays(12), true, null, null,
                    "00000000-0000-0000-0000-000000000000");
        }

        @Override
        public void forEach(ProblemFilter filter, Consumer<ProblemRow> consumer) {
            for (int i = 0; i < rows; i++) {
                consumer.accept(row);
            }
        }
    }

    // -- 4. lifecycle with and without the ledger -------------------------------------------------------------------

    private Map<String, Object> measureLifecycles() {
        long startOff = System.nanoTime();
        try (ConfigurableApplicationContext off = withoutLedger()) {
            Duration offStart = Duration.ofNanos(System.nanoTime() - startOff);
            ProcessEngine offEngine = off.getBean(ProcessEngine.class);
            assertThat(offEngine.getName()).isNotEqualTo(engine.getName());
            Lifecycle on = new Lifecycle(engine);
            Lifecycle without = new Lifecycle(offEngine);
            long problemsBefore = jdbc.queryForObject("select count(*) from problem", Long.class);
            long eventsBefore = jdbc.queryForObject("select count(*) from problem_event", Long.class);

            Samples onSamples = new Samples();
            Samples offSamples = new Samples();
            ProcessInstance lastOn = null;
            ProcessInstance lastOff = null;
            int total = LIFECYCLE_WARM_UP + LIFECYCLES;
            for (int i = 0; i < total; i++) {
                boolean keep = i >= LIFECYCLE_WARM_UP;
                // alternate which goes first (on-off, off-on, ...) so neither always follows the other
                for (int k = 0; k < 2; k++) {
                    boolean ledgerOn = (i % 2 == 0) == (k == 0);
                    Lifecycle lifecycle = ledgerOn ? on : without;
                    long start = System.nanoTime();
                    ProcessInstance instance = lifecycle.run(i);
                    long took = System.nanoTime() - start;
                    if (keep) {
                        (ledgerOn ? onSamples : offSamples).add(took);
                    }
                    if (ledgerOn) {
                        lastOn = instance;
                    } else {
                        lastOff = instance;
                    }
                }
            }
            assertThat(on.awaitsRevisit(lastOn)).isTrue();
            assertThat(without.awaitsRevisit(lastOff)).isTrue();
            assertThat(ledger.findByNumber(lastOn.getBusinessKey()).orElseThrow().status()).isEqualTo(ProblemStatus.CLOSED);
            // the ledger grew by the lifecycles with the projection on, and only by those
            long problemsAfter = jdbc.queryForObject("select count(*) from problem", Long.class);
            long eventsAfter = jdbc.queryForObject("select count(*) from problem_event", Long.class);
            assertThat(problemsAfter - problemsBefore).isEqualTo(total);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("on", onSamples);
            result.put("off", offSamples);
            result.put("offStart", offStart);
            result.put("eventsPerLifecycle", (double) (eventsAfter - eventsBefore) / total);
            LOG.info("lifecycle mean: ledger on {} ms, off {} ms", ms(onSamples.meanMillis()), ms(offSamples.meanMillis()));
            return result;
        }
    }

    /** The same application on the same database with a second engine whose ledger keeps nothing. */
    private ConfigurableApplicationContext withoutLedger() {
        return new SpringApplicationBuilder(QingfengApplication.class, WithoutLedger.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--camunda.bpm.process-engine-name=withoutLedger",
                        // no web server in this context, so no engine REST either; it is driven through the Java API
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                        "--spring.jmx.enabled=false");
    }

    // -- report -----------------------------------------------------------------------------------------------------

    private String report(LedgerSeeder.Summary seeded, List<Measured> api, List<Export> exports, Map<String, Object> lifecycle,
            Duration took) {
        StringBuilder md = new StringBuilder();
        Measured baseline = api.get(0);
        md.append("# Ledger benchmark\n\n");
        md.append("Run ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(OffsetDateTime.now(ZoneOffset.UTC)))
                .append(", whole benchmark ").append(minutes(took)).append(" (`mvn -Pbenchmark test`).\n\n");
        md.append("| machine | |\n| --- | --- |\n");
        md.append("| CPU | ").append(Runtime.getRuntime().availableProcessors()).append(" cores").append(cpuModel()).append(" |\n");
        md.append("| memory | ").append(gib(totalMemory())).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(" |\n");
        md.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(", max heap ").append(gib(Runtime.getRuntime().maxMemory())).append(" |\n");
        md.append("| PostgreSQL | ").append(jdbc.queryForObject("show server_version", String.class))
                .append(" on 127.0.0.1, same machine; database ")
                .append(gib(jdbc.queryForObject("select pg_database_size(current_database())", Long.class))).append(" |\n\n");

        md.append("## Data\n\n");
        md.append("%,d problems with %,d timeline events (%.1f per problem), reported over the %d months before the ledger clock %s %s, "
                .formatted(seeded.problems(), seeded.events(), (double) seeded.events() / seeded.problems(), MONTHS, NOW.toLocalDate(),
                        NOW.toLocalTime()))
                .append("seven demo departments; written with JDBC batches in ").append(s(seeded.took().toNanos() / 1e6))
                .append(" s, then `VACUUM (ANALYZE)`. problem: ").append(gib(relationSize("problem")))
                .append(", problem_event: ").append(gib(relationSize("problem_event"))).append(" (with indexes).\n\n");
        md.append("Status: ").append(mix(seeded.byStatus(), seeded.problems())).append(".  \n");
        md.append("Stage: ").append(mix(seeded.byStage(), seeded.problems())).append(".\n\n");

        md.append("## Ledger API\n\n");
        md.append("HTTP GET through TestRestTemplate with Basic credentials (zhoumin), page size 20; %d requests each after %d warm-up rounds, "
                .formatted(REPETITIONS, WARM_UP))
                .append("all requests interleaved round by round. Ratio = figure / baseline (`/engine-rest/engine`). Target: p95 < ")
                .append((int) TARGET_P95_MS).append(" ms.\n\n");
        md.append("| request | matched | p50 ms | p95 ms | × baseline p50 | × baseline p95 | p95 < 100 ms |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (Measured m : api) {
            boolean targeted = List.of("list", "rates", "timeline", "duplicates").contains(m.scenario().group());
            md.append("| ").append(m.scenario().label()).append(" | ").append(m.matched()).append(" | ")
                    .append(ms(m.samples().p50())).append(" | ").append(ms(m.samples().p95())).append(" | ")
                    .append(ratio(m.samples().p50() / baseline.samples().p50())).append(" | ")
                    .append(ratio(m.samples().p95() / baseline.samples().p95())).append(" | ")
                    .append(targeted ? (m.samples().p95() < TARGET_P95_MS ? "met" : "**not met**") : "").append(" |\n");
        }

        md.append("\n## Export\n\n");
        md.append("Median of %d runs after one warm-up; the HTTP figure includes reading the whole body. Ratio = figure / baseline.\n\n"
                .formatted(EXPORT_RUNS));
        md.append("| export | rows | size | seconds | baseline | baseline seconds | × baseline |\n");
        md.append("| --- | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (Export e : exports) {
            md.append("| ").append(e.label()).append(" | ").append("%,d".formatted(e.rows())).append(" | ")
                    .append(e.bytes() == 0 ? "" : "%.2f MB".formatted(e.bytes() / 1e6)).append(" | ")
                    .append(s(e.samples().p50())).append(" | ")
                    .append(e.baseline() == null ? "" : e.baselineLabel()).append(" | ")
                    .append(e.baseline() == null ? "" : s(e.baseline().p50())).append(" | ")
                    .append(e.baseline() == null ? "" : ratio(e.samples().p50() / e.baseline().p50())).append(" |\n");
        }

        Samples on = (Samples) lifecycle.get("on");
        Samples off = (Samples) lifecycle.get("off");
        double overhead = on.meanMillis() / off.meanMillis() - 1;
        md.append("\n## Lifecycle of one problem, ledger projection on and off\n\n");
        md.append("report → register → claim → plan → implement (completed) → verify (pass) → evaluate → close, through the Java API ")
                .append("as the demo users; %d lifecycles each after %d warm-up each, alternating on/off and off/on. "
                        .formatted(on.count(), LIFECYCLE_WARM_UP))
                .append("Off: a second application context in the same JVM on the same database and the same deployment, ")
                .append("whose ProblemLedger, LedgerRecords and task projection do nothing (started in ")
                .append(s(((Duration) lifecycle.get("offStart")).toNanos() / 1e6)).append(" s). ")
                .append("With the ledger on, each lifecycle wrote %.1f timeline events.\n\n".formatted((double) lifecycle.get("eventsPerLifecycle")));
        md.append("| ledger projection | lifecycles | mean ms | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: | ---: |\n");
        md.append("| on | ").append(on.count()).append(" | ").append(ms(on.meanMillis())).append(" | ").append(ms(on.p50()))
                .append(" | ").append(ms(on.p95())).append(" |\n");
        md.append("| off | ").append(off.count()).append(" | ").append(ms(off.meanMillis())).append(" | ").append(ms(off.p50()))
                .append(" | ").append(ms(off.p95())).append(" |\n\n");
        md.append("on / off = %s, projection overhead %+.1f %% (target < %d %%: %s).\n"
                .formatted(ratio(on.meanMillis() / off.meanMillis()), overhead * 100, (int) (TARGET_OVERHEAD * 100),
                        overhead < TARGET_OVERHEAD ? "met" : "**not met**"));

        md.append("\n## Targets\n\n");
        for (String group : List.of("list", "rates", "timeline")) {
            Measured worst = api.stream().filter(m -> m.scenario().group().equals(group))
                    .max((a, b) -> Double.compare(a.samples().p95(), b.samples().p95())).orElseThrow();
            long missed = api.stream().filter(m -> m.scenario().group().equals(group) && m.samples().p95() >= TARGET_P95_MS).count();
            md.append("- ").append(group).append(" p95 < 100 ms: ").append(missed == 0 ? "met" : "**not met** (" + missed + " of the requests)")
                    .append("; slowest p95 ").append(ms(worst.samples().p95())).append(" ms (").append(worst.scenario().label()).append(")\n");
        }
        md.append("- projection overhead < 25 %: ").append(overhead < TARGET_OVERHEAD ? "met" : "**not met**")
                .append(" (%+.1f %%)\n".formatted(overhead * 100));
        return md.toString();
    }

    // -- helpers ------------------------------------------------------------------------------------------------------

    private ResponseEntity<byte[]> get(String url) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhoumin", DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private static <T> T time(Samples samples, Samples.ThrowingSupplier<T> work) throws Exception {
        return samples == null ? work.get() : samples.time(work);
    }

    private long relationSize(String table) {
        return jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table);
    }

    private static String mix(Map<String, Integer> counts, int total) {
        return String.join(", ", counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> "%s %.1f %%".formatted(e.getKey(), 100.0 * e.getValue() / total)).toList());
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> " (" + l.substring(l.indexOf(':') + 1).strip() + ")").orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    private static String gib(long bytes) {
        return bytes < 0 ? "unknown" : bytes >= 1L << 30 ? "%.1f GiB".formatted(bytes / (double) (1L << 30))
                : "%.0f MiB".formatted(bytes / (double) (1L << 20));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String s(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000);
    }

    private static String seconds(Duration d) {
        return s(d.toNanos() / 1e6);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    private static String minutes(Duration d) {
        return "%d min %02d s".formatted(d.toMinutes(), d.toSecondsPart());
    }
}
