package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.events.TaskEvent;
import com.lendingops.taskbridge.incs.IncsTaskView;
import java.util.List;

/**
 * What one incs view of a task adds to what we knew: logs to record, events to append (in publish
 * order), the task's resulting status and assignee, and its log-less change count after these events.
 */
public record TaskChanges(List<IncsTaskView.Log> newLogs, List<TaskEvent> events, int status, String assignee,
                          int changeSeq) {
}
