package com.lendingops.taskbridge.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The tracked tasks of one cycle, by id, and which of them the scan returned. At 100,000 tasks this is the largest
 * thing a cycle holds, so it is compact: ids sorted in a {@code long[]}, the tasks in the same order, the scan's
 * marks in a bit set (a map keyed by boxed ids and a concurrent set of seen ids took about 17 MB of heap there).
 * Pages are checked from several event loops at once: marking and reading the marks are synchronized.
 */
final class TrackedSet {

    private final long[] ids;
    private final TrackedTask[] tasks;
    private final BitSet seen;

    private TrackedSet(long[] ids, TrackedTask[] tasks) {
        this.ids = ids;
        this.tasks = tasks;
        this.seen = new BitSet(ids.length);
    }

    /** The given tasks (one per id), in any order. */
    static TrackedSet of(List<TrackedTask> tracked) {
        TrackedTask[] tasks = tracked.toArray(TrackedTask[]::new);
        Arrays.sort(tasks, Comparator.comparingLong(TrackedTask::taskId));
        long[] ids = new long[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            ids[i] = tasks[i].taskId();
        }
        return new TrackedSet(ids, tasks);
    }

    int size() {
        return ids.length;
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    /** The tracked task with this id; null when the task is not tracked. */
    TrackedTask get(long id) {
        int index = Arrays.binarySearch(ids, id);
        return index < 0 ? null : tasks[index];
    }

    /** Marks a task as returned by the scan and emits it; null (nothing marked) when it is not tracked. */
    TrackedTask markSeen(long id) {
        int index = Arrays.binarySearch(ids, id);
        if (index < 0) {
            return null;
        }
        synchronized (seen) {
            seen.set(index);
        }
        return tasks[index];
    }

    /** How many tracked tasks the scan returned. */
    int seenCount() {
        synchronized (seen) {
            return seen.cardinality();
        }
    }

    /**
     * The tracked tasks' ids the scan did not return, in the order to look them up: first those active when last
     * recorded (their leaving the scan is news: they ended, or went missing), then the ended ones due for their tail
     * read; ascending within each. After a burst of completions thousands of tails are due, and a tail read is
     * rarely news: in id order, the next burst's completions waited behind all of them (a chaos trial on an
     * overloaded machine saw a minute of lookups publish nothing while 1,131 completions waited).
     */
    List<Long> unseen() {
        List<Long> news = new ArrayList<>();
        List<Long> tails = new ArrayList<>();
        synchronized (seen) {
            for (int index = seen.nextClearBit(0); index < ids.length; index = seen.nextClearBit(index + 1)) {
                (tasks[index].tailPending() ? tails : news).add(ids[index]);
            }
        }
        news.addAll(tails);
        return news;
    }
}
