package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendingops.taskbridge.mapping.EventParser;
import com.lendingops.taskbridge.mapping.ParsedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Judges a trial from outside the bridge, on what incs (the simulator), the output topic and the dead-letter
 * topic show: exactly one task per valid event, an outcome for every valid event (created, or deferred with a
 * date), a dead letter or an answer for every hostile record, every task change published once and in order
 * after ce_id dedupe, no ce_id with two contents. Rate, lag, replica health and metrics are judged by the caller.
 * <p>
 * Which channel a hostile record must come out of is decided by the bridge's own parser: unreadable ones must be
 * dead-lettered, readable ones answered by an outcome event, readable ones of another type are skipped by design.
 */
final class InvariantChecker {

    private enum HostileFate { DEAD_LETTERED, SKIPPED, CREATED, ANSWERED, MISSING }

    private final EventParser parser = new EventParser();
    /** Each record is parsed once per trial, however often the wait before judging asks. */
    private final Map<Integer, ParsedRecord> parsedByIndex = new HashMap<>();

    void check(TrialResult result, List<ChaosRecord> records, Function<Feed.Position, Integer> feed,
               Outcomes outcomes,
               List<TopicWatcher.Seen> deadLetters, JsonNode simTasks, JsonNode simCounters) {
        checkValidEvents(result, records, outcomes);
        checkHostileRecords(result, records, feed, outcomes, deadLetters);
        checkTasks(result, records, outcomes, simTasks, simCounters);
        result.republished = outcomes.republished;
        result.ceIdConflicts = outcomes.conflicts.size();
        outcomes.conflicts.stream().limit(5).forEach(result::violation);
    }

    private void checkValidEvents(TrialResult result, List<ChaosRecord> records, Outcomes outcomes) {
        for (ChaosRecord record : records) {
            if (!record.valid()) {
                continue;
            }
            result.valid++;
            Outcomes.Event last = outcomes.finalOutcome(record.eventId());
            if (last == null) {
                result.lost++;
                result.violation("valid event " + record.eventId() + " (record " + record.index() + ") has no outcome");
            } else if (last.shortType().equals("created")) {
                result.created++;
            } else if (last.shortType().equals("deferred") && last.data().hasNonNull("next_attempt_at")) {
                result.notes.add("valid event " + record.eventId() + " still deferred until "
                        + last.data().get("next_attempt_at").asText());
            } else {
                result.lost++;
                result.violation("valid event " + record.eventId() + " ended " + last.shortType() + ": "
                        + last.data().path("reason").asText() + " " + last.data().path("details").asText());
            }
        }
    }

    private void checkHostileRecords(TrialResult result, List<ChaosRecord> records,
                                     Function<Feed.Position, Integer> feed, Outcomes outcomes,
                                     List<TopicWatcher.Seen> deadLetters) {
        Set<Integer> deadLettered = deadLetteredRecords(deadLetters, feed);
        result.deadLettered = deadLettered.size();
        Map<String, Integer> missingByCategory = new HashMap<>();
        for (ChaosRecord record : records) {
            if (record.valid()) {
                if (deadLettered.contains(record.index())) {
                    result.violation("valid record " + record.index() + " was dead-lettered");
                }
                continue;
            }
            result.hostile++;
            switch (fate(record, deadLettered, outcomes)) {
                case SKIPPED -> result.skippedHostile++;
                case CREATED -> result.createdHostile++;
                case ANSWERED -> result.rejectedHostile++;
                case MISSING -> {
                    result.lost++;
                    missingByCategory.merge(record.category(), 1, Integer::sum);
                }
                case DEAD_LETTERED -> {
                }
            }
        }
        missingByCategory.forEach((category, n) -> result.violation(n + " hostile record(s) of category " + category
                + " neither dead-lettered nor answered"));
    }

    /**
     * Whether every hostile record has come out of the bridge yet: what a trial waits for before it is judged. A
     * dead letter repeated after a crash stands for its one input record, and a readable record's outcome comes
     * only after its rate slot, so neither the number of dead letters nor a drained consumer lag says it.
     */
    boolean everyHostileRecordCameOut(List<ChaosRecord> records, Function<Feed.Position, Integer> feed,
                                      Outcomes outcomes, List<TopicWatcher.Seen> deadLetters) {
        Set<Integer> deadLettered = deadLetteredRecords(deadLetters, feed);
        return records.stream().filter(r -> !r.valid())
                .noneMatch(r -> fate(r, deadLettered, outcomes) == HostileFate.MISSING);
    }

    /** How a hostile record came out: the bridge's own parser decides which channel it must come out of. */
    private HostileFate fate(ChaosRecord record, Set<Integer> deadLettered, Outcomes outcomes) {
        ParsedRecord parsed = parsedByIndex.computeIfAbsent(record.index(), i -> parser.parse(record.value()));
        if (parsed instanceof ParsedRecord.OtherType) {
            return HostileFate.SKIPPED;
        }
        if (parsed instanceof ParsedRecord.Requested requested) {
            Outcomes.Event last = outcomes.finalOutcome(requested.event().eventId());
            if (last != null) {
                return last.shortType().equals("created") ? HostileFate.CREATED : HostileFate.ANSWERED;
            }
        }
        return deadLettered.contains(record.index()) ? HostileFate.DEAD_LETTERED : HostileFate.MISSING;
    }

    /** The input records dead-lettered, each once however often its dead letter was written. */
    private static Set<Integer> deadLetteredRecords(List<TopicWatcher.Seen> deadLetters,
                                                    Function<Feed.Position, Integer> feed) {
        Set<Integer> deadLettered = new HashSet<>();
        for (TopicWatcher.Seen dl : deadLetters) {
            Integer index = feed.apply(new Feed.Position(Integer.parseInt(dl.header("dead-letter-partition")),
                    Long.parseLong(dl.header("dead-letter-offset"))));
            if (index != null) {
                deadLettered.add(index);
            }
        }
        return deadLettered;
    }

    private void checkTasks(TrialResult result, List<ChaosRecord> records, Outcomes outcomes, JsonNode simTasks,
                            JsonNode simCounters) {
        Map<String, Integer> expectedPerPhone = new HashMap<>();
        records.stream().filter(ChaosRecord::valid).forEach(r -> expectedPerPhone.merge(r.phone(), 1, Integer::sum));
        JsonNode perPhone = simCounters.path("tasks_created_per_phone");
        expectedPerPhone.forEach((phone, expected) -> {
            int actual = perPhone.path(phone).asInt(0);
            if (actual > expected) {
                result.duplicateTasks += actual - expected;
                result.violation("phone ..." + phone.substring(phone.length() - 4) + ": " + actual + " incs tasks for "
                        + expected + " valid event(s)");
            }
        });
        Set<Long> tracked = new HashSet<>();
        outcomes.deduplicated.stream().filter(e -> e.shortType().equals("created"))
                .forEach(e -> tracked.add(e.data().path("task_id").asLong()));
        List<Long> untracked = new ArrayList<>();
        for (JsonNode task : simTasks.path("data")) {
            long id = task.path("id").asLong();
            if (!tracked.contains(id)) {
                untracked.add(id);
                continue;
            }
            checkChanges(result, task, outcomes.byTaskId.getOrDefault(id, List.of()));
        }
        if (!untracked.isEmpty()) {
            result.duplicateTasks += untracked.size();
            result.violation(untracked.size() + " incs task(s) no created event names (nobody tracks them): "
                    + untracked.subList(0, Math.min(10, untracked.size())));
        }
    }

    /** Status logs and remarks of one incs task against the changes published for it, in topic order. */
    private static void checkChanges(TrialResult result, JsonNode task, List<Outcomes.Event> published) {
        List<Integer> loggedStatuses = new ArrayList<>();
        List<String> loggedRemarks = new ArrayList<>();
        for (JsonNode log : task.path("logs")) {
            if (log.path("type").asInt() == 3) {
                loggedStatuses.add(log.path("status").asInt());
            } else if (log.path("type").asInt() == 4) {
                loggedRemarks.add(log.path("comment").asText());
            }
        }
        List<Integer> publishedStatuses = new ArrayList<>();
        List<String> publishedRemarks = new ArrayList<>();
        boolean createdSeen = false;
        for (Outcomes.Event event : published) {
            switch (event.shortType()) {
                case "created" -> createdSeen = true;
                case "status-changed" -> publishedStatuses.add(event.data().path("status").asInt());
                case "remarked" -> publishedRemarks.add(event.data().path("comment").asText());
                default -> {
                }
            }
            if (!createdSeen && !event.shortType().equals("created")) {
                result.reordered++;
                result.violation("task " + task.path("id").asLong() + ": " + event.shortType()
                        + " published before its created event");
            }
        }
        result.taskChanges += loggedStatuses.size() + loggedRemarks.size();
        compare(result, task, "status changes", loggedStatuses, publishedStatuses);
        compare(result, task, "remarks", loggedRemarks, publishedRemarks);
    }

    private static <T> void compare(TrialResult result, JsonNode task, String what, List<T> logged, List<T> published) {
        if (logged.equals(published)) {
            return;
        }
        long id = task.path("id").asLong();
        if (published.size() < logged.size()) {
            result.lost += logged.size() - published.size();
        } else if (published.size() > logged.size()) { // a change incs never logged (phantom) or one twice
            result.reordered += published.size() - logged.size();
        } else {
            result.reordered++;
        }
        result.violation("task " + id + " (status " + task.path("status").asInt() + "): incs logged " + what + " "
                + logged + ", published " + published);
    }
}
