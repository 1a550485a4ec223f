package com.lendingops.taskbridge.simulator;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The parsed query of GET /external/tasks. Empty parameters count as absent (as the vendor's
 * framework does); a page below the configured base is read as the first page, which is what
 * Laravel-style paginators do, so a client guessing the wrong base sees the first page twice.
 */
record ListRequest(TaskQuery query, long page, int pageSize) {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static ListRequest parse(MultiMap params, int pageBase, ZoneId zone) {
        Long pageSize = integer(params, "page_size", "page size");
        if (pageSize != null && pageSize < 1) {
            throw invalid("The page size must be at least 1.");
        }
        if (pageSize != null && pageSize > MAX_PAGE_SIZE) {
            throw invalid("The page size must not be greater than " + MAX_PAGE_SIZE + ".");
        }
        Long page = integer(params, "page", "page");
        Long status = integer(params, "status", "status");
        if (status != null && (status < 0 || status > 3)) {
            throw invalid("The selected status is invalid.");
        }
        Long type = integer(params, "type", "type");
        TaskQuery query = new TaskQuery(integer(params, "task_id", "task id"),
                integer(params, "creation_id", "creation id"),
                type == null ? null : type.intValue(),
                status == null ? null : status.intValue(),
                value(params, "name"),
                time(params, "start_at", "start at", zone),
                time(params, "end_at", "end at", zone));
        long effectivePage = page == null ? pageBase : Math.max(page, pageBase);
        return new ListRequest(query, effectivePage - pageBase,
                pageSize == null ? DEFAULT_PAGE_SIZE : pageSize.intValue());
    }

    private static String value(MultiMap params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Long integer(MultiMap params, String name, String label) {
        String value = value(params, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("The " + label + " must be an integer.");
        }
    }

    private static Instant time(MultiMap params, String name, String label, ZoneId zone) {
        String value = value(params, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("The " + label + " does not match the format Y-m-d H:i:s.");
        }
    }

    private static ApiError.Failure invalid(String message) {
        return new ApiError.Failure(ApiError.invalid(message));
    }
}
