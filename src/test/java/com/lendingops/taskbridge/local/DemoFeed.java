package com.lendingops.taskbridge.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Publishes the demo stream of collection events to the input topic at a steady rate. */
final class DemoFeed implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final DemoEvents events;
    private final String topic;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<DemoEvent.Kind, Long> sent = new EnumMap<>(DemoEvent.Kind.class);

    private DemoFeed(String bootstrapServers, String topic, long seed) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "local-stack-demo-feed");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.events = new DemoEvents(seed);
        this.topic = topic;
    }

    /** Starts publishing {@code perSecond} events a second (at least one every ten seconds). */
    static DemoFeed start(String bootstrapServers, String topic, double perSecond, long seed) {
        DemoFeed feed = new DemoFeed(bootstrapServers, topic, seed);
        long periodMillis = Math.max(10, Math.min(10_000, Math.round(1000 / Math.max(perSecond, 0.1))));
        feed.timer.scheduleAtFixedRate(feed::publishOne, 0, periodMillis, TimeUnit.MILLISECONDS);
        return feed;
    }

    /** Events published so far, by what they exercise. */
    synchronized Map<DemoEvent.Kind, Long> sent() {
        return new EnumMap<>(sent);
    }

    synchronized long total() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    private void publishOne() {
        DemoEvent event;
        synchronized (this) {
            event = events.next();
        }
        byte[] key = event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, key, event.value().getBytes(StandardCharsets.UTF_8)), (meta, error) -> {
            if (error == null) {
                synchronized (this) {
                    sent.merge(event.kind(), 1L, Long::sum);
                }
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
