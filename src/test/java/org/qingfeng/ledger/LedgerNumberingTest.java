package org.qingfeng.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;

class LedgerNumberingTest extends ProcessTestSupport {

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
