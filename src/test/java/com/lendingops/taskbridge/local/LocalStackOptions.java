package com.lendingops.taskbridge.local;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Command-line options of {@link LocalStackMain}.
 *
 * @param duration        stop by itself after this long (empty: run until Ctrl-C)
 * @param exitAfterFlow   stop (exit 0) once a task was created and a status event published
 * @param bridgePort      HTTP port of the bridge (0: any free port)
 * @param simulatorPort   port of the incs simulator (0: any free port)
 * @param eventsPerSecond rate of the demo feed
 * @param taskStartAfter  how long a task waits on the simulator before moving 0 → 1
 * @param syncInterval    the bridge's incs polling interval, short so changes show quickly
 * @param seed            seed of the demo feed, so a run can be repeated
 */
record LocalStackOptions(Optional<Duration> duration, boolean exitAfterFlow, int bridgePort, int simulatorPort,
                         double eventsPerSecond, Duration taskStartAfter, Duration syncInterval, long seed) {

    /** A bound for --exit-after-first-status-event without --duration, so CI never hangs. */
    static final Duration DEFAULT_FLOW_TIMEOUT = Duration.ofMinutes(4);

    static final String USAGE = """
            Usage: ./local-stack.sh [options]
              --duration D                       stop after D (e.g. 90s, 5m); default: run until Ctrl-C
              --exit-after-first-status-event    stop once a task was created and a status event published
                                                 (exit 0; exit 1 if that does not happen within --duration, default 4m)
              --bridge-port N                    bridge HTTP port (default 8080, 0 = any free port)
              --simulator-port N                 incs simulator port (default 8089, 0 = any free port)
              --rate R                           demo events per second (default 1)
              --task-start-after D               simulator: time before a task moves 0 -> 1 (default 10s)
              --sync-interval D                  bridge: incs polling interval (default 5s)
              --seed N                           demo feed seed (default 42)
            Set TEST_DATABASE_URL (+ TEST_DATABASE_USER, TEST_DATABASE_PASSWORD) to use an existing PostgreSQL.
            """;

    static LocalStackOptions parse(String... args) {
        Optional<Duration> duration = Optional.empty();
        boolean exitAfterFlow = false;
        int bridgePort = 8080;
        int simulatorPort = 8089;
        double rate = 1;
        Duration startAfter = Duration.ofSeconds(10);
        Duration syncInterval = Duration.ofSeconds(5);
        long seed = 42;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--duration" -> duration = Optional.of(duration(value(list, ++i, option)));
                case "--exit-after-first-status-event" -> exitAfterFlow = true;
                case "--bridge-port" -> bridgePort = Integer.parseInt(value(list, ++i, option));
                case "--simulator-port" -> simulatorPort = Integer.parseInt(value(list, ++i, option));
                case "--rate" -> rate = Double.parseDouble(value(list, ++i, option));
                case "--task-start-after" -> startAfter = duration(value(list, ++i, option));
                case "--sync-interval" -> syncInterval = duration(value(list, ++i, option));
                case "--seed" -> seed = Long.parseLong(value(list, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (exitAfterFlow && duration.isEmpty()) {
            duration = Optional.of(DEFAULT_FLOW_TIMEOUT);
        }
        return new LocalStackOptions(duration, exitAfterFlow, bridgePort, simulatorPort, rate, startAfter,
                syncInterval, seed);
    }

    /** "90s", "5m", "1h", "500ms" or ISO-8601 "PT90S". */
    static Duration duration(String text) {
        String v = text.trim().toUpperCase(Locale.ROOT);
        if (v.startsWith("P")) {
            return Duration.parse(v);
        }
        if (v.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        return Duration.parse("PT" + (v.matches("\\d+") ? v + "S" : v));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }
}
