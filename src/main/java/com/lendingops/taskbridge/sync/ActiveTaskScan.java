package com.lendingops.taskbridge.sync;

import com.lendingops.taskbridge.config.SyncConfig;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.TaskPage;
import com.lendingops.taskbridge.incs.TaskQuery;
import com.lendingops.taskbridge.task.TaskStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Pages through every active incs task (status 0 and status 1) and hands the changed tracked tasks to the
 * recorder as the pages arrive; tasks of other sources are ignored.
 *
 * <p>incs as it may be: a page may hold fewer rows than {@code page_size} (incs or a gateway capping it) and the
 * sort order is not documented. The first page of each status (both asked at once) gives {@code total} T and the
 * page length k actually served; the scan then reads pages ⌈T/k⌉ down to 2 of both statuses, up to
 * {@code bridge.sync.page-concurrency} at a time. Reading from the end means a task that leaves the active set
 * during the scan (the common change) shifts only rows already read, so it makes no other task skip a page. A
 * task the scan still misses (the set grew, or moved in a way that shifted rows into pages already read) is
 * looked up by id by the caller; correctness never depends on a consistent scan.
 *
 * <p>Speed: reading does not wait for recording. The changed tasks of the pages read so far are recorded in
 * transactions of up to {@link #RECORD_BATCH} tasks, at most {@link #RECORD_CONCURRENCY} at a time, while
 * the next pages are read: at 1 % of the tasks changing, one transaction per page would cost the database more
 * than the pages cost incs. A page that fails is reported ({@code complete = false}); the pages already read are
 * still recorded. Only when no first page could be read does the scan fail (incs unreachable).
 */
@ApplicationScoped
public class ActiveTaskScan {

    private static final Logger LOG = Logger.getLogger(ActiveTaskScan.class);
    private static final List<Integer> ACTIVE_STATUSES =
            List.of(TaskStatus.NOT_STARTED.code(), TaskStatus.IN_PROGRESS.code());
    /** Changed tasks recorded per transaction. */
    static final int RECORD_BATCH = 100;
    /** Recording transactions at the same time (pages keep being read meanwhile). */
    static final int RECORD_CONCURRENCY = 2;

    /** Whether every page was read (the tracked tasks the scan returned are marked in the {@link TrackedSet}). */
    public record Outcome(boolean complete) {
    }

    private record PageRef(int status, int page) {
    }

    private final IncsClient client;
    private final SyncConfig config;

    public ActiveTaskScan(IncsClient client, SyncConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Scans both active statuses; {@code record} receives batches of tracked tasks whose view changed something. */
    Uni<Outcome> scan(TrackedSet tracked, CycleControl control, CycleStats stats,
                      Function<List<IncsTaskView>, Uni<Void>> record) {
        AtomicBoolean complete = new AtomicBoolean(true);
        return readFirstPages(control, stats, complete)
                .chain(firsts -> {
                    List<PageRef> rest = remainingPages(firsts);
                    Multi<List<IncsTaskView>> firstViews = Multi.createFrom().iterable(firsts)
                            .map(first -> changed(first.page(), tracked));
                    Multi<List<IncsTaskView>> restViews = Multi.createFrom().iterable(rest)
                            .onItem().transformToUni(ref -> readRest(ref, control, stats, complete)
                                    .map(page -> changed(page, tracked)))
                            .merge(Math.max(1, config.pageConcurrency()));
                    // one buffered item per page at most: reading never waits for recording, and never overflows
                    return Multi.createBy().concatenating().streams(firstViews, restViews)
                            .onOverflow().buffer(firsts.size() + rest.size() + 1)
                            .onItem().transformToIterable(views -> views)
                            .group().intoLists().of(RECORD_BATCH)
                            .onItem().transformToUni(record::apply)
                            .merge(RECORD_CONCURRENCY)
                            .collect().last();
                })
                .map(ignored -> new Outcome(complete.get()));
    }

    /** Page 1 of each active status, asked at once; a failed one leaves the scan incomplete, both failed fail it. */
    private Uni<List<FirstPage>> readFirstPages(CycleControl control, CycleStats stats, AtomicBoolean complete) {
        List<Throwable> failures = new ArrayList<>();
        return Multi.createFrom().iterable(ACTIVE_STATUSES)
                .onItem().transformToUni(status -> readPage(status, 1, control, stats)
                        .map(page -> new FirstPage(status, page))
                        .onFailure(e -> !(e instanceof CycleControl.Stopped)).recoverWithItem(e -> {
                            LOG.warnf("sync: page 1 of status %d failed, that status waits for the next cycle: %s",
                                    status, e.getMessage());
                            synchronized (failures) {
                                failures.add(e);
                            }
                            complete.set(false);
                            return null;
                        }))
                .merge(ACTIVE_STATUSES.size())
                .collect().asList()
                .chain(firsts -> firsts.isEmpty() && !failures.isEmpty()
                        ? Uni.createFrom().failure(failures.get(0)) : Uni.createFrom().item(firsts));
    }

    private record FirstPage(int status, TaskPage page) {
    }

    /** Pages ⌈T/k⌉ down to 2 of each status whose first page did not hold every task. */
    private static List<PageRef> remainingPages(List<FirstPage> firsts) {
        List<PageRef> rest = new ArrayList<>();
        for (FirstPage first : firsts) {
            int served = first.page().tasks().size();
            if (served == 0 || first.page().total() <= served) {
                continue;
            }
            int lastPage = (int) Math.min(Integer.MAX_VALUE / 2, (first.page().total() + served - 1) / served);
            for (int page = lastPage; page >= 2; page--) {
                rest.add(new PageRef(first.status(), page));
            }
        }
        return rest;
    }

    private Uni<TaskPage> readRest(PageRef ref, CycleControl control, CycleStats stats, AtomicBoolean complete) {
        return readPage(ref.status(), ref.page(), control, stats)
                .onFailure(e -> !(e instanceof CycleControl.Stopped)).recoverWithItem(e -> {
                    LOG.warnf("sync: page %d of status %d failed, its tasks wait for the next cycle: %s",
                            ref.page(), ref.status(), e.getMessage());
                    complete.set(false);
                    return new TaskPage(0, List.of());
                });
    }

    private Uni<TaskPage> readPage(int status, int page, CycleControl control, CycleStats stats) {
        return control.step(SyncCheckpoints.Step.PAGE)
                .chain(() -> client.listTasks(TaskQuery.byStatus(status, page), stats::countCall, control.trace()));
    }

    /** The page's tracked tasks (marked seen) whose view changes something. */
    private static List<IncsTaskView> changed(TaskPage page, TrackedSet tracked) {
        List<IncsTaskView> changed = new ArrayList<>();
        for (IncsTaskView view : page.tasks()) {
            TrackedTask task = view.id() == null ? null : tracked.markSeen(view.id());
            if (task != null && task.changedBy(view)) {
                changed.add(view);
            }
        }
        return changed;
    }
}
