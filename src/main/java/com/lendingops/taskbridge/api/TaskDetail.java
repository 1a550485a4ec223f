package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.query.TaskView;
import com.lendingops.taskbridge.query.TimelineEntry;
import java.util.List;

/** GET /tasks/{task_id}: the task and the timeline of the request that created it. */
public record TaskDetail(TaskView task, List<TimelineEntry> timeline) {
}
