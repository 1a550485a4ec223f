package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.deadletter.DeadLetterReader;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.leader.LeaderLease;
import com.lendingops.taskbridge.leader.LeaseProducer;
import com.lendingops.taskbridge.query.Summary;
import com.lendingops.taskbridge.query.SummaryQueries;
import com.lendingops.taskbridge.sync.CycleReport;
import com.lendingops.taskbridge.sync.SyncMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** The bridge at a glance; the console polls it. */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class SummaryResource {

    private static final Logger LOG = Logger.getLogger(SummaryResource.class);

    private final SummaryQueries queries;
    private final DeadLetterReader deadLetters;
    private final IncsClient incs;
    private final LeaderLease lease;
    private final SyncMetrics syncMetrics;

    public SummaryResource(SummaryQueries queries, DeadLetterReader deadLetters, IncsClient incs, LeaderLease lease,
                           SyncMetrics syncMetrics) {
        this.queries = queries;
        this.deadLetters = deadLetters;
        this.incs = incs;
        this.lease = lease;
        this.syncMetrics = syncMetrics;
    }

    @GET
    @Operation(summary = "Counts by request state, oldest deferral, outbox backlog, dead letters, incs, sync")
    public Uni<Summary> get() {
        return queries.read(LeaseProducer.LEASE_NAME).chain(stored -> deadLetterCount().map(dead -> new Summary(
                stored.at(), stored.requests(), stored.oldestDeferredSeconds(), stored.outboxPending(),
                stored.outboxLagSeconds(), dead,
                new Summary.Incs(incs.isAvailable(), incs.isCircuitOpen(), incs.isUnauthorized()),
                new Summary.Sync(stored.leader(), stored.leaseExpiresAt(), lease.instanceId(), lastCycle()))));
    }

    /** Kafka's answer, off the event loop; null (shown as unknown) when it does not come in time. */
    private Uni<Long> deadLetterCount() {
        return Uni.createFrom().item(deadLetters::count)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(Duration.ofSeconds(5)).fail()
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("dead-letter count unavailable: %s", e.toString());
                    return null;
                });
    }

    private Summary.LastCycle lastCycle() {
        CycleReport report = syncMetrics.lastReport();
        return report == null ? null : new Summary.LastCycle(report.calls(), report.tracked(), report.recorded(),
                report.events(), report.failures());
    }
}
