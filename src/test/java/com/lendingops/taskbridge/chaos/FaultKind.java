package com.lendingops.taskbridge.chaos;

/** The faults the suite injects (issue 11), alone or several in one trial. */
enum FaultKind {
    /** kill -9 of a replica at a random moment; it is started again a few seconds later. */
    KILL9,
    /** kill -9 of a replica while incs holds its POSTs (the task exists, the bridge has not stored the answer). */
    KILL9_BETWEEN_POST_AND_WRITE,
    /** SIGSTOP of the lease holder for longer than its lease, then SIGCONT. */
    FREEZE_LEADER,
    /** PostgreSQL stopped, then started again on the same port and data. */
    POSTGRES_RESTART,
    /** The Kafka broker stopped, then started again on the same address and data. */
    KAFKA_RESTART,
    /** incs unreachable (connection refused at the gateway). */
    INCS_OUTAGE,
    /** incs answers 429 to nearly everything, with Retry-After. */
    RATE_LIMIT_STORM_RETRY_AFTER,
    /** incs answers 429 to nearly everything, without Retry-After. */
    RATE_LIMIT_STORM_NO_RETRY_AFTER,
    /** A gateway in front of incs answers HTML and JSON 404, 403 and 502 pages for a while. */
    GATEWAY_PAGES,
    /** incs creates the task, then drops the connection or never answers. */
    LOST_CREATE_ANSWERS,
    /** incs answers after the bridge's request timeout (the task is created anyway). */
    SLOW_ANSWERS
}
