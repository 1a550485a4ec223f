package com.lendingops.taskbridge.incs;

import static com.lendingops.taskbridge.incs.IncsCircuitBreaker.Permission.PASS;
import static com.lendingops.taskbridge.incs.IncsCircuitBreaker.Permission.PROBE;
import static com.lendingops.taskbridge.incs.IncsCircuitBreaker.Permission.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** State machine of the circuit breaker on a fake clock. */
class IncsCircuitBreakerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final IncsCircuitBreaker circuit = new IncsCircuitBreaker(3, Duration.ofSeconds(10), nanos::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            circuit.onAnswer(circuit.tryEnter(), true);
        }
    }

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        fail(2);
        assertThat(circuit.isOpen()).isFalse();
        fail(1);
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.tryEnter()).isEqualTo(REFUSED);
    }

    @Test
    void successBetweenFailuresResetsTheCount() {
        fail(2);
        circuit.onAnswer(circuit.tryEnter(), false);
        fail(2);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void letsExactlyOneProbeThroughAfterTheDelayAndClosesWhenItSucceeds() {
        fail(3);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(circuit.probeDue()).isTrue();
        IncsCircuitBreaker.Permission probe = circuit.tryEnter();
        assertThat(probe).isEqualTo(PROBE);
        assertThat(circuit.tryEnter()).isEqualTo(REFUSED);
        circuit.onAnswer(probe, false);
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.tryEnter()).isEqualTo(PASS);
    }

    @Test
    void failedProbeReopensForAnotherDelay() {
        fail(3);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        circuit.onAnswer(circuit.tryEnter(), true);
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.tryEnter()).isEqualTo(REFUSED);
        assertThat(circuit.remainingOpen()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void abandonedProbeLetsTheNextCallProbe() {
        fail(3);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        circuit.onAbandoned(circuit.tryEnter());
        assertThat(circuit.tryEnter()).isEqualTo(PROBE);
    }

    @Test
    void lateAnswersOfCallsStartedBeforeOpeningDoNotCloseIt() {
        IncsCircuitBreaker.Permission early = circuit.tryEnter();
        fail(3);
        circuit.onAnswer(early, false);
        assertThat(circuit.isOpen()).isTrue();
    }
}
