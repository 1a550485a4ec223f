package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.IncsCallException;
import com.lendingops.taskbridge.incs.IncsCallNotSentException;
import com.lendingops.taskbridge.incs.IncsClient;
import com.lendingops.taskbridge.incs.IncsTaskView;
import com.lendingops.taskbridge.incs.IncsTime;
import com.lendingops.taskbridge.incs.TaskPage;
import com.lendingops.taskbridge.incs.TaskQuery;
import com.lendingops.taskbridge.mapping.PhoneNumbers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the task an earlier attempt may have created although its answer was lost (timeout, reset, crash between
 * the POST and the database write). The list API cannot filter by phone, so the search is by task name within a
 * creation-time window around our attempts, matching the normalised name and phone, and skipping tasks already
 * recorded for another request.
 * <p>
 * "Not found" must be proven: incs may answer fewer rows than {@code page_size} (a cap of its own or a gateway's)
 * and its sort order is undocumented, so the lookup reads every page that {@code total} and the actual page lengths
 * imply. Reaching {@code reconcile.max-pages} first, a page that ends the rows early, or rows that contradict the
 * query make the lookup {@link TaskLookup.Failed} (retried later, counted in bridge_ingest_lookups_failed_total),
 * never {@link TaskLookup.NotFound}, which would send the request a second time.
 */
@ApplicationScoped
public class Reconciler {

    static final String CLAIMED = "select task_id from incs_task where task_id = any($1)";

    private final IncsClient client;
    private final IncsTime incsTime;
    private final IngestConfig config;
    private final String countryCode;
    private final Pool pool;
    private final Clock clock;
    private final IngestMetrics metrics;

    public Reconciler(IncsClient client, IncsTime incsTime, IngestConfig config, IncsConfig incs, Pool pool, Clock clock,
                      IngestMetrics metrics) {
        this.client = client;
        this.incsTime = incsTime;
        this.config = config;
        this.countryCode = incs.defaultCountryCode();
        this.pool = pool;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Looks up the task of {@code request}'s earlier attempts. Every page is read before {@code sendBy} (the end of
     * the caller's claim) or not at all: a lookup answered after the claim ended could not be stored, and under a
     * tight rate budget such lookups would take every slot (the livelock ThreeReplicasClaimFencingIT met).
     */
    public Uni<TaskLookup> find(RequestRow request, CreateTaskCommand command, Instant sendBy) {
        Instant from = request.searchFrom().minus(config.reconcile().window());
        Instant to = clock.instant().plus(config.reconcile().window());
        TaskQuery query = TaskQuery.byNameCreatedBetween(command.name(), incsTime.format(from), incsTime.format(to), 1);
        return scan(query, command, new ArrayList<>(), 0, sendBy)
                .chain(scan -> scan.failure() != null ? failed(scan.failure(), Optional.empty())
                        : unclaimed(scan.matches()))
                .onFailure(IncsCallNotSentException.class).recoverWithItem(failure ->
                        new TaskLookup.NotSent(failure.getMessage()))
                .onFailure(IncsCallException.class).recoverWithUni(failure -> failed(failure.getMessage(),
                        ((IncsCallException) failure).retryAfter(), ((IncsCallException) failure).unauthorized()));
    }

    /** Reads pages until the rows seen cover {@code total}; collects every match. */
    private Uni<Scan> scan(TaskQuery query, CreateTaskCommand command, List<IncsTaskView> matches, long seen,
                           Instant sendBy) {
        return client.listTasks(query, sendBy).chain(page -> {
            String problem = shapeProblem(query, page);
            if (problem != null) {
                return Uni.createFrom().item(new Scan(matches, problem));
            }
            for (IncsTaskView task : page.tasks()) {
                if (matches(task, command)) {
                    matches.add(task);
                }
            }
            long covered = seen + page.tasks().size();
            if (covered >= page.total()) {
                return Uni.createFrom().item(new Scan(matches, null));
            }
            if (page.tasks().isEmpty()) {
                return Uni.createFrom().item(new Scan(matches, "page " + query.page() + " is empty after " + covered
                        + " of " + page.total() + " rows"));
            }
            if (query.page() >= config.reconcile().maxPages()) {
                return Uni.createFrom().item(new Scan(matches, "page limit " + config.reconcile().maxPages()
                        + " reached after " + covered + " of " + page.total() + " rows"));
            }
            return scan(query.withPage(query.page() + 1), command, matches, covered, sendBy);
        });
    }

    /** Non-null when the page is not what the query asked for: its rows cannot prove anything. */
    private static String shapeProblem(TaskQuery query, TaskPage page) {
        if (page == null || page.tasks() == null || page.total() < 0) {
            return "list answer without rows or total";
        }
        if (page.tasks().size() > query.pageSize()) {
            return "page holds " + page.tasks().size() + " rows, more than page_size " + query.pageSize();
        }
        if (page.tasks().stream().anyMatch(task -> task == null || task.id() == null)) {
            return "list row without an id";
        }
        return null;
    }

    private boolean matches(IncsTaskView task, CreateTaskCommand command) {
        return normalName(command.name()).equals(normalName(task.name()))
                && Objects.equals(normalPhone(command.userPhone()), normalPhone(task.userPhone()));
    }

    private Optional<String> normalPhone(String raw) {
        return raw == null ? Optional.empty() : PhoneNumbers.normalise(raw, countryCode);
    }

    static String normalName(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Uni<TaskLookup> unclaimed(List<IncsTaskView> matches) {
        if (matches.isEmpty()) {
            return Uni.createFrom().item(new TaskLookup.NotFound());
        }
        Long[] ids = matches.stream().map(IncsTaskView::id).toArray(Long[]::new);
        return pool.preparedQuery(CLAIMED).execute(Tuple.of(ids)).map(rows -> {
            Set<Long> claimed = new HashSet<>();
            for (Row row : rows) {
                claimed.add(row.getLong(0));
            }
            return matches.stream().filter(task -> !claimed.contains(task.id()))
                    .min(Comparator.comparing(IncsTaskView::id))
                    .<TaskLookup>map(TaskLookup.Found::new)
                    .orElseGet(TaskLookup.NotFound::new);
        });
    }

    private Uni<TaskLookup> failed(String reason, Optional<java.time.Duration> retryAfter) {
        return failed(reason, retryAfter, false);
    }

    private Uni<TaskLookup> failed(String reason, Optional<java.time.Duration> retryAfter, boolean unauthorized) {
        metrics.lookupFailed();
        return Uni.createFrom().item(new TaskLookup.Failed(reason, retryAfter, unauthorized));
    }

    private record Scan(List<IncsTaskView> matches, String failure) {
    }
}
