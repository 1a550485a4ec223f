package com.lendingops.taskbridge.outbox;

import com.lendingops.taskbridge.config.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes published outbox rows older than the retention, in bounded chunks so no statement runs long. */
@ApplicationScoped
public class OutboxPruner {

    static final int CHUNK = 5_000;

    private final OutboxStore store;
    private final OutboxConfig config;
    private final Counter pruned;

    public OutboxPruner(OutboxStore store, OutboxConfig config, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.pruned = Counter.builder("outbox.pruned").description("published outbox rows deleted after retention")
                .register(registry);
    }

    /** Prunes until nothing old is left; emits the number of rows deleted. */
    public Uni<Long> prune() {
        return pruneFrom(0L);
    }

    private Uni<Long> pruneFrom(long deletedSoFar) {
        return store.prunePublished(config.retention(), CHUNK).chain(deleted -> {
            pruned.increment(deleted);
            long total = deletedSoFar + deleted;
            return deleted < CHUNK ? Uni.createFrom().item(total) : pruneFrom(total);
        });
    }
}
