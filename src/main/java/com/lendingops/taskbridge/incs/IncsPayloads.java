package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates between this service's types and incs JSON: writes request bodies, reads the {@code data} of a
 * successful answer (tolerating missing fields of a task, not a list of another shape). Uses the application's
 * ObjectMapper, whose snake_case naming matches incs. Pure: no I/O, used by the callers of the gateway.
 */
@Singleton
final class IncsPayloads {

    private final ObjectMapper mapper;

    IncsPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The POST /external/tasks body of {@code command}. */
    String createBody(CreateTaskCommand command) {
        try {
            return mapper.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the create command", e);
        }
    }

    /** Turns a POST answer into the caller's terms; a success without a readable task stays ambiguous. */
    CreateResult toCreateResult(IncsAnswer answer) {
        if (answer instanceof IncsAnswer.Failed failed) {
            return failed.result();
        }
        JsonNode data = ((IncsAnswer.Ok) answer).data();
        if (!data.hasNonNull("id")) {
            return new CreateResult.Unavailable("success answer without a task id", true, Optional.empty());
        }
        try {
            return new CreateResult.Created(mapper.treeToValue(data, IncsTaskView.class));
        } catch (IOException e) {
            return new CreateResult.Unavailable("unreadable task in success answer", true, Optional.empty());
        }
    }

    /**
     * Reads a list answer's data, which must have the documented shape {@code {"total":N,"data":[TASK,...]}}:
     * anything else (no list, no total, a task that is not an object) fails, because reading it as an empty page
     * would tell the caller "no such task" when it only means "could not tell".
     */
    TaskPage toTaskPage(JsonNode data) throws IOException {
        JsonNode items = data.path("data");
        long count = totalOf(data.path("total"));
        if (!items.isArray() || count < 0) {
            throw new IOException("list answer without the documented {\"total\":N,\"data\":[...]} shape");
        }
        List<IncsTaskView> tasks = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject() || !item.hasNonNull("id")) {
                throw new IOException("list answer with an item that is not a task");
            }
            tasks.add(mapper.treeToValue(item, IncsTaskView.class));
        }
        return new TaskPage(count, List.copyOf(tasks));
    }

    /** The count in {@code total} (a number or a numeric string), -1 when there is none. */
    private static long totalOf(JsonNode total) {
        if (total.isIntegralNumber() && total.canConvertToLong()) {
            return total.asLong();
        }
        String text = total.isTextual() ? total.asText().trim() : "";
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }
}
