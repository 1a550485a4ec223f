package com.lendingops.taskbridge.bench;

/**
 * One configuration of the bridge to measure.
 *
 * @param key         short label used in the table and in topic, database and log names
 * @param description what the configuration stands for
 * @param maxInFlight INCS_MAX_IN_FLIGHT
 * @param ratePerSecond INCS_RATE_LIMIT_PER_SECOND (0: unlimited)
 */
record Scenario(String key, String description, int maxInFlight, int ratePerSecond) {

    /** Held to a few calls a second (one call at a time, or a rate budget): its events take long to send. */
    boolean paced() {
        return maxInFlight == 1 || ratePerSecond > 0;
    }

    String rateLabel() {
        return ratePerSecond == 0 ? "unlimited" : ratePerSecond + "/s";
    }
}
