package org.qingfeng.bench;

import java.util.Arrays;

/** Durations of repeated runs of one thing, in nanoseconds. */
final class Samples {

    private long[] nanos = new long[64];
    private int size;

    void add(long duration) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = duration;
    }

    /** Adds every duration kept here to {@code target}. */
    void addAll(Samples target) {
        for (int i = 0; i < size; i++) {
            target.add(nanos[i]);
        }
    }

    int count() {
        return size;
    }

    /** Nearest-rank percentile in milliseconds, {@code p} in (0, 100]. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p95() {
        return percentileMillis(95);
    }

    double meanMillis() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += nanos[i];
        }
        return size == 0 ? Double.NaN : total / 1e6 / size;
    }

    /** Times one run of {@code work} and keeps it. */
    <T> T time(ThrowingSupplier<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.get();
        add(System.nanoTime() - start);
        return result;
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
