package com.lendingops.taskbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge of the chaos suite must be able to fail: each invariant break it is meant to see, it sees. */
class InvariantCheckerTest {

    private static final String PHONE = "6281300000001";
    private final ChaosRecord valid = new ChaosRecord(0, true, "valid", null, "{}".getBytes(), "ev-1", PHONE);
    private final ChaosRecord unreadable = new ChaosRecord(1, false, "not-json", null,
            "not json".getBytes(StandardCharsets.UTF_8), null, null);
    private final List<TopicWatcher.Seen> output = new ArrayList<>();
    private final List<TopicWatcher.Seen> deadLetters = new ArrayList<>();

    @Test
    void passesATrialWhereEverythingHappenedOnce() {
        created("ce-1", 101);
        changed("ce-2", 101, 1);
        deadLetter(0, 1);

        TrialResult result = check(tasks(task(101, 1)), tasksPerPhone(1));

        assertThat(result.violations).isEmpty();
        assertThat(result.created).isEqualTo(1);
        assertThat(result.deadLettered).isEqualTo(1);
    }

    @Test
    void countsASecondIncsTaskForOneEventAndATaskNobodyTracks() {
        created("ce-1", 101);
        changed("ce-2", 101, 1);
        deadLetter(0, 1);

        TrialResult result = check(tasks(task(101, 1), task(102, 0)), tasksPerPhone(2));

        assertThat(result.duplicateTasks).isEqualTo(2);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void countsAValidEventWithoutOutcomeAndAnUnreadableRecordNotDeadLettered() {
        TrialResult result = check(tasks(), tasksPerPhone(0));

        assertThat(result.lost).isEqualTo(2);
    }

    @Test
    void seesAChangePublishedBeforeItsTask() {
        changed("ce-0", 101, 1);
        created("ce-1", 101);
        deadLetter(0, 1);

        TrialResult result = check(tasks(task(101, 1)), tasksPerPhone(1));

        assertThat(result.reordered).isEqualTo(1);
        assertThat(result.violations).anyMatch(v -> v.contains("before its created event"));
    }

    @Test
    void seesChangesOutOfIncsOrderAndAChangeNeverPublished() {
        created("ce-1", 101);
        changed("ce-2", 101, 2);
        changed("ce-3", 101, 1);
        created("ce-4", 102);
        deadLetter(0, 1);

        TrialResult result = check(tasks(task(101, 1, 2), task(102, 1)), tasksPerPhone(2));

        assertThat(result.reordered).isEqualTo(1);
        assertThat(result.violations).anyMatch(v -> v.contains("published [2, 1]"));
        assertThat(result.lost).isEqualTo(1); // task 102 went to status 1, nobody said so
    }

    @Test
    void seesOneCeIdWithTwoContents() {
        created("ce-1", 101);
        changed("ce-2", 101, 1);
        output.add(seen("ce-2", "collection.task.status-changed", data(101).put("status", 3)));
        deadLetter(0, 1);

        TrialResult result = check(tasks(task(101, 1)), tasksPerPhone(1));

        assertThat(result.ceIdConflicts).isEqualTo(1);
    }

    @Test
    void aDeadLetterRepeatedAfterACrashDoesNotStandInForAnotherRecordStillInFlight() {
        ChaosRecord secondUnreadable = new ChaosRecord(2, false, "byte-flip", null,
                "{\"event_id\": tru".getBytes(StandardCharsets.UTF_8), null, null);
        deadLetter(0, 1);
        deadLetter(0, 1); // the same input record again: its offset was not committed before a kill -9

        boolean cameOut = new InvariantChecker().everyHostileRecordCameOut(List.of(valid, unreadable, secondUnreadable),
                position -> (int) position.offset(), new Outcomes(output), deadLetters);

        assertThat(cameOut).as("two dead letters for one record while the other has none").isFalse();
        deadLetter(0, 2);
        assertThat(new InvariantChecker().everyHostileRecordCameOut(List.of(valid, unreadable, secondUnreadable),
                position -> (int) position.offset(), new Outcomes(output), deadLetters)).isTrue();
    }

    @Test
    void aReadableHostileRecordHasComeOutOnlyWhenItsOutcomeIsPublished() {
        ObjectNode event = EventTemplate.event(new java.util.Random(7), "HOSTILE-1", "6281900000001", 1);
        ChaosRecord readable = new ChaosRecord(2, false, "byte-flip", null,
                event.toString().getBytes(StandardCharsets.UTF_8), null, null);
        deadLetter(0, 1);
        InvariantChecker checker = new InvariantChecker();

        assertThat(checker.everyHostileRecordCameOut(List.of(unreadable, readable), position -> (int) position.offset(),
                new Outcomes(output), deadLetters)).as("its rate slot has not come yet: no outcome").isFalse();
        output.add(seen("ce-9", "collection.task.created",
                data(109).put("event_id", event.path("event_id").asText())));
        assertThat(checker.everyHostileRecordCameOut(List.of(unreadable, readable), position -> (int) position.offset(),
                new Outcomes(output), deadLetters)).isTrue();
    }

    @Test
    void countsEveryCallBeyondTheBudgetWithinOneSecond() {
        TrialResult result = new TrialResult("t", 1);
        RateJudge.judge(result, List.of(0L, 100_000_000L, 200_000_000L, 1_150_000_000L), 2);

        assertThat(result.budgetViolations).isEqualTo(1);
        assertThat(result.maxPerSecondAtGateway).isEqualTo(3);
    }

    private TrialResult check(JsonNode tasks, JsonNode counters) {
        TrialResult result = new TrialResult("t", 1);
        new InvariantChecker().check(result, List.of(valid, unreadable),
                position -> position.offset() == 1 ? 1 : null, new Outcomes(output), deadLetters, tasks, counters);
        return result;
    }

    private void created(String ceId, long taskId) {
        output.add(seen(ceId, "collection.task.created", data(taskId).put("event_id", "ev-1")));
    }

    private void changed(String ceId, long taskId, int status) {
        output.add(seen(ceId, "collection.task.status-changed", data(taskId).put("status", status)));
    }

    private void deadLetter(int partition, long offset) {
        deadLetters.add(new TopicWatcher.Seen("dlq", 0, deadLetters.size(), null, "not json".getBytes(),
                Map.of("dead-letter-partition", Integer.toString(partition), "dead-letter-offset",
                        Long.toString(offset)), System.nanoTime()));
    }

    private TopicWatcher.Seen seen(String ceId, String type, ObjectNode data) {
        return new TopicWatcher.Seen("out", 0, output.size(), "CASE-1", data.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("ce_id", ceId, "ce_type", type), System.nanoTime());
    }

    private static ObjectNode data(long taskId) {
        return EventTemplate.JSON.createObjectNode().put("task_id", taskId);
    }

    private static JsonNode tasks(ObjectNode... tasks) {
        ObjectNode answer = EventTemplate.JSON.createObjectNode();
        for (ObjectNode task : tasks) {
            answer.withArray("data").add(task);
        }
        return answer;
    }

    private static ObjectNode task(long id, int... statuses) {
        ObjectNode task = EventTemplate.JSON.createObjectNode().put("id", id)
                .put("status", statuses.length == 0 ? 0 : statuses[statuses.length - 1]);
        for (int status : statuses) {
            task.withArray("logs").addObject().put("type", 3).put("status", status);
        }
        return task;
    }

    private static JsonNode tasksPerPhone(int tasks) {
        ObjectNode counters = EventTemplate.JSON.createObjectNode();
        counters.putObject("tasks_created_per_phone").put(PHONE, tasks);
        return counters;
    }
}
