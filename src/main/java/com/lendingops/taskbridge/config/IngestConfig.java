package com.lendingops.taskbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How collection events are turned into incs tasks; each key is also an env var (BRIDGE_INGEST_...). */
@ConfigMapping(prefix = "bridge.ingest")
public interface IngestConfig {

    /** Kafka topic of collection events (BRIDGE_INGEST_TOPIC). */
    @WithDefault("collection-task-requests")
    String topic();

    /** Kafka topic receiving records that cannot be parsed (BRIDGE_INGEST_DEAD_LETTER_TOPIC). */
    @WithDefault("collection-task-requests-dlq")
    String deadLetterTopic();

    /** Task name when the event has none; placeholders {case_id}, {event_id}, {customer_name}. */
    @WithDefault("Collection {case_id}")
    String nameTemplate();

    /** Task description when the event has none; same placeholders as the name template. */
    @WithDefault("Collection case {case_id}")
    String descriptionTemplate();

    /** Events (consumed or retried) being worked on at once per replica; bounds memory and Kafka intake. */
    @WithDefault("64")
    int maxPending();

    /**
     * Share of {@code max-pending} kept for the retry scheduler: consumed events never take these slots, so
     * recoveries and deferred requests progress during a Kafka backlog (0.25 = a quarter, at least one slot).
     */
    @WithDefault("0.25")
    double schedulerReservedShare();

    /** Longest any single database call of ingest may take before it counts as failed (BRIDGE_INGEST_DB_TIMEOUT). */
    @WithDefault("10s")
    Duration dbTimeout();

    /** Records that can never be stored (the database refuses a value). */
    Poison poison();

    /** Who gets a task when the event names no assignee. */
    Assignment assignment();

    /** Retries of transient incs failures (408, 429, 5xx, timeouts, connection errors). */
    Retry retry();

    /** Requests deferred because the customer's phone has an unfinished task. */
    Defer defer();

    /** Looking up a task whose create response was lost before sending the request again. */
    Reconcile reconcile();

    /** Assignment policy settings. */
    interface Assignment {

        /** fixed, round-robin, least-active or sticky (BRIDGE_INGEST_ASSIGNMENT_POLICY). */
        @WithDefault("fixed")
        AssignmentPolicy policy();

        /** incs agent usernames to choose from; fixed uses the first (BRIDGE_INGEST_ASSIGNMENT_ASSIGNEES). */
        Optional<List<String>> assignees();
    }

    /** Retry timing. */
    interface Retry {

        /** First retry delay; doubles on each consecutive failure. */
        @WithDefault("1s")
        Duration initialDelay();

        /** Longest delay between two retries. */
        @WithDefault("5m")
        Duration maxDelay();

        /** Random spread added to each delay, as a fraction of it (0.2 = up to +20 %). */
        @WithDefault("0.2")
        double jitter();

        /** How often the database is scanned for requests whose retry is due. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a replica owns a request it is submitting before another may take it over. A request that waits
         * longer than this for an in-flight permit or a rate slot is abandoned unsent and claimed again later, so
         * keep it above max-pending / INCS_RATE_LIMIT_PER_SECOND.
         */
        @WithDefault("2m")
        Duration claimDuration();

        /**
         * An attempt may write its request only until this long before its claim ends: covers clock skew between
         * replicas (the claim's end is computed on one replica's clock and checked on another's).
         */
        @WithDefault("5s")
        Duration sendMargin();

        /** How often a paused intake (401 or open circuit) probes incs to see whether it can resume. */
        @WithDefault("15s")
        Duration probeInterval();
    }

    /** Deferral timing. */
    interface Defer {

        /** Give up (state failed) when someone else's task still blocks the phone after this long. */
        @WithDefault("24h")
        Duration horizon();

        /** First re-submission delay when the blocking task is not ours; grows with the time deferred. */
        @WithDefault("1m")
        Duration initialDelay();

        /** Longest delay between two re-submissions when the blocking task is not ours. */
        @WithDefault("30m")
        Duration maxDelay();

        /** Safety re-submission when our own task blocks, in case its end was not observed. */
        @WithDefault("10m")
        Duration ownTaskRecheck();
    }

    /** Reconciliation search. */
    interface Reconcile {

        /** Margin added on both sides of the attempt time, covering clock skew and incs latency. */
        @WithDefault("5m")
        Duration window();

        /**
         * Most list pages read in one lookup. Reaching it before every page that incs's total implies was read is a
         * failed lookup (retried later), never "not found".
         */
        @WithDefault("50")
        int maxPages();

        /**
         * After an attempt whose outcome is unknown (timeout, reset, 5xx, crash), wait at least this long before
         * looking its task up, so that a POST incs is still processing is found rather than sent again.
         */
        @WithDefault("30s")
        Duration settleTime();
    }

    /** Poison records. */
    interface Poison {

        /**
         * Tries of storing a record that the database refuses for good (SQLSTATE class 22, or a constraint other
         * than the duplicate key) before it is dead-lettered with the reason; transient failures retry forever.
         */
        @WithDefault("3")
        int maxTries();
    }
}
