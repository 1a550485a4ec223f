package com.lendingops.taskbridge.ingest;

/** The task that keeps a phone busy, as far as our database knows. */
public sealed interface Blocker {

    /** No open task of ours on the phone: someone else's task blocks it. */
    record Foreign() implements Blocker {
    }

    /** An open task of ours; {@code tracked} false when the sync no longer follows it (its end would go unseen). */
    record Own(long taskId, boolean tracked) implements Blocker {
    }
}
