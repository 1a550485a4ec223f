package com.lendingops.taskbridge.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The simulator's task state. Every method is synchronized: the Vert.x event loop, lifecycle timers
 * and test threads all read and change it. So that a lock held per call costs little even with 100,000
 * tasks (the sync benchmark reads up to 8 pages at a time), the common lookups are indexed: tasks by status, with
 * or without a type filter (a sorted id array per status and type, rebuilt only after a task joined or left that
 * status, so a page is an array slice),
 * by id, and the open tasks per phone (the create check). Any other filter walks all tasks.
 *
 * <p>Ids keep increasing across {@link #clear()}, so a timer
 * or a test holding an id from before a reset can never touch a newer task.
 */
final class TaskStore {

    private final Clock clock;
    private final TreeMap<Long, SimTask> tasks = new TreeMap<>();
    /** One WhatsApp conversation per (auth id, phone), as a contact keeps its chat. */
    private final Map<String, Long> conversations = new HashMap<>();
    private long lastTaskId = 200;
    private long lastCreationId = 100;
    private long lastLogId = 500;
    private long lastConversationId = 1000;
    /** Ids per status, in id order; a status's snapshot below is dropped whenever this set changes. */
    private final Map<Integer, TreeSet<Long>> idsByStatus = new HashMap<>();
    private final Map<Slice, long[]> sortedIds = new HashMap<>();
    /** Open tasks (status 0 or 1) per phone. */
    private final Map<String, Integer> openTasksByPhone = new HashMap<>();

    TaskStore(Clock clock) {
        this.clock = clock;
    }

    /** Creates the task unless its phone has an open task (status 0 or 1): the API's only check. */
    synchronized Optional<SimTask> createUnlessOpen(NewTask request) {
        boolean blocked = openTasksByPhone.getOrDefault(request.userPhone(), 0) > 0;
        return blocked ? Optional.empty() : Optional.of(insert(request));
    }

    /** Creates the task whatever the state (seeding), with logs that lead to its initial status. */
    synchronized SimTask insert(NewTask request) {
        Instant at = request.createdAt() != null ? request.createdAt() : clock.instant();
        long conversation = conversations.computeIfAbsent(request.authId() + "/" + request.userPhone(),
                key -> ++lastConversationId);
        List<SimLog> logs = new ArrayList<>();
        logs.add(new SimLog(++lastLogId, SimLog.CREATED, 0, 0, "", "", at, at));
        logs.add(new SimLog(++lastLogId, SimLog.ASSIGNED, 0, 0, request.assigneeUsername(), "", at, at));
        if (request.status() != SimTask.NOT_STARTED) {
            logs.add(new SimLog(++lastLogId, SimLog.STATUS_CHANGED, request.status(), 0,
                    request.assigneeUsername(), "", at, at));
        }
        SimTask task = new SimTask(++lastTaskId, ++lastCreationId, conversation, request.authId(), request.name(),
                request.description(), request.type(), request.userName(), request.userPhone(),
                request.assigneeUsername(), request.status(), at, at, request.taskModuleInfo(), logs);
        return save(task);
    }

    synchronized Optional<SimTask> find(long id) {
        return Optional.ofNullable(tasks.get(id));
    }

    synchronized List<SimTask> all() {
        return List.copyOf(tasks.values());
    }

    synchronized TaskPage query(TaskQuery query, long offset, int limit, boolean descending) {
        if (query.taskId() != null) {
            List<SimTask> match = find(query.taskId()).filter(query::matches).stream().toList();
            return new TaskPage(match.size(), offset == 0 && limit > 0 ? match : List.of());
        }
        if (query.status() != null && query.equals(new TaskQuery(null, null, query.type(), query.status(), null,
                null, null))) {
            return pageOf(new Slice(query.status(), query.type()), offset, limit, descending);
        }
        Stream<SimTask> ordered = descending ? tasks.descendingMap().values().stream() : tasks.values().stream();
        List<SimTask> matching = ordered.filter(query::matches).toList();
        List<SimTask> page = matching.stream().skip(offset).limit(limit).toList();
        return new TaskPage(matching.size(), page);
    }

    /** Moves the task to {@code status}, with a type-3 log unless {@code withLog} is false. */
    synchronized SimTask changeStatus(long id, int status, boolean withLog) {
        SimTask task = require(id);
        Instant now = clock.instant();
        SimLog log = withLog
                ? new SimLog(++lastLogId, SimLog.STATUS_CHANGED, status, task.status(), task.assigneeUsername(), "",
                        now, now)
                : null;
        return save(task.with(status, task.assigneeUsername(), log, now));
    }

    /** Moves the task only if it is still in {@code expected} (lifecycle timers race with tests). */
    synchronized Optional<SimTask> changeStatusIf(long id, int expected, int status) {
        return find(id).filter(t -> t.status() == expected).map(t -> changeStatus(id, status, true));
    }

    synchronized SimTask addRemark(long id, String comment) {
        SimTask task = require(id);
        Instant now = clock.instant();
        SimLog log = new SimLog(++lastLogId, SimLog.REMARK, task.status(), task.status(), task.assigneeUsername(),
                comment, now, now);
        return save(task.with(task.status(), task.assigneeUsername(), log, now));
    }

    synchronized Optional<SimTask> addRemarkIf(long id, int expected, String comment) {
        return find(id).filter(t -> t.status() == expected).map(t -> addRemark(id, comment));
    }

    synchronized SimTask reassign(long id, String assignee) {
        return reassign(id, assignee, true);
    }

    /** New {@code assignee_username}, with a type-2 log unless {@code withLog} is false. */
    synchronized SimTask reassign(long id, String assignee, boolean withLog) {
        SimTask task = require(id);
        Instant now = clock.instant();
        SimLog log = withLog
                ? new SimLog(++lastLogId, SimLog.ASSIGNED, task.status(), task.status(), assignee, "", now, now)
                : null;
        return save(task.with(task.status(), assignee, log, now));
    }

    synchronized void clear() {
        tasks.clear();
        conversations.clear();
        idsByStatus.clear();
        sortedIds.clear();
        openTasksByPhone.clear();
    }

    /** Tasks of one status, of one type or any ({@code type} null). */
    private record Slice(int status, Integer type) {
    }

    /** One page of a status (and type): a slice of its sorted ids, no walk over the other tasks. */
    private TaskPage pageOf(Slice slice, long offset, int limit, boolean descending) {
        long[] ids = sortedIds.computeIfAbsent(slice, s -> idsByStatus.getOrDefault(s.status(), new TreeSet<>())
                .stream().filter(id -> s.type() == null || tasks.get(id).type() == s.type())
                .mapToLong(Long::longValue).toArray());
        List<SimTask> page = new ArrayList<>();
        for (long i = offset; i < ids.length && i < offset + limit; i++) {
            int index = (int) (descending ? ids.length - 1 - i : i);
            page.add(tasks.get(ids[index]));
        }
        return new TaskPage(ids.length, page);
    }

    private SimTask require(long id) {
        SimTask task = tasks.get(id);
        if (task == null) {
            throw new NoSuchElementException("no task with id " + id);
        }
        return task;
    }

    private SimTask save(SimTask task) {
        SimTask before = tasks.put(task.id(), task);
        if (before == null || before.status() != task.status()) {
            if (before != null) {
                unindex(before);
            }
            idsByStatus.computeIfAbsent(task.status(), s -> new TreeSet<>()).add(task.id());
            forgetSlices(task.status());
            if (task.isOpen()) {
                openTasksByPhone.merge(task.userPhone(), 1, Integer::sum);
            }
        }
        return task;
    }

    private void forgetSlices(int status) {
        sortedIds.keySet().removeIf(slice -> slice.status() == status);
    }

    private void unindex(SimTask task) {
        idsByStatus.get(task.status()).remove(task.id());
        forgetSlices(task.status());
        if (task.isOpen()) {
            openTasksByPhone.computeIfPresent(task.userPhone(), (phone, count) -> count > 1 ? count - 1 : null);
        }
    }
}
