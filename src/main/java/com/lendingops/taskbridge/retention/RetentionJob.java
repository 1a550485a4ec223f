package com.lendingops.taskbridge.retention;

import com.lendingops.taskbridge.config.RetentionConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Runs the PII redaction every {@code bridge.retention.interval} on every replica: the redaction's row locks
 * ({@code skip locked}) and its marker make concurrent runs safe, so no leader is needed. A failed run is logged and
 * simply repeated at the next interval.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final PiiRedactor redactor;

    public RetentionJob(PiiRedactor redactor) {
        this.redactor = redactor;
    }

    @Scheduled(identity = "pii-retention", every = "${bridge.retention.interval:1h}",
            delayed = "${bridge.retention.interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotScheduled.class)
    Uni<Void> redact() {
        return redactor.redactExpired()
                .invoke(redacted -> {
                    if (redacted > 0) {
                        LOG.infof("redacted the personal data of %d finished requests past their retention", redacted);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("PII redaction failed, retried next interval: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Skips the job when {@code bridge.retention.scheduled=false} (tests run the redaction themselves). */
    @Singleton
    public static class NotScheduled implements Scheduled.SkipPredicate {
        private final RetentionConfig config;

        public NotScheduled(RetentionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.scheduled();
        }
    }
}
