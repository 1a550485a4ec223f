package com.lendingops.taskbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the task sync polls incs and how replicas elect the one that syncs and relays the outbox.
 * Keys are under {@code bridge.sync}; each is also an environment variable (e.g. BRIDGE_SYNC_INTERVAL).
 */
@ConfigMapping(prefix = "bridge.sync")
public interface SyncConfig {

    /** Whether the sync cycle runs on its own schedule (tests switch it off and trigger cycles). */
    @WithDefault("true")
    boolean scheduled();

    /** Time between two sync cycles (BRIDGE_SYNC_INTERVAL). */
    @WithDefault("30s")
    Duration interval();

    /** Delay before the first cycle after start-up (BRIDGE_SYNC_INITIAL_DELAY). */
    @WithDefault("5s")
    Duration initialDelay();

    /** Consecutive cycles a tracked task may be absent from incs before it is declared missing. */
    @WithDefault("3")
    int missingAfterCycles();

    /**
     * How long a task declared missing waits before it is looked up again, and again after each miss; a task
     * that reappears resumes (BRIDGE_SYNC_MISSING_RECHECK_INTERVAL).
     */
    @WithDefault("10m")
    Duration missingRecheckInterval();

    /** Active-scan pages read at the same time after the first (the incs client still rate-limits). */
    @WithDefault("8")
    int pageConcurrency();

    /** Concurrent by-id lookups of tasks that left the active scan (the incs client still rate-limits). */
    @WithDefault("4")
    int lookupConcurrency();

    /** The leader lease that lets exactly one replica run the sync and the outbox relay. */
    Lease lease();

    /** Leader election by a lease row in {@code leader_lease}. */
    interface Lease {

        /**
         * How long a lease stays valid without renewal; a dead leader is replaced after at most
         * ttl + renew-interval, which the defaults keep below two sync intervals (BRIDGE_SYNC_LEASE_TTL).
         */
        @WithDefault("20s")
        Duration ttl();

        /** How often every replica renews (or tries to take) the lease (BRIDGE_SYNC_LEASE_RENEW_INTERVAL). */
        @WithDefault("5s")
        Duration renewInterval();

        /** This replica's name in the lease row; default host name plus a random suffix (BRIDGE_SYNC_LEASE_INSTANCE_ID). */
        Optional<String> instanceId();
    }
}
