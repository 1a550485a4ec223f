package com.lendingops.taskbridge.query;

/**
 * How audit rows name their target ({@code request:<event_id>}, {@code task:<task_id>},
 * {@code dead-letter:<partition>/<offset>}), so timelines can find the actions on what they show.
 */
public final class AuditTargets {

    private static final String REQUEST = "request:";
    private static final String TASK = "task:";

    private AuditTargets() {
    }

    public static String request(String eventId) {
        return REQUEST + eventId;
    }

    public static String task(long taskId) {
        return TASK + taskId;
    }

    public static String deadLetter(int partition, long offset) {
        return "dead-letter:" + partition + "/" + offset;
    }

    static String eventIdOf(String target) {
        return target.startsWith(REQUEST) ? target.substring(REQUEST.length()) : null;
    }

    static Long taskIdOf(String target) {
        try {
            return target.startsWith(TASK) ? Long.valueOf(target.substring(TASK.length())) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
