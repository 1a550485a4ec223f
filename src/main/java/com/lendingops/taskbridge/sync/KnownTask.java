package com.lendingops.taskbridge.sync;

/**
 * What this service last recorded about a tracked task: the base against which incs' view is compared.
 *
 * @param synced          false until the sync first recorded the task: its first plan replays every log incs
 *                        recorded after creation, from status 0 and the initial assignee
 * @param initialAssignee the assignee of the task's first recorded assignment log (null if none)
 * @param changeSeq       log-less changes published so far (the next one gets changeSeq + 1 in its ce_id)
 */
public record KnownTask(long taskId, String eventId, String caseId, int status, String assignee, boolean synced,
                        String initialAssignee, int changeSeq) {

    /** A task the sync already recorded, with no log-less change so far. */
    public static KnownTask synced(long taskId, String eventId, String caseId, int status, String assignee) {
        return new KnownTask(taskId, eventId, caseId, status, assignee, true, null, 0);
    }

    /** Status the replay of new logs starts from. */
    int replayStatus() {
        return synced ? status : 0;
    }

    /** Assignee the replay of new logs starts from. */
    String replayAssignee() {
        return synced || initialAssignee == null ? assignee : initialAssignee;
    }
}
