package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.testsupport.MovableClock;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.CLAIM;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.HORIZON;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.MARGIN;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.RECHECK;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.SETTLE;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.fresh;
import static com.lendingops.taskbridge.ingest.LifecycleFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendingops.taskbridge.events.EventType;
import com.lendingops.taskbridge.events.TaskDeferred;
import com.lendingops.taskbridge.events.TaskNotCreated;
import com.lendingops.taskbridge.task.RequestState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every transition of the request lifecycle and its due rule, without a database. */
class RequestLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-04-16T09:00:00Z");
    private static final RequestLifecycle.Neighbours ALONE = new RequestLifecycle.Neighbours(false, false, false, false);

    private final MovableClock clock = new MovableClock(T0);
    private final RequestLifecycle lifecycle = new RequestLifecycle(clock, LifecycleFixtures.timing());
    private final RequestRow fresh = fresh("e1", "c1", "628100", 1);

    @Test
    void aRequestFirstInLineIsStoredClaimedWithItsFirstAttemptStarted() {
        RequestLifecycle.Change change = lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(false, false));

        RequestRow r = change.row();
        assertThat(change.outcome()).isEqualTo(Outcome.SUBMITTING);
        assertThat(r.state()).isEqualTo(RequestState.SUBMITTING);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.claimToken()).isEqualTo(1);
        assertThat(r.claimUntil()).isEqualTo(T0.plus(CLAIM));
        assertThat(lifecycle.sendBy(r)).isEqualTo(T0.plus(CLAIM).minus(MARGIN));
        assertThat(change.events()).isEmpty();
    }

    @Test
    void aRequestBehindAnOpenOneOfItsCaseWaitsUnclaimedAndDue() {
        RequestLifecycle.Change change = lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(true, true));

        assertThat(change.row().state()).isEqualTo(RequestState.RECEIVED);
        assertThat(change.row().claimUntil()).isNull();
        assertThat(change.row().nextAttemptAt()).isEqualTo(T0);
        assertThat(change.outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void aRequestBehindADeferredOneOfItsPhoneIsDeferredWithAnEvent() {
        RequestLifecycle.Change change = lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(false, true));

        assertThat(change.row().state()).isEqualTo(RequestState.DEFERRED);
        assertThat(change.row().awaitsOwnTask()).isTrue();
        assertThat(change.row().nextAttemptAt()).isEqualTo(T0.plus(RECHECK));
        assertThat(change.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.DEFERRED);
            assertThat(((TaskDeferred) e.data()).reason()).isEqualTo(RequestLifecycle.QUEUED_REASON);
        });
    }

    @Test
    void anInvalidEventIsRejectedAtIntakeWithItsReason() {
        RequestLifecycle.Change change = lifecycle.rejectAtIntake(fresh, "invalid_phone", "no digits");

        assertThat(change.row().state()).isEqualTo(RequestState.REJECTED);
        assertThat(change.row().nextAttemptAt()).isNull();
        assertThat(((TaskNotCreated) change.events().get(0).data()).reason()).isEqualTo("invalid_phone");
    }

    @Test
    void createdWinsFromAnyUnfinishedStateAndOnlyOnce() {
        RequestRow deferred = deferredForeign();
        RequestLifecycle.Change created = lifecycle.created(deferred, task(deferred, 7), true);

        assertThat(created.row().state()).isEqualTo(RequestState.CREATED);
        assertThat(created.row().taskId()).isEqualTo(7);
        assertThat(created.row().claimUntil()).isNull();
        assertThat(created.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(created.events()).extracting(e -> e.type()).containsExactly(EventType.CREATED);

        RequestLifecycle.Change again = lifecycle.created(created.row(), task(created.row(), 8), false);
        assertThat(again.outcome()).isEqualTo(Outcome.SUPERSEDED);
        assertThat(again.row().taskId()).isEqualTo(7);
        assertThat(lifecycle.answer(created.row(), new Answer.Invalid("x")).outcome()).isEqualTo(Outcome.SUPERSEDED);
    }

    @Test
    void invalidAnswerRejectsWithTheIncsReason() {
        RequestLifecycle.Change change = lifecycle.answer(submitting(), new Answer.Invalid("name too long"));

        assertThat(change.row().state()).isEqualTo(RequestState.REJECTED);
        assertThat(((TaskNotCreated) change.events().get(0).data()).reason()).isEqualTo("incs_rejected");
    }

    @Test
    void someoneElsesTaskDefersWithAnAnnouncedGrowingRetry() {
        RequestLifecycle.Change change = lifecycle.answer(submitting(),
                new Answer.PhoneBusy("User is in an incomplete task.", new Blocker.Foreign()));

        RequestRow r = change.row();
        assertThat(r.state()).isEqualTo(RequestState.DEFERRED);
        assertThat(r.awaitsOwnTask()).isFalse();
        assertThat(r.deferredSince()).isEqualTo(T0);
        assertThat(r.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(r.claimUntil()).isNull();
        assertThat(((TaskDeferred) change.events().get(0).data()).nextAttemptAt()).isNotNull();
    }

    @Test
    void ourOwnTrackedTaskDefersUntilItEnds() {
        RequestLifecycle.Change change = lifecycle.answer(submitting(), new Answer.PhoneBusy("busy", new Blocker.Own(5, true)));

        assertThat(change.row().awaitsOwnTask()).isTrue();
        assertThat(change.row().blockingTaskId()).isEqualTo(5);
        assertThat(((TaskDeferred) change.events().get(0).data()).nextAttemptAt()).isNull();
    }

    @Test
    void ourOwnTaskThatIsNoLongerTrackedFailsTheRequestWithAReason() {
        RequestLifecycle.Change change = lifecycle.answer(submitting(), new Answer.PhoneBusy("busy", new Blocker.Own(5, false)));

        assertThat(change.row().state()).isEqualTo(RequestState.FAILED);
        assertThat(change.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.FAILED);
            assertThat(((TaskNotCreated) e.data()).reason()).isEqualTo(RequestLifecycle.BLOCKING_TASK_UNTRACKED);
        });
    }

    @Test
    void anyBlockerPastTheHorizonFailsTheRequest() {
        RequestRow deferred = lifecycle.answer(submitting(), new Answer.PhoneBusy("busy", new Blocker.Own(5, true))).row();
        clock.advance(HORIZON);

        RequestLifecycle.Change change = lifecycle.answer(lifecycle.startAttempt(deferred).row(),
                new Answer.PhoneBusy("busy", new Blocker.Own(5, true)));

        assertThat(change.row().state()).isEqualTo(RequestState.FAILED);
        assertThat(((TaskNotCreated) change.events().get(0).data()).reason()).isEqualTo("deferral_horizon_exceeded");
    }

    @Test
    void anAmbiguousFailureIsLookedUpNoEarlierThanTheSettleTime() {
        RequestLifecycle.Change change = lifecycle.answer(submitting(),
                new Answer.Unavailable("timeout", true, Optional.empty()));

        RequestRow r = change.row();
        assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
        assertThat(r.ambiguousSince()).isEqualTo(T0);
        assertThat(r.needsReconciliation()).isTrue();
        assertThat(r.nextAttemptAt()).isEqualTo(T0.plus(SETTLE));
        assertThat(r.failures()).isEqualTo(1);
    }

    @Test
    void aDefiniteTransientFailureRetriesWithoutALookup() {
        RequestRow r = lifecycle.answer(submitting(), new Answer.Unavailable("429", false,
                Optional.of(Duration.ofSeconds(30)))).row();

        assertThat(r.needsReconciliation()).isFalse();
        assertThat(r.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void anAttemptNotSentBeforeItsClaimEndedIsDueAgainWithoutALookup() {
        RequestRow r = lifecycle.answer(submitting(), new Answer.NotSent("claim ended")).row();

        assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
        assertThat(r.needsReconciliation()).isFalse();
        assertThat(lifecycle.isDue(r, ALONE, T0)).isTrue();
    }

    @Test
    void anAttemptInterruptedByACrashStaysSuspectWhenTheNextOneStarts() {
        RequestRow crashed = submitting();
        clock.advance(CLAIM.plus(SETTLE));

        RequestRow next = lifecycle.startAttempt(crashed).row();

        assertThat(next.ambiguousSince()).isEqualTo(T0);
        assertThat(next.attempts()).isEqualTo(2);
    }

    @Test
    void aLookupNotMadeBeforeItsClaimEndedLeavesTheRequestSuspectAndDueAtOnceWithoutAFailure() {
        RequestRow crashed = submitting();
        clock.advance(CLAIM.plus(SETTLE));

        RequestRow r = lifecycle.answer(crashed, new Answer.LookupNotSent("no rate slot in time")).row();

        assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
        assertThat(r.needsReconciliation()).isTrue();
        assertThat(r.ambiguousSince()).isEqualTo(T0);
        assertThat(r.failures()).isZero();
        assertThat(lifecycle.isDue(r, ALONE, clock.instant())).isTrue();
    }

    @Test
    void anAttemptNotSentAfterALookupFoundNothingIsDueAgainWithoutAnotherLookup() {
        RequestRow crashed = submitting();
        clock.advance(CLAIM.plus(SETTLE));

        RequestRow started = lifecycle.startAttemptAfterLookup(crashed).row();
        RequestRow r = lifecycle.answer(started, new Answer.NotSent("no rate slot in time")).row();

        assertThat(r.needsReconciliation()).as("a lookup before every attempt can starve the POSTs").isFalse();
        assertThat(r.ambiguousSince()).as("a later search still starts at the first suspect attempt").isEqualTo(T0);
    }

    @Test
    void anAttemptThatMayHaveReachedIncsAfterALookupFoundNothingIsLookedUpAgain() {
        RequestRow crashed = submitting();
        clock.advance(CLAIM.plus(SETTLE));
        RequestRow started = lifecycle.startAttemptAfterLookup(crashed).row();

        RequestRow timedOut = lifecycle.answer(started, new Answer.Unavailable("timeout", true, Optional.empty()))
                .row();
        RequestRow crashedAgain = lifecycle.startAttemptAfterLookup(crashed).row();

        assertThat(timedOut.needsReconciliation()).isTrue();
        assertThat(crashedAgain.needsReconciliation()).as("in flight: its claimant may have written it").isTrue();
    }

    @Test
    void aHeldClaimIsNotDueAndAnInFlightAttemptIsTakenOverOnlyAfterTheSettleTime() {
        RequestRow r = submitting();
        assertThat(lifecycle.isDue(r, ALONE, T0.plus(CLAIM).minusSeconds(1))).isFalse();
        assertThat(lifecycle.isDue(r, ALONE, T0.plus(CLAIM))).isFalse();
        assertThat(lifecycle.isDue(r, ALONE, T0.plus(CLAIM).plus(SETTLE))).isTrue();
    }

    @Test
    void caseOrderAndPhoneOrderHoldBackALaterRequest() {
        RequestRow queued = lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(true, false)).row();
        assertThat(lifecycle.isDue(queued, new RequestLifecycle.Neighbours(true, false, false, false), T0)).isFalse();
        assertThat(lifecycle.isDue(queued, ALONE, T0)).isTrue();

        RequestRow deferred = lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(false, true)).row();
        assertThat(lifecycle.isDue(deferred, new RequestLifecycle.Neighbours(false, false, false, true), T0)).isFalse();
        assertThat(lifecycle.isDue(deferred, ALONE, T0)).isTrue();
        assertThat(lifecycle.isDue(deferred, new RequestLifecycle.Neighbours(false, false, true, false), T0)).isFalse();
        assertThat(lifecycle.isDue(deferred, new RequestLifecycle.Neighbours(false, true, false, false), T0)).isFalse();
    }

    @Test
    void aFinishedRequestIsNeverDue() {
        RequestRow rejected = lifecycle.answer(submitting(), new Answer.Invalid("x")).row();
        assertThat(lifecycle.isDue(rejected, ALONE, T0.plus(HORIZON))).isFalse();
    }

    private RequestRow submitting() {
        return lifecycle.admit(fresh, new RequestLifecycle.IntakeFacts(false, false)).row();
    }

    private RequestRow deferredForeign() {
        return lifecycle.answer(submitting(), new Answer.PhoneBusy("busy", new Blocker.Foreign())).row();
    }
}
