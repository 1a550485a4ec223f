package com.lendingops.taskbridge.incs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets incs recover on its own: consumers pause while incs is unavailable, so no regular call would ever probe
 * the open circuit or notice a fixed token. Every {@code incs.probe-interval}, if the circuit awaits its probe or
 * the token is rejected, one cheap list call (page size 1) is made through the normal guards (rate budget
 * included); its answer updates {@link IncsAvailability}, which announces the change.
 */
@ApplicationScoped
class IncsAvailabilityProbe {

    private static final TaskQuery PROBE_QUERY = new TaskQuery(null, null, CreateTaskCommand.MESSAGE_TASK, null,
            null, null, null, 1, 1);

    private final IncsAvailability availability;
    private final IncsGateway gateway;
    private final PageBase pageBase;

    IncsAvailabilityProbe(IncsAvailability availability, IncsGateway gateway, PageBase pageBase) {
        this.availability = availability;
        this.gateway = gateway;
        this.pageBase = pageBase;
    }

    @Scheduled(every = "${incs.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probeWhenNeeded() {
        if (!availability.probeWanted()) {
            return Uni.createFrom().voidItem();
        }
        int firstPage = pageBase.known().orElse(1);
        return gateway.exchange(IncsRequest.probe(PROBE_QUERY, firstPage)).replaceWithVoid();
    }
}
