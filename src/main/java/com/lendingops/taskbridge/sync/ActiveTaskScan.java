package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.TaskPage;
import com.lendingops.taskbridge.incs.TaskQuery;
import com.lendingops.taskbridge.task.TaskStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pages through every active incs task (status 0, then status 1, 100 per page) and keeps the views of
 * the tasks we track; tasks of other sources are ignored. The scan may miss tasks when the set moves
 * while it pages: the caller looks up every tracked task the scan did not return.
 */
@ApplicationScoped
public class ActiveTaskScan {

    private static final int[] ACTIVE_STATUSES = {TaskStatus.NOT_STARTED.code(), TaskStatus.IN_PROGRESS.code()};

    private final IncsClient client;

    public ActiveTaskScan(IncsClient client) {
        this.client = client;
    }

    /** The latest view of each tracked task found active; a task seen under both statuses keeps the later one. */
    public Uni<Map<Long, IncsTaskView>> scan(Set<Long> tracked, CycleStats stats) {
        Map<Long, IncsTaskView> seen = new LinkedHashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int status : ACTIVE_STATUSES) {
            all = all.chain(() -> scanStatus(status, 1, Integer.MAX_VALUE, tracked, seen, stats));
        }
        return all.replaceWith(seen);
    }

    /**
     * Reads page {@code page} and then the following ones. The page count is fixed by the first page's
     * total, so a set that grows while we page cannot make the scan exceed its call budget.
     */
    private Uni<Void> scanStatus(int status, int page, int lastPage, Set<Long> tracked, Map<Long, IncsTaskView> seen,
                                 CycleStats stats) {
        stats.countCall();
        return client.listTasks(TaskQuery.byStatus(status, page)).chain(result -> {
            keepTracked(result, tracked, seen);
            int pages = page == 1 ? pagesFor(result.total()) : lastPage;
            boolean more = result.tasks().size() >= TaskQuery.MAX_PAGE_SIZE && page < pages;
            return more ? scanStatus(status, page + 1, pages, tracked, seen, stats) : Uni.createFrom().voidItem();
        });
    }

    private static void keepTracked(TaskPage page, Set<Long> tracked, Map<Long, IncsTaskView> seen) {
        for (IncsTaskView view : page.tasks()) {
            if (view.id() != null && tracked.contains(view.id())) {
                seen.put(view.id(), view);
            }
        }
    }

    private static int pagesFor(long total) {
        return (int) Math.max(1, (total + TaskQuery.MAX_PAGE_SIZE - 1) / TaskQuery.MAX_PAGE_SIZE);
    }
}
