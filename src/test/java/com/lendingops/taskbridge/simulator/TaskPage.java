package com.lendingops.taskbridge.simulator;

import java.util.List;

/** One page of a task listing and the number of tasks matching the filters over all pages. */
record TaskPage(int total, List<SimTask> tasks) {
}
