package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.testsupport.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.task.RequestState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random histories of intake, claims, attempts, answers, lookups, crashes, stalls and task ends, applied the way
 * {@link RequestStore} applies them (fenced writes, unfenced "created"), checking after every step: never two
 * attempts of one request that may write it at the same time; every unfinished request has a dated next step;
 * created always wins and stays; a POST follows a lookup made after every earlier attempt that may have written the
 * request without a definite answer (crash, stall, timeout); and in the end every request reaches a terminal state. Seeds are fixed, so a
 * failure names the seed that replays it.
 */
class RequestLifecyclePropertyTest {

    private static final int SEEDS = 120;
    private static final int STEPS = 300;

    @Test
    void invariantsHoldOverRandomHistories() {
        for (int seed = 0; seed < SEEDS; seed++) {
            new History(seed).run();
        }
    }

    private static final class History {
        private final int seed;
        private final Random random;
        private final MovableClock clock =
                new MovableClock(Instant.parse("2026-04-16T09:00:00Z"));
        private final RequestLifecycle lifecycle = new RequestLifecycle(clock, LifecycleFixtures.timing());
        private final Map<String, RequestRow> db = new LinkedHashMap<>();
        private final Map<String, Long> createdTask = new LinkedHashMap<>();
        private final List<Holder> holders = new ArrayList<>();
        private final List<RequestLifecycle.OwnTask> tasks = new ArrayList<>();
        /** Per request: the latest instant an attempt without a definite answer may have written it. */
        private final Map<String, Instant> possibleWrite = new LinkedHashMap<>();
        /** Per request: the latest lookup that found no task. */
        private final Map<String, Instant> lookedUp = new LinkedHashMap<>();
        private long seq;
        private long nextTaskId = 1;

        History(int seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                randomStep();
                checkInvariants(step);
            }
            drain();
        }

        private void randomStep() {
            int action = random.nextInt(100);
            if (action < 15) {
                intake();
            } else if (action < 30) {
                claimDue();
            } else if (action < 65 && !holders.isEmpty()) {
                work(holders.get(random.nextInt(holders.size())));
            } else if (action < 70 && !holders.isEmpty()) {
                mayHaveWritten(holders.remove(random.nextInt(holders.size())));        // crash or stall for good
            } else if (action < 80) {
                toggleTask();
            } else {
                clock.advance(Duration.ofSeconds(random.nextInt(90)));
            }
        }

        private void intake() {
            seq++;
            RequestRow fresh = LifecycleFixtures.fresh("e" + seq, "c" + random.nextInt(3), "p" + random.nextInt(3), seq);
            List<RequestRow> all = new ArrayList<>(db.values());
            boolean caseOpen = all.stream().anyMatch(o -> o.caseId().equals(fresh.caseId()) && open(o));
            boolean phoneQueue = all.stream().anyMatch(o -> o.userPhone().equals(fresh.userPhone())
                    && o.state() == RequestState.DEFERRED);
            RequestLifecycle.Change change = lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(caseOpen, phoneQueue));
            db.put(fresh.eventId(), change.row());
            if (change.outcome() == Outcome.SUBMITTING) {
                holders.add(new Holder(change.row(), true));
            }
        }

        private void claimDue() {
            Instant now = clock.instant();
            List<RequestRow> all = new ArrayList<>(db.values());
            for (RequestRow r : all) {
                RequestRow current = db.get(r.eventId());
                if (random.nextBoolean() && lifecycle.isDue(current,
                        RequestLifecycle.Neighbours.of(current, new ArrayList<>(db.values()), tasks), now)) {
                    RequestRow.Edit e = current.edit();
                    e.claimToken = current.claimToken() + 1;
                    e.claimUntil = lifecycle.claimUntil(now);
                    RequestRow claimed = e.done();
                    db.put(claimed.eventId(), claimed);
                    holders.add(new Holder(claimed, false));
                }
            }
        }

        private void work(Holder h) {
            if (!h.started) {
                boolean lookup = h.row.needsReconciliation();
                if (lookup && random.nextInt(3) == 0) {
                    answer(h, switch (random.nextInt(3)) {
                        case 0 -> null;
                        case 1 -> new Answer.LookupFailed("page limit", Optional.empty());
                        default -> new Answer.LookupNotSent("no rate slot in time");
                    });
                    return;
                }
                RequestLifecycle.Change started = lookup ? lifecycle.startAttemptAfterLookup(h.row)
                        : lifecycle.startAttempt(h.row);
                if (!fencedWrite(h, started)) {
                    holders.remove(h);
                    return;
                }
                if (lookup) {
                    lookedUp.put(h.row.eventId(), clock.instant());
                } else {
                    Instant written = possibleWrite.get(h.row.eventId());
                    Instant looked = lookedUp.get(h.row.eventId());
                    assertThat(written == null || (looked != null && written.isBefore(looked)))
                            .as("POST without a lookup after a suspect attempt of " + h.row + ", seed " + seed)
                            .isTrue();
                }
                h.row = started.row();
                h.started = true;
                return;
            }
            if (clock.instant().isBefore(lifecycle.sendBy(h.row))) {
                h.sent = true;
            }
            Answer answer = switch (random.nextInt(8)) {
                case 0 -> null;
                case 1 -> new Answer.Invalid("bad");
                case 2 -> new Answer.PhoneBusy("busy", blocker());
                case 3 -> new Answer.Unavailable("timeout", true, Optional.empty());
                case 4 -> new Answer.Unavailable("429", false, Optional.of(Duration.ofSeconds(random.nextInt(60))));
                case 5 -> new Answer.IncsUnavailable("circuit open", false);
                case 6 -> new Answer.NotSent("claim ended");
                default -> new Answer.PhoneBusy("busy", new Blocker.Foreign());
            };
            answer(h, answer);
        }

        /** A started attempt ended without a definite answer: it may have written its request until its send-by. */
        private void mayHaveWritten(Holder h) {
            if (h.started) {
                Instant until = clock.instant().isBefore(lifecycle.sendBy(h.row)) ? clock.instant()
                        : lifecycle.sendBy(h.row);
                possibleWrite.merge(h.row.eventId(), until, (a, b) -> a.isAfter(b) ? a : b);
            }
        }

        /** {@code null} answer: incs created the task (or the lookup found it). */
        private void answer(Holder h, Answer answer) {
            holders.remove(h);
            if (answer instanceof Answer.Unavailable unavailable && unavailable.ambiguous()) {
                mayHaveWritten(h);
            }
            if (answer == null) {
                RequestRow current = db.get(h.row.eventId());
                RequestLifecycle.Change change = lifecycle.created(h.row, LifecycleFixtures.task(h.row, nextTaskId++),
                        !h.sent);
                if (change.outcome() != Outcome.SUPERSEDED && current.state() != RequestState.CREATED) {
                    db.put(current.eventId(), change.row());
                    createdTask.put(current.eventId(), change.row().taskId());
                    tasks.add(new RequestLifecycle.OwnTask(current.userPhone(), true, true));
                }
                return;
            }
            fencedWrite(h, lifecycle.answer(h.row, answer));
        }

        private boolean fencedWrite(Holder h, RequestLifecycle.Change change) {
            RequestRow current = db.get(h.row.eventId());
            if (change.outcome() == Outcome.SUPERSEDED || current.claimToken() != h.row.claimToken()
                    || current.state().isTerminal()) {
                return false;
            }
            db.put(current.eventId(), change.row());
            return true;
        }

        private Blocker blocker() {
            return switch (random.nextInt(3)) {
                case 0 -> new Blocker.Foreign();
                case 1 -> new Blocker.Own(99, true);
                default -> new Blocker.Own(99, false);
            };
        }

        private void toggleTask() {
            if (!tasks.isEmpty() && random.nextBoolean()) {
                int i = random.nextInt(tasks.size());
                RequestLifecycle.OwnTask t = tasks.get(i);
                tasks.set(i, random.nextBoolean() ? new RequestLifecycle.OwnTask(t.userPhone(), false, false)
                        : new RequestLifecycle.OwnTask(t.userPhone(), t.open(), false));
            }
        }

        private void checkInvariants(int step) {
            String where = "seed " + seed + ", step " + step;
            Instant now = clock.instant();
            Map<String, Integer> mayWrite = new LinkedHashMap<>();
            for (Holder h : holders) {
                if (now.isBefore(lifecycle.sendBy(h.row))) {
                    mayWrite.merge(h.row.eventId(), 1, Integer::sum);
                }
            }
            assertThat(mayWrite.values()).as("two live attempts, " + where).allMatch(count -> count <= 1);
            for (RequestRow r : db.values()) {
                if (!r.state().isTerminal()) {
                    assertThat(r.nextAttemptAt() != null || r.claimUntil() != null)
                            .as("no dated next step for " + r + ", " + where).isTrue();
                }
            }
            createdTask.forEach((eventId, taskId) -> {
                assertThat(db.get(eventId).state()).as("created lost, " + where).isEqualTo(RequestState.CREATED);
                assertThat(db.get(eventId).taskId()).as("task replaced, " + where).isEqualTo(taskId);
            });
        }

        /** No more faults, every task ends, incs creates: every request must finish. */
        private void drain() {
            holders.clear();
            tasks.clear();
            for (int round = 0; round < 200 && db.values().stream().anyMatch(r -> !r.state().isTerminal()); round++) {
                clock.advance(Duration.ofMinutes(30));
                Instant now = clock.instant();
                for (RequestRow r : new ArrayList<>(db.values())) {
                    RequestRow current = db.get(r.eventId());
                    if (lifecycle.isDue(current, RequestLifecycle.Neighbours.of(current, new ArrayList<>(db.values()),
                            tasks), now)) {
                        RequestRow started = lifecycle.startAttempt(current).row();
                        db.put(current.eventId(), lifecycle.created(started,
                                LifecycleFixtures.task(started, nextTaskId++), false).row());
                    }
                }
            }
            assertThat(db.values()).as("unfinished after the drain, seed " + seed)
                    .allMatch(r -> r.state().isTerminal());
        }

        private static boolean open(RequestRow r) {
            return r.state() == RequestState.RECEIVED || r.state() == RequestState.SUBMITTING;
        }
    }

    private static final class Holder {
        RequestRow row;
        boolean started;
        boolean sent;

        Holder(RequestRow row, boolean started) {
            this.row = row;
            this.started = started;
        }
    }
}
