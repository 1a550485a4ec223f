package com.lendingops.taskbridge.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The valid events of a trial: each its own case; about one in twenty for the same customer (phone) as the event
 * before it, so incs answers "User is in an incomplete task." and the bridge must defer it until the first task
 * ends, then create it: exactly one task per event still holds, two per such phone.
 */
final class ValidEvents {

    private ValidEvents() {
    }

    static List<ChaosRecord> generate(Random random, int count, long phoneBase, String runTag) {
        List<ChaosRecord> events = new ArrayList<>(count);
        long phone = phoneBase;
        for (int i = 0; i < count; i++) {
            if (i == 0 || random.nextInt(20) != 0) {
                phone++;
            }
            String caseId = "CHAOS-" + runTag + "-" + String.format("%06d", i);
            ObjectNode event = EventTemplate.event(random, caseId, Long.toString(phone), i);
            events.add(new ChaosRecord(-1, true, "valid", caseId.getBytes(StandardCharsets.UTF_8),
                    event.toString().getBytes(StandardCharsets.UTF_8), event.get("event_id").asText(),
                    Long.toString(phone)));
        }
        return events;
    }
}
