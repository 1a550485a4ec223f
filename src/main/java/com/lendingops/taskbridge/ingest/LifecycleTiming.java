package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IngestConfig;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every duration the {@link RequestLifecycle} decides with, read once from {@link IngestConfig}.
 *
 * @param claim          how long a claim holds a request
 * @param sendMargin     how long before its claim ends an attempt stops being allowed to write its request
 * @param settle         how long after an attempt with an unknown outcome before it is looked up
 * @param retryBackoff   delays after transient failures
 * @param deferBackoff   delays while someone else's task blocks the phone
 */
public record LifecycleTiming(Duration claim, Duration sendMargin, Duration settle, Duration probe,
                              Duration ownTaskRecheck, Duration horizon, Backoff retryBackoff, Backoff deferBackoff) {

    public static LifecycleTiming of(IngestConfig config) {
        IngestConfig.Retry retry = config.retry();
        IngestConfig.Defer defer = config.defer();
        return new LifecycleTiming(retry.claimDuration(), retry.sendMargin(), config.reconcile().settleTime(),
                retry.probeInterval(), defer.ownTaskRecheck(), defer.horizon(),
                new Backoff(retry.initialDelay(), retry.maxDelay(), retry.jitter(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                new Backoff(defer.initialDelay(), defer.maxDelay(), retry.jitter(),
                        () -> ThreadLocalRandom.current().nextDouble()));
    }
}
