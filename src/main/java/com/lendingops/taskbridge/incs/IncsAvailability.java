package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * What this replica currently believes about incs: circuit state and whether the token is rejected. Every
 * classified answer is recorded here; changes are announced as {@link IncsAvailabilityChanged}, in order.
 */
@ApplicationScoped
public class IncsAvailability {

    private static final Logger LOG = Logger.getLogger(IncsAvailability.class);

    private final IncsCircuitBreaker circuit;
    private final AtomicBoolean unauthorized = new AtomicBoolean();
    private final Event<IncsAvailabilityChanged> events;
    private final Object announceLock = new Object();
    private IncsAvailabilityChanged lastAnnounced = new IncsAvailabilityChanged(true, false, false);

    public IncsAvailability(IncsConfig config, Event<IncsAvailabilityChanged> events) {
        this.circuit = new IncsCircuitBreaker(config.circuitFailureThreshold(), config.circuitOpenDelay(),
                System::nanoTime);
        this.events = events;
    }

    public boolean isCircuitOpen() {
        return circuit.isOpen();
    }

    /** True since incs answered 401 / code 10001, until a later call is answered with the token accepted. */
    public boolean isUnauthorized() {
        return unauthorized.get();
    }

    public boolean isAvailable() {
        return !isCircuitOpen() && !isUnauthorized();
    }

    /** True when a probe call would tell something new: the circuit awaits its probe, or the token is rejected. */
    public boolean probeWanted() {
        return circuit.probeDue() || (isUnauthorized() && !isCircuitOpen());
    }

    IncsCircuitBreaker circuit() {
        return circuit;
    }

    /** Records the answer of a call that was let through with {@code permission}. */
    void record(IncsCircuitBreaker.Permission permission, IncsAnswer answer) {
        if (answer instanceof IncsAnswer.Failed failed && !failed.sent()) {
            circuit.onAbandoned(permission);
        } else {
            CreateResult result = answer instanceof IncsAnswer.Failed failed ? failed.result() : null;
            circuit.onAnswer(permission, result instanceof CreateResult.Unavailable);
            if (result instanceof CreateResult.Unauthorized) {
                unauthorized.set(true);
            } else if (!(result instanceof CreateResult.Unavailable)) {
                unauthorized.set(false);
            }
        }
        announceChange();
    }

    void abandoned(IncsCircuitBreaker.Permission permission) {
        circuit.onAbandoned(permission);
        announceChange();
    }

    private void announceChange() {
        synchronized (announceLock) {
            boolean open = isCircuitOpen();
            boolean rejected = isUnauthorized();
            IncsAvailabilityChanged now = new IncsAvailabilityChanged(!open && !rejected, open, rejected);
            if (now.equals(lastAnnounced)) {
                return;
            }
            lastAnnounced = now;
            LOG.infof("incs availability changed: available=%s circuitOpen=%s unauthorized=%s", now.available(),
                    open, rejected);
            try {
                events.fire(now);
            } catch (RuntimeException e) {
                LOG.warn("an observer of IncsAvailabilityChanged failed", e);
            }
        }
    }
}
