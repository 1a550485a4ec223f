package com.lendingops.taskbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Per-thread CPU of a process from {@code /proc/<pid>/task/<tid>/stat} (Linux only): which thread did most of the
 * bridge's work during a phase, and what share of the process's CPU that was. A share near 100 % means the work is
 * pinned to one thread (one event loop) and cannot use a second core. Also the process's resident set size.
 */
final class ProcessThreads {

    /** CPU ticks per thread id, with the thread's name. */
    record Sample(Map<Long, Ticks> threads) {
    }

    record Ticks(String name, long ticks) {
    }

    /** The busiest thread of a phase and its share of the process's CPU in that phase. */
    record Busiest(String name, double share) {
    }

    private ProcessThreads() {
    }

    static Optional<Sample> sample(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        Map<Long, Ticks> threads = new HashMap<>();
        try (Stream<Path> dirs = Files.list(tasks)) {
            dirs.forEach(dir -> read(dir).ifPresent(t -> threads.put(Long.parseLong(dir.getFileName().toString()), t)));
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Sample(threads));
    }

    static Optional<Busiest> busiest(Optional<Sample> before, Optional<Sample> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        long max = 0;
        String name = "";
        for (Map.Entry<Long, Ticks> e : after.get().threads().entrySet()) {
            Ticks earlier = before.get().threads().get(e.getKey());
            long delta = e.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            total += delta;
            if (delta > max) {
                max = delta;
                name = e.getValue().name();
            }
        }
        return total == 0 ? Optional.empty() : Optional.of(new Busiest(name, (double) max / total));
    }

    /** The {@code n} busiest threads of a phase with their shares, for the log ("name 41 %, ..."). */
    static String top(Optional<Sample> before, Optional<Sample> after, int n) {
        if (before.isEmpty() || after.isEmpty()) {
            return "n/a";
        }
        Map<String, Long> byThread = new HashMap<>();
        long total = 0;
        for (Map.Entry<Long, Ticks> e : after.get().threads().entrySet()) {
            Ticks earlier = before.get().threads().get(e.getKey());
            long delta = e.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            byThread.merge(e.getValue().name() + "#" + e.getKey(), delta, Long::sum);
            total += delta;
        }
        long sum = Math.max(1, total);
        return byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / sum))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Resident set size in MB ({@code VmRSS}). */
    static Optional<Double> rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Ticks> read(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            // after "pid (comm) ": state is field 0, utime field 11, stime field 12
            return Optional.of(new Ticks(stat.substring(open + 1, close),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // the thread ended between the listing and the read
        }
    }
}
