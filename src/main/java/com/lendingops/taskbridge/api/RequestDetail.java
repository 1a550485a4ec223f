package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.query.RequestView;
import com.lendingops.taskbridge.query.TaskView;
import com.lendingops.taskbridge.query.TimelineEntry;
import java.util.List;

/** GET /requests/{event_id}: the request, the task it created (null if none) and its timeline. */
public record RequestDetail(RequestView request, TaskView task, List<TimelineEntry> timeline) {
}
