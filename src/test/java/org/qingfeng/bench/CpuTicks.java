package org.qingfeng.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes as Linux accounts it in /proc/[pid]/stat (user + system, in clock ticks of 10 ms): this JVM,
 * and every process named postgres (backends, WAL writer, checkpointer). Zero where /proc is not there.
 */
final class CpuTicks {

    /** USER_HZ: 100 on every Linux architecture the benchmark runs on. */
    private static final double MILLIS_PER_TICK = 10;

    private CpuTicks() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    static double millis(long ticks) {
        return ticks * MILLIS_PER_TICK;
    }

    static long ofThisProcess() {
        return ofProcess(Path.of("/proc/self"), null);
    }

    static long ofPostgres() {
        if (!available()) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> ofProcess(p, "postgres"))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of one process; 0 if it is gone or not named {@code name} (any name when null). */
    private static long ofProcess(Path process, String name) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (name != null && !stat.substring(open + 1, close).equals(name)) {
                return 0;
            }
            // after "pid (comm)": state is field 3, utime field 14, stime field 15
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
