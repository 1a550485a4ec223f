package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.IncsAvailabilityChanged;
import com.lendingops.taskbridge.incs.IncsClient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Pauses consumption of collection events while incs cannot take them (token refused, circuit open) and
 * resumes it when incs answers again, so an outage never burns events into rejections or the dead-letter
 * topic: they simply stay in Kafka. Driven by the client's availability events, and re-checked periodically
 * in case the channel was not yet registered when an event came.
 */
@ApplicationScoped
public class IntakeGate {

    private static final Logger LOG = Logger.getLogger(IntakeGate.class);

    private final ChannelRegistry channels;
    private final IncsClient client;
    private final IngestMetrics metrics;
    private final RetryScheduler scheduler;

    public IntakeGate(ChannelRegistry channels, IncsClient client, IngestMetrics metrics, RetryScheduler scheduler) {
        this.channels = channels;
        this.client = client;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    void onAvailabilityChanged(@Observes IncsAvailabilityChanged change) {
        apply(change.available(), change.unauthorized() ? "incs refused the API token" : "incs circuit open");
    }

    @Scheduled(every = "${bridge.ingest.retry.probe-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        apply(client.isAvailable(), client.isUnauthorized() ? "incs refused the API token" : "incs circuit open");
    }

    /** True while consumption is paused. */
    public boolean isPaused() {
        PausableChannel channel = channels.getPausable(CollectionEventConsumer.CHANNEL);
        return channel != null && channel.isPaused();
    }

    private synchronized void apply(boolean available, String reason) {
        PausableChannel channel = channels.getPausable(CollectionEventConsumer.CHANNEL);
        if (channel == null) {
            return;
        }
        if (!available && !channel.isPaused()) {
            LOG.warnf("pausing consumption of collection events: %s", reason);
            channel.pause();
        } else if (available && channel.isPaused()) {
            LOG.info("incs answers again: resuming consumption of collection events");
            channel.resume();
            scheduler.pollSoon();
        }
        metrics.paused(channel.isPaused());
    }
}
