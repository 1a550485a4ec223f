package com.lendingops.taskbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** How to reach and use the incs task API; each key is also an environment variable (INCS_...). */
@ConfigMapping(prefix = "incs")
public interface IncsConfig {

    /** Base URL of the incs API (INCS_API_URL). */
    @WithDefault("https://api.incsapp.com")
    String apiUrl();

    /** Bearer token for the incs API (INCS_API_TOKEN); never logged. */
    String apiToken();

    /** WhatsApp authorization id used when the event carries no auth_id (INCS_AUTH_ID). */
    Optional<Long> authId();

    /** task_module_info.module_id of the collection panel (INCS_MODULE_ID); no panel without it. */
    Optional<String> moduleId();

    /** Zone of incs "yyyy-MM-dd HH:mm:ss" timestamps, both sent and received (INCS_TIME_ZONE). */
    @WithDefault("Asia/Jakarta")
    ZoneId timeZone();

    /** Country code that replaces a leading national 0 in phone numbers (INCS_DEFAULT_COUNTRY_CODE). */
    @WithDefault("62")
    String defaultCountryCode();

    /** Calls per second allowed to incs across all replicas, 0 = unlimited (INCS_RATE_LIMIT_PER_SECOND). */
    @WithDefault("0")
    double rateLimitPerSecond();

    /** Concurrent incs calls per replica (INCS_MAX_IN_FLIGHT). */
    @WithDefault("16")
    int maxInFlight();

    /** Time allowed for one incs call before it counts as timed out (INCS_REQUEST_TIMEOUT). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** incs page numbering: "auto" (learned from answers), "0" or "1" (INCS_PAGE_BASE). */
    @WithDefault("auto")
    String pageBase();

    /** Fraction of the rate budget left unused to absorb timing jitter, 0 to 0.5 (INCS_RATE_LIMIT_HEADROOM). */
    @WithDefault("0.1")
    double rateLimitHeadroom();

    /**
     * How far ahead a reserved rate slot must lie for the shared budget to count as saturated
     * (INCS_RATE_LIMIT_SATURATION_WAIT): that much budget is already promised to queued calls.
     */
    @WithDefault("1s")
    Duration rateLimitSaturationWait();

    /** How long the budget still counts as saturated after the last long wait (INCS_RATE_LIMIT_SATURATION_HOLD). */
    @WithDefault("60s")
    Duration rateLimitSaturationHold();

    /** Consecutive transient failures that open the circuit (INCS_CIRCUIT_FAILURE_THRESHOLD). */
    @WithDefault("5")
    int circuitFailureThreshold();

    /** How long the circuit stays open before one probe call may test incs again (INCS_CIRCUIT_OPEN_DELAY). */
    @WithDefault("10s")
    Duration circuitOpenDelay();

    /** How often incs is probed while the circuit is open or the token rejected, ≥ 1s (INCS_PROBE_INTERVAL). */
    @WithDefault("5s")
    Duration probeInterval();

    /** Retries of a GET /external/tasks call after a transient failure (INCS_LIST_RETRIES). */
    @WithDefault("3")
    int listRetries();

    /** Backoff before the first GET retry; doubles per retry, with jitter (INCS_LIST_RETRY_INITIAL_BACKOFF). */
    @WithDefault("200ms")
    Duration listRetryInitialBackoff();

    /**
     * Longest wait a {@code Retry-After} header may impose (INCS_RETRY_AFTER_MAX): incs, or a gateway in front of it,
     * may send hours or a far HTTP date, which would park requests long after incs is back; longer values (and
     * values too large to read) count as this. The circuit breaker's probes cover longer outages.
     */
    @WithDefault("60s")
    Duration retryAfterMax();

    /** Longest wait before a GET retry; a longer Retry-After fails the call instead (INCS_LIST_RETRY_MAX_BACKOFF). */
    @WithDefault("5s")
    Duration listRetryMaxBackoff();
}
