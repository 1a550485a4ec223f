package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code data} of a successful incs answer into this service's types, tolerating missing fields.
 * Uses the application's ObjectMapper, whose snake_case naming matches incs.
 */
final class IncsPayloads {

    private final ObjectMapper mapper;

    IncsPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
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

    /** Reads a list answer's data: no list means empty, no total means the list's size. */
    TaskPage toTaskPage(JsonNode data) throws IOException {
        JsonNode items = data.path("data");
        List<IncsTaskView> tasks = new ArrayList<>();
        if (items.isArray()) {
            for (JsonNode item : items) {
                if (item.isObject()) {
                    tasks.add(mapper.treeToValue(item, IncsTaskView.class));
                }
            }
        }
        JsonNode total = data.path("total");
        long count = total.canConvertToLong() || total.isTextual() ? total.asLong(tasks.size()) : tasks.size();
        return new TaskPage(count, List.copyOf(tasks));
    }
}
