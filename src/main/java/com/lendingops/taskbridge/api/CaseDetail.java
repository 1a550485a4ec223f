package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.query.RequestView;
import com.lendingops.taskbridge.query.TaskView;
import com.lendingops.taskbridge.query.TimelineEntry;
import java.util.List;

/** GET /cases/{case_id}: every request and task of the case and one timeline for all of them. */
public record CaseDetail(String caseId, List<RequestView> requests, List<TaskView> tasks,
                         List<TimelineEntry> timeline) {
}
