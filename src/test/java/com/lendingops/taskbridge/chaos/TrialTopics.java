package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.testsupport.KafkaBroker;

/** The topics of one trial, named after it, each with the trial's partition count. */
record TrialTopics(String input, String output, String deadLetter, int partitions) {

    static TrialTopics create(KafkaBroker broker, String prefix, int partitions) {
        TrialTopics topics = new TrialTopics(prefix + "-requests", prefix + "-events", prefix + "-requests-dlq",
                partitions);
        broker.createTopics(partitions, topics.input(), topics.output(), topics.deadLetter());
        return topics;
    }
}
