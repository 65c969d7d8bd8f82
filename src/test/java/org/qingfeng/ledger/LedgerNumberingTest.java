package org.qingfeng.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class LedgerNumberingTest extends ProcessTestSupport {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aYearCarriesOnFromItsCounterAndAYearWithoutNumberingIsRefused() {
        // as a ledger that counted 2031 in its table before the sequences came
        jdbc.update("update ledger_sequence set last_value = 41 where ledger_year = 2031");
        assertThat(ledger.report(reportOf(2031)).number()).isEqualTo("ZF-2031-000042");
        assertThat(ledger.report(reportOf(2031)).number()).isEqualTo("ZF-2031-000043");
        // the counter is read once, when the year's sequence is made
        jdbc.update("update ledger_sequence set last_value = 7 where ledger_year = 2031");
        assertThat(ledger.report(reportOf(2031)).number()).isEqualTo("ZF-2031-000044");

        // six digits at least, never cut
        jdbc.update("update ledger_sequence set last_value = 999998 where ledger_year = 2032");
        assertThat(ledger.report(reportOf(2032)).number()).isEqualTo("ZF-2032-999999");
        assertThat(ledger.report(reportOf(2032)).number()).isEqualTo("ZF-2032-1000000");

        assertThatThrownBy(() -> ledger.report(reportOf(2100))).hasMessageContaining("no ledger numbering for year 2100");
    }

    private static NewReport reportOf(int year) {
        return new NewReport("hotline", "public", true, "编号测试", null, null, "wangfang",
                Date.from(OffsetDateTime.parse(year + "-03-02T09:00:00+08:00").toInstant()), null);
    }

    @Test
    void concurrentReportsGetDistinctConsecutiveNumbers() throws Exception {
        int reports = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < reports; i++) {
                int n = i;
                Callable<String> report = () -> {
                    start.await();
                    ProcessInstance instance = report("public", "并发登记测试第" + n + "件");
                    return instance.getBusinessKey();
                };
                numbers.add(pool.submit(report));
            }
            start.countDown();
            List<Integer> sequence = new ArrayList<>();
            for (Future<String> number : numbers) {
                String key = number.get();
                assertThat(key).matches("ZF-2026-\\d{6}");
                sequence.add(Integer.parseInt(key.substring(8)));
            }
            assertThat(sequence).doesNotHaveDuplicates().hasSize(reports);
            int first = sequence.stream().mapToInt(Integer::intValue).min().getAsInt();
            int last = sequence.stream().mapToInt(Integer::intValue).max().getAsInt();
            assertThat(last - first).isEqualTo(reports - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
