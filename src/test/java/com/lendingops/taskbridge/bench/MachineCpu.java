package com.lendingops.taskbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How busy the whole machine was during a phase, and how much of that was not the benchmark: busy time from
 * the first line of /proc/stat, minus the CPU time of this JVM and every process it started (the bridge, the
 * embedded PostgreSQL). On a shared machine this says whether another job competed for the cores. Linux only;
 * elsewhere nothing is reported. Approximate: PostgreSQL backends that exited within the phase are missed.
 */
final class MachineCpu {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** USER_HZ, the unit of /proc/stat; 100 on every mainstream Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** One reading: busy CPU time of the machine and of the benchmark's processes, at a wall-clock instant. */
    record Sample(long machineBusyNanos, long ownNanos, long wallNanos) {
    }

    /** Average cores kept busy between two samples: by anything, and by processes outside the benchmark. */
    record Usage(double machineCores, double otherCores) {
    }

    private MachineCpu() {
    }

    static Optional<Sample> sample() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...: everything but idle and iowait is busy
            long busyTicks = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busyTicks += Long.parseLong(fields[i]);
                }
            }
            return Optional.of(new Sample(busyTicks * NANOS_PER_TICK, ownCpu().toNanos(), System.nanoTime()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Usage> between(Optional<Sample> before, Optional<Sample> after) {
        return before.flatMap(b -> after.map(a -> {
            double wall = Math.max(1, a.wallNanos() - b.wallNanos());
            double machine = (a.machineBusyNanos() - b.machineBusyNanos()) / wall;
            double own = (a.ownNanos() - b.ownNanos()) / wall;
            return new Usage(machine, Math.max(0, machine - own));
        }));
    }

    private static Duration ownCpu() {
        ProcessHandle self = ProcessHandle.current();
        Duration total = self.info().totalCpuDuration().orElse(Duration.ZERO);
        return self.descendants().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(total, Duration::plus);
    }
}
