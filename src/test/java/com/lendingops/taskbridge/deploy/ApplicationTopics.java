package com.lendingops.taskbridge.deploy;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics and consumer group the application uses, read from its configuration:
 * SmallRye Kafka channels (topic = the channel's "topic" or else the channel name; the dead-letter
 * topic of a channel whose failure strategy is dead-letter-queue) and any other "...topic" key,
 * from application.properties or as a @ConfigMapping default.
 */
record ApplicationTopics(Set<String> incoming, Set<String> all, String consumerGroup) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+$");

    static ApplicationTopics read() {
        ApplicationProperties properties = ApplicationProperties.load();
        Set<String> incoming = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        String group = properties.get("kafka.group.id")
                .orElse(properties.get("quarkus.application.name", "collection-task-bridge"));
        Set<String> channelsSeen = new TreeSet<>();
        for (String key : properties.prodKeys()) {
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (channel.matches() && channelsSeen.add(channel.group(1) + "." + channel.group(2))) {
                String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
                if (!isKafka(properties, prefix)) {
                    continue;
                }
                String topic = properties.get(prefix + "topic", channel.group(2));
                all.add(topic);
                if (channel.group(1).equals("incoming")) {
                    incoming.add(topic);
                    group = properties.get(prefix + "group.id", group);
                    deadLetterTopic(properties, prefix, channel.group(2)).ifPresent(all::add);
                }
            } else if (!key.startsWith("mp.messaging.") && key.endsWith("topic")) {
                properties.get(key).filter(v -> !v.isBlank()).ifPresent(all::add);
            }
        }
        ConfigMappingKeys.ofApplication().stream()
                .filter(k -> k.pattern().endsWith("topic"))
                .filter(k -> !properties.prodKeys().contains(k.pattern()))
                .forEach(k -> k.defaultValue().ifPresent(all::add));
        return new ApplicationTopics(incoming, all, group);
    }

    private static boolean isKafka(ApplicationProperties properties, String prefix) {
        return properties.get(prefix + "connector").map("smallrye-kafka"::equals).orElse(true);
    }

    private static Optional<String> deadLetterTopic(ApplicationProperties properties, String prefix, String channel) {
        if (!properties.get(prefix + "failure-strategy").map("dead-letter-queue"::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(properties.get(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel));
    }
}
