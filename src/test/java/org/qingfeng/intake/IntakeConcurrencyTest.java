package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Many identical requests at once, as an impatient client or a retrying gateway sends them: one problem. */
class IntakeConcurrencyTest extends IntakeTestSupport {

    private static final int THREADS = 20;

    @Test
    void twentyRequestsWithOneIdempotencyKeyCreateOneProblem() throws Exception {
        String key = "burst-" + System.nanoTime();
        Map<String, Object> report = Map.of("channel", "hotline", "reporterType", "public",
                "description", "热线同时重复提交：安全保卫科门岗刁难来访群众");
        Counts before = counts();

        List<ResponseEntity<Map>> answers = all(() -> staffReport("huangli", report, key));

        assertOneProblem(answers, before);
        assertThat(jdbc.queryForObject("select count(*) from intake_report where idempotency_key = ?", Long.class,
                "staff:huangli:" + key)).isOne();
    }

    @Test
    void twentyPublicSubmissionsWithOneKeyCreateOneProblem() throws Exception {
        String key = "page-burst-" + System.nanoTime();
        Map<String, Object> report = anonymousReport("网页重复点击提交：车辆管理科公车私用");
        Counts before = counts();

        // each from a client of its own, so the rate limit plays no part
        List<ResponseEntity<Map>> answers = all(() -> submit(newClient(), report, List.of(PNG), key));

        assertOneProblem(answers, before);
        assertThat(before.attachments() + 1).isEqualTo(counts().attachments());
    }

    @Test
    void twentyRequestsWithOneExternalReferenceCreateOneProblem() throws Exception {
        Map<String, Object> report = Map.of("channel", "onlinePoll", "reporterType", "public", "externalReference",
                "POLL-" + System.nanoTime(), "description", "网上民调导入：物资采购科办事效率低");
        Counts before = counts();

        assertOneProblem(all(() -> staffReport("zhoumin", report, null)), before);
    }

    @Test
    void twentyDifferentReportsAtOnceGetTwentyDistinctIncreasingNumbers() throws Exception {
        AtomicInteger n = new AtomicInteger();
        Counts before = counts();

        List<ResponseEntity<Map>> answers = all(() -> submit(newClient(),
                anonymousReport("同时提交的不同反映：第" + n.incrementAndGet() + "件，会务中心会场布置拖延"), List.of(), null));

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsOnly(201);
        List<Integer> numbers = answers.stream().map(a -> (String) a.getBody().get("trackingNumber"))
                .map(number -> Integer.parseInt(number.substring(8))).sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates();
        // nothing failed, so no number was left unused
        assertThat(numbers.get(THREADS - 1) - numbers.get(0)).isEqualTo(THREADS - 1);
        assertThat(counts().problems()).isEqualTo(before.problems() + THREADS);
    }

    private static List<ResponseEntity<Map>> all(Callable<ResponseEntity<Map>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<Map>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ResponseEntity<Map>> answers = new ArrayList<>();
            for (Future<ResponseEntity<Map>> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneProblem(List<ResponseEntity<Map>> answers, Counts before) {
        assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as(answers.toString()).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.getBody().get("trackingNumber")).containsOnly(answers.get(0).getBody().get("trackingNumber"));
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CREATED).singleElement()
                .satisfies(a -> assertThat(a.getBody()).containsKey("queryCode"));
        // a retried key learns the first request's code; a repeated external reference learns nothing more
        Object code = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CREATED).findFirst().orElseThrow()
                .getBody().get("queryCode");
        assertThat(answers).extracting(a -> a.getBody().get("queryCode")).filteredOn(c -> c != null).containsOnly(code);
        Counts after = counts();
        assertThat(after.problems()).isEqualTo(before.problems() + 1);
        assertThat(after.processInstances()).isEqualTo(before.processInstances() + 1);
        assertThat(after.intakeReports()).isEqualTo(before.intakeReports() + 1);
    }
}
