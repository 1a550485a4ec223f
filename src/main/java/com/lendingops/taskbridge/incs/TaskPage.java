package com.lendingops.taskbridge.incs;

import java.util.List;

/** One page of GET /external/tasks: the total matching count and this page's tasks. */
public record TaskPage(long total, List<IncsTaskView> tasks) {
}
