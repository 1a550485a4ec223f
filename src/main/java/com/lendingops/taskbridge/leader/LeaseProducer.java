package com.lendingops.taskbridge.leader;

import com.lendingops.taskbridge.config.SyncConfig;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Creates this replica's lease on the single row that guards both the sync and the outbox relay. */
@ApplicationScoped
public class LeaseProducer {

    /** One lease for both jobs: the relay must be leader-only to keep per-key order across replicas. */
    public static final String LEASE_NAME = "sync-and-relay";

    @Produces
    @Singleton
    LeaderLease leaderLease(Pool pool, SyncConfig config) {
        String instanceId = config.lease().instanceId().filter(id -> !id.isBlank()).orElseGet(LeaseProducer::defaultId);
        return new LeaderLease(pool, LEASE_NAME, instanceId, config.lease().ttl());
    }

    /** Host name (the pod name on Kubernetes) plus a random suffix, so a restarted pod is a new holder. */
    static String defaultId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "bridge";
            }
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }
}
