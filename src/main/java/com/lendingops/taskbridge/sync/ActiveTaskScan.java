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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Pages through every active incs task (status 0, then status 1) and hands each page's changed tracked tasks to
 * the recorder as soon as the page arrives; tasks of other sources are ignored.
 *
 * <p>incs as it may be: a page may hold fewer rows than {@code page_size} (incs or a gateway capping it) and the
 * sort order is not documented. The first page gives {@code total} T and the page length k actually served; the
 * scan then reads pages ⌈T/k⌉ down to 2, up to {@code bridge.sync.page-concurrency} at a time. Reading from the
 * end means a task that leaves the active set during the scan (the common change) shifts only rows already
 * read, so it makes no other task skip a page. A task the scan still misses (the set grew, or moved in a way
 * that shifted rows into pages already read) is looked up by id by the caller; correctness never depends on a
 * consistent scan. A page that fails is reported ({@code complete = false}); the pages already read stay recorded.
 */
@ApplicationScoped
public class ActiveTaskScan {

    private static final Logger LOG = Logger.getLogger(ActiveTaskScan.class);
    private static final int[] ACTIVE_STATUSES = {TaskStatus.NOT_STARTED.code(), TaskStatus.IN_PROGRESS.code()};

    /** Tracked tasks the scan returned, and whether every page was read. */
    public record Outcome(Set<Long> seen, boolean complete) {
    }

    private final IncsClient client;
    private final SyncConfig config;

    public ActiveTaskScan(IncsClient client, SyncConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Scans both active statuses; {@code record} receives each page's tracked tasks whose view changed something. */
    Uni<Outcome> scan(Map<Long, TrackedTask> tracked, CycleControl control, CycleStats stats,
                      Function<List<IncsTaskView>, Uni<Void>> record) {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        boolean[] complete = {true};
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int status : ACTIVE_STATUSES) {
            all = all.chain(() -> scanStatus(status, tracked, control, stats, record, seen)
                    .invoke(ok -> complete[0] &= ok).replaceWithVoid());
        }
        return all.map(ignored -> new Outcome(seen, complete[0]));
    }

    private Uni<Boolean> scanStatus(int status, Map<Long, TrackedTask> tracked, CycleControl control,
                                    CycleStats stats, Function<List<IncsTaskView>, Uni<Void>> record, Set<Long> seen) {
        return readPage(status, 1, control, stats).chain(first -> {
            Uni<Void> recorded = handle(first, tracked, seen, record);
            int served = first.tasks().size();
            if (served == 0 || first.total() <= served) {
                return recorded.replaceWith(true);
            }
            int lastPage = (int) Math.min(Integer.MAX_VALUE / 2, (first.total() + served - 1) / served);
            List<Integer> rest = IntStream.iterate(lastPage, p -> p >= 2, p -> p - 1).boxed().toList();
            return recorded.chain(() -> Multi.createFrom().iterable(rest)
                    .onItem().transformToUni(page -> readPage(status, page, control, stats)
                            .chain(answer -> handle(answer, tracked, seen, record))
                            .replaceWith(true)
                            .onFailure(e -> !(e instanceof CycleControl.Stopped)).recoverWithItem(e -> {
                                LOG.warnf("sync: page %d of status %d failed, its tasks wait for the next cycle: %s",
                                        page, status, e.getMessage());
                                return false;
                            }))
                    .merge(Math.max(1, config.pageConcurrency()))
                    .collect().asList()
                    .map(results -> !results.contains(false)));
        });
    }

    private Uni<TaskPage> readPage(int status, int page, CycleControl control, CycleStats stats) {
        return control.step(SyncCheckpoints.Step.PAGE)
                .chain(() -> client.listTasks(TaskQuery.byStatus(status, page), stats::countCall));
    }

    private static Uni<Void> handle(TaskPage page, Map<Long, TrackedTask> tracked, Set<Long> seen,
                                    Function<List<IncsTaskView>, Uni<Void>> record) {
        List<IncsTaskView> changed = page.tasks().stream()
                .filter(view -> view.id() != null && tracked.containsKey(view.id()))
                .peek(view -> seen.add(view.id()))
                .filter(view -> tracked.get(view.id()).changedBy(view))
                .toList();
        return changed.isEmpty() ? Uni.createFrom().voidItem() : record.apply(changed);
    }
}
