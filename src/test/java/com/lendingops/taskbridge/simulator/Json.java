package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one Jackson mapper of the simulator, and the incs envelope shapes. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"status":"success","code":200,"message":"","data":DATA,"error":{}}} */
    static ObjectNode success(JsonNode data) {
        ObjectNode envelope = object();
        envelope.put("status", "success");
        envelope.put("code", 200);
        envelope.put("message", "");
        envelope.set("data", data);
        envelope.set("error", object());
        return envelope;
    }

    /** {@code {"status":"error","code":CODE,"message":MESSAGE,"data":{},"error":DETAILS}} */
    static ObjectNode error(ApiError error) {
        ObjectNode envelope = object();
        envelope.put("status", "error");
        envelope.put("code", error.code());
        envelope.put("message", error.message());
        envelope.set("data", object());
        envelope.set("error", error.details().deepCopy());
        return envelope;
    }
}
