package com.lendingops.taskbridge.chaos;

import java.time.Duration;
import java.util.Optional;

/**
 * Options of bench/chaos.sh. {@code --short} (default): the CI run, three combined-fault trials with 1,000 hostile
 * records in all; {@code --full}: twenty kill -9 trials of 2,000 events, the 10,000-record hostile run and the
 * combined trials with a 60 s incs outage. {@code --seed N} fixes the first trial's seed (trial i uses N + i), so a
 * run replays; {@code --trial NAME} runs only that trial of the chosen set.
 */
record ChaosOptions(boolean full, Optional<Long> seed, Optional<String> trial, Duration drainTimeout) {

    static final String USAGE = """
            bench/chaos.sh [--short | --full] [--seed N] [--trial NAME] [--drain-timeout SECONDS]
              --short            three combined-fault trials, 1,000 hostile records (default; what CI runs)
              --full             20 kill -9 trials of 2,000 events, the 10,000-record hostile run, the combined trials
              --seed N           seed of the first trial (trial i uses N + i); printed by every run
              --trial NAME       only this trial (its seed is the one printed for it: --trial kill9-storm --seed 42)
              --drain-timeout S  after its faults, a trial waits to settle while the bridge keeps writing; it is
                                 judged after S seconds without a new record (a stall; default 30, --full 60)
            Exit status 1 when an invariant broke; the last line reads "chaos: N passed, M failed".
            """;

    static ChaosOptions parse(String... args) {
        boolean full = false;
        Optional<Long> seed = Optional.empty();
        Optional<String> trial = Optional.empty();
        Optional<Duration> drain = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> full = false;
                case "--full" -> full = true;
                case "--seed" -> seed = Optional.of(Long.parseLong(args[++i]));
                case "--trial" -> trial = Optional.of(args[++i]);
                case "--drain-timeout" -> drain = Optional.of(Duration.ofSeconds(Long.parseLong(args[++i])));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        // a short trial's tasks end within seconds: 30 s without a new record is a stall; the full run's 2,000-task
        // trials publish in long bursts behind the rate budget and get 60 s
        return new ChaosOptions(full, seed, trial, drain.orElse(Duration.ofSeconds(full ? 60 : 30)));
    }
}
