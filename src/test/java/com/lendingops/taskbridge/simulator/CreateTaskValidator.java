package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Validates a POST /external/tasks body exactly as the incs docs state, in the style of the
 * vendor's Laravel-like API: the first violation is the message, every violation is listed per
 * field in {@code error}, and an empty or blank string counts as missing.
 */
final class CreateTaskValidator {

    static final int MAX_TEXT_CODE_POINTS = 256;
    /** Digits only, country code first: a national number starting with 0 is not accepted. */
    private static final Pattern PHONE = Pattern.compile("[1-9][0-9]{7,14}");

    private final ObjectNode errors = Json.object();
    private String firstMessage;

    /** Returns the task to create, or throws {@link ApiError.Failure} with a 422. */
    static NewTask validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError.Failure(ApiError.invalid("The request body must be a JSON object."));
        }
        return new CreateTaskValidator().check(body);
    }

    private NewTask check(JsonNode body) {
        String name = text(body, "name", "name", true, MAX_TEXT_CODE_POINTS);
        String description = text(body, "description", "description", false, MAX_TEXT_CODE_POINTS);
        Long type = integer(body, "type", "type");
        if (type != null && type != 3) {
            fail("type", "The selected type is invalid.");
        }
        Long authId = integer(body, "auth_id", "auth id");
        String phone = phone(body);
        String userName = text(body, "user_name", "user name", false, Integer.MAX_VALUE);
        String assignee = text(body, "assignee_username", "assignee username", true, Integer.MAX_VALUE);
        JsonNode moduleInfo = body.get("task_module_info");
        if (moduleInfo != null && !moduleInfo.isNull() && !moduleInfo.isObject()) {
            fail("task_module_info", "The task module info must be an object.");
        }
        if (firstMessage != null) {
            throw new ApiError.Failure(new ApiError(422, firstMessage, errors));
        }
        return new NewTask(name, description == null ? "" : description, type.intValue(), authId,
                userName == null ? "" : userName, phone, assignee,
                moduleInfo == null || moduleInfo.isNull() ? null : moduleInfo, SimTask.NOT_STARTED, null);
    }

    private String text(JsonNode body, String field, String label, boolean required, int maxCodePoints) {
        JsonNode node = body.get(field);
        if (isMissing(node)) {
            if (required) {
                fail(field, "The " + label + " field is required.");
            }
            return null;
        }
        if (!node.isTextual()) {
            fail(field, "The " + label + " must be a string.");
            return null;
        }
        String value = node.textValue();
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            fail(field, "The " + label + " must not be greater than " + maxCodePoints + " characters.");
        }
        return value;
    }

    private Long integer(JsonNode body, String field, String label) {
        JsonNode node = body.get(field);
        if (isMissing(node)) {
            fail(field, "The " + label + " field is required.");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            fail(field, "The " + label + " must be an integer.");
            return null;
        }
        return node.longValue();
    }

    private String phone(JsonNode body) {
        JsonNode node = body.get("user_phone");
        if (isMissing(node)) {
            fail("user_phone", "The user phone field is required.");
            return null;
        }
        if (!node.isTextual() || !PHONE.matcher(node.textValue()).matches()) {
            fail("user_phone", "The phone number is invalid.");
            return null;
        }
        return node.textValue();
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank());
    }

    private void fail(String field, String message) {
        if (firstMessage == null) {
            firstMessage = message;
        }
        errors.withArrayProperty(field).add(message);
    }
}
