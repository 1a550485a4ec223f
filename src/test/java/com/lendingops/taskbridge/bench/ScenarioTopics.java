package com.lendingops.taskbridge.bench;

import com.lendingops.taskbridge.testsupport.KafkaBroker;

/**
 * Topics of one scenario, named after it, so its bridge starts on an empty input topic and a fresh consumer
 * group position (the group id is the bridge's fixed one; offsets are kept per topic).
 */
record ScenarioTopics(String input, String output, String deadLetter) {

    static ScenarioTopics create(KafkaBroker broker, String prefix, int inputPartitions) {
        ScenarioTopics topics = new ScenarioTopics(prefix + "-requests", prefix + "-events", prefix + "-requests-dlq");
        broker.createTopics(inputPartitions, topics.input(), topics.output());
        broker.createTopics(1, topics.deadLetter());
        return topics;
    }
}
