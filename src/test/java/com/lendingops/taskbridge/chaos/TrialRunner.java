package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendingops.taskbridge.bench.ScenarioDatabase;
import com.lendingops.taskbridge.testsupport.BridgeProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Runs one trial from scratch: its own database and topics, the simulator reset, the replicas started, the feed
 * published while the fault schedule plays, then every fault healed and the pipeline given time to drain; then
 * the invariants are judged from outside. Everything the trial started is stopped before the next one.
 */
final class TrialRunner {

    private static final Path LOG_ROOT = Path.of("target", "chaos");
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ChaosWorld world;
    private final ChaosOptions options;
    private final PrintStream out;

    TrialRunner(ChaosWorld world, ChaosOptions options, PrintStream out) {
        this.world = world;
        this.options = options;
        this.out = out;
    }

    TrialResult run(TrialSpec spec, long seed, int number) throws Exception {
        Random random = new Random(seed);
        String tag = Long.toHexString(seed & 0xffffffL) + "n" + number;
        List<ChaosRecord> records = feed(spec, random, tag, number);
        List<ScheduledFault> plan = FaultPlan.draw(spec, random);
        TrialResult result = new TrialResult(spec.name(), seed);
        result.ratePerSecond = spec.ratePerSecond();
        result.faults = String.join(" ", plan.stream().map(ScheduledFault::describe).toList());
        out.printf(Locale.ROOT, "%n== trial %s, seed %d: %d replica(s), R=%d/s, %d valid + %d hostile records over %ds%n"
                        + "   faults: %s%n   replay: bench/chaos.sh %s--trial %s --seed %d%n", spec.name(), seed,
                spec.replicas(), spec.ratePerSecond(), spec.validEvents(), spec.hostileRecords(),
                spec.feedWindow().toSeconds(), result.faults, options.full() ? "--full " : "", spec.name(), seed);
        InvariantChecker checker = new InvariantChecker();
        String name = "chaos_" + tag;
        TrialTopics topics = TrialTopics.create(world.broker(), name.replace('_', '-'), 3);
        Path logs = LOG_ROOT.resolve(spec.name() + "-" + seed);
        world.simulator().resetForTrial();
        world.gateway().up();
        world.gateway().clearArrivals();
        long started = System.nanoTime();
        try (ScenarioDatabase database = ScenarioDatabase.create(world.postgres(), name);
                Replicas replicas = new Replicas(spec.replicas(), BridgeSettings.of(spec, topics,
                        world.broker().bootstrapServers(), database, world.postgres(), world.gateway().baseUrl()), logs);
                TopicWatcher watcher = new TopicWatcher(world.broker().bootstrapServers(),
                        List.of(topics.output(), topics.deadLetter()), topics.partitions());
                Feed feed = new Feed(world.broker().bootstrapServers());
                FaultExecutor faults = new FaultExecutor(replicas, world.postgres(), world.broker(), world.gateway(),
                        world.simulator(), out)) {
            replicas.startAll();
            out.printf("   %d replica(s) started (logs in %s)%n", spec.replicas(), logs);
            long feedStart = System.nanoTime();
            faults.start(plan, feedStart);
            feed.publish(topics.input(), records, spec.feedWindow());
            List<FaultExecutor.Applied> applied = faults.awaitAll();
            long healed = System.nanoTime();
            out.printf(Locale.ROOT, "   fed and every fault healed after %.1fs; draining%n", (healed - feedStart) / 1e9);
            awaitDrained(checker, records, feed, watcher, topics);
            awaitChangesPublished(watcher, topics);
            result.lag = ConsumerLag.awaitZero(world.broker().bootstrapServers(), topics.input(),
                    Duration.ofSeconds(30));
            judge(checker, result, spec, records, feed, watcher, topics, replicas, applied);
        } finally {
            world.gateway().up();
        }
        result.seconds = (System.nanoTime() - started) / 1e9;
        return result;
    }

    private List<ChaosRecord> feed(TrialSpec spec, Random random, String tag, int number) {
        List<ChaosRecord> mixed = new ArrayList<>();
        mixed.addAll(ValidEvents.generate(random, spec.validEvents(), 6_281_300_000_000L + number * 100_000L, tag));
        mixed.addAll(new HostileRecords(random, 6_281_900_000_000L + number * 100_000L, tag)
                .generate(spec.hostileRecords()));
        Collections.shuffle(mixed, random);
        List<ChaosRecord> indexed = new ArrayList<>(mixed.size());
        for (int i = 0; i < mixed.size(); i++) {
            ChaosRecord r = mixed.get(i);
            indexed.add(new ChaosRecord(i, r.valid(), r.category(), r.key(), r.value(), r.eventId(), r.phone()));
        }
        return indexed;
    }

    /**
     * Until every valid event has a final outcome and every hostile record has come out (a distinct dead letter,
     * or an outcome for a readable one), or the bridge stops making progress.
     */
    private void awaitDrained(InvariantChecker checker, List<ChaosRecord> records, Feed feed, TopicWatcher watcher,
                              TrialTopics topics) {
        List<String> validIds = records.stream().filter(ChaosRecord::valid).map(ChaosRecord::eventId).toList();
        boolean done = awaitProgressing(watcher, () -> {
            List<TopicWatcher.Seen> seen = watcher.seen();
            Outcomes outcomes = new Outcomes(output(seen, topics));
            long settled = validIds.stream().map(outcomes::finalOutcome)
                    .filter(e -> e != null && !e.shortType().equals("deferred")).count();
            return settled == validIds.size() && checker.everyHostileRecordCameOut(records, feed::indexAt, outcomes,
                    deadLetters(seen, topics));
        });
        if (!done) {
            out.println("   drain timeout reached; judging what is there");
        }
    }

    /** Until every incs task has ended and the sync published as many changes as incs logged, or it stalls. */
    private void awaitChangesPublished(TopicWatcher watcher, TrialTopics topics) {
        awaitProgressing(watcher, () -> {
            JsonNode tasks = world.simulator().tasks();
            Outcomes outcomes = new Outcomes(output(watcher.seen(), topics));
            for (JsonNode task : tasks.path("data")) {
                int status = task.path("status").asInt();
                if (status < 2) {
                    return false;
                }
                long logged = 0;
                for (JsonNode log : task.path("logs")) {
                    int type = log.path("type").asInt();
                    logged += type == 3 || type == 4 ? 1 : 0;
                }
                long published = outcomes.byTaskId.getOrDefault(task.path("id").asLong(), List.of()).stream()
                        .filter(e -> e.shortType().equals("status-changed") || e.shortType().equals("remarked"))
                        .count();
                if (published < logged) {
                    return false;
                }
            }
            return true;
        });
    }

    private void judge(InvariantChecker checker, TrialResult result, TrialSpec spec, List<ChaosRecord> records, Feed feed, TopicWatcher watcher,
                       TrialTopics topics, Replicas replicas, List<FaultExecutor.Applied> applied) {
        List<TopicWatcher.Seen> seen = watcher.seen();
        List<TopicWatcher.Seen> output = output(seen, topics);
        List<TopicWatcher.Seen> deadLetters = deadLetters(seen, topics);
        Outcomes outcomes = new Outcomes(output);
        JsonNode counters = world.simulator().counters();
        checker.check(result, records, feed::indexAt, outcomes, deadLetters, world.simulator().tasks(), counters);
        RateJudge.judge(result, world.gateway().arrivals(), spec.ratePerSecond());
        result.maxPerSecondAtSimulator = counters.path("max_requests_in_any_second").asInt();
        RateJudge.judgeWrites(result, replicas.logDirectory());
        if (result.lag != 0) {
            result.violation("consumer lag did not drain to 0 (" + result.lag + ")");
        }
        replicas.unexpectedExits().forEach(result::violation);
        for (BridgeProcess replica : replicas.live()) {
            // a replica may still be reconnecting after the last fault: it has 30 s to report itself healthy
            boolean healthy = await(Duration.ofSeconds(30), () -> Metrics.health(replica, "/q/health/live").equals("200")
                    && Metrics.health(replica, "/q/health/ready").equals("200"));
            if (!healthy) {
                result.violation("a replica is not live and ready 30 s after the trial: live "
                        + Metrics.health(replica, "/q/health/live") + "; ready " + Metrics.health(replica, "/q/health/ready"));
            }
        }
        boolean anyKilled = applied.stream().anyMatch(a -> a.fault().kind() == FaultKind.KILL9
                || a.fault().kind() == FaultKind.KILL9_BETWEEN_POST_AND_WRITE);
        judgeMetrics(result, Metrics.sum(replicas.live(), "outbox_published_total"),
                Metrics.sum(replicas.live(), "bridge_ingest_dead_lettered_total"), output.size(), deadLetters.size(),
                anyKilled);
        result.recovery = Recovery.describe(applied, seen);
        applied.stream().filter(a -> !a.note().isEmpty()).forEach(a -> result.notes.add(a.fault().describe() + ": "
                + a.note()));
    }

    /**
     * The bridge's own counters must agree with what the topics hold (only when no replica lost its counters).
     * {@code outbox_published_total} counts rows, each once, when Kafka acknowledged them; a record Kafka stored
     * although its send was reported failed (a broker restart) is sent again: records repeated with one ce_id
     * ({@code result.republished}, delivery is at-least-once) are not counted twice.
     */
    static void judgeMetrics(TrialResult result, double metricPublished, double metricDead, int outputRecords,
                             int deadLettered, boolean anyKilled) {
        int distinctPublished = outputRecords - result.republished;
        String line = String.format(Locale.ROOT, "metrics: outbox_published_total %.0f vs %d distinct ce_ids on the "
                + "output topic (%d records); bridge_ingest_dead_lettered_total %.0f vs %d dead letters",
                metricPublished, distinctPublished, outputRecords, metricDead, deadLettered);
        if (anyKilled) {
            result.notes.add(line + " (not compared: a killed replica took its counters with it)");
        } else if ((long) metricPublished != distinctPublished || (long) metricDead != deadLettered) {
            result.violation(line);
        } else {
            result.notes.add(line);
        }
    }

    private static List<TopicWatcher.Seen> output(List<TopicWatcher.Seen> seen, TrialTopics topics) {
        return seen.stream().filter(s -> s.topic().equals(topics.output())).toList();
    }

    private static List<TopicWatcher.Seen> deadLetters(List<TopicWatcher.Seen> seen, TrialTopics topics) {
        return seen.stream().filter(s -> s.topic().equals(topics.deadLetter())).toList();
    }

    /**
     * Until {@code condition} holds, as long as the bridge keeps writing: gives up when nothing new reached the
     * output or dead-letter topic for {@code --drain-timeout} (a stall), or after ten times that in all. A big
     * trial may take minutes to publish its last change; a stuck one is judged after the stall.
     */
    private boolean awaitProgressing(TopicWatcher watcher, BooleanSupplier condition) {
        long stall = options.drainTimeout().toNanos();
        long hardDeadline = System.nanoTime() + 10 * stall;
        int lastCount = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < hardDeadline && System.nanoTime() - lastProgress < stall) {
            if (await(POLL, condition)) {
                return true;
            }
            int count = watcher.count();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.nanoTime();
            }
        }
        return false;
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                // a component still recovering: ask again
            }
        }
        return false;
    }
}
