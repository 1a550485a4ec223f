package com.lendingops.taskbridge.query;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code where} clause from optional filters with numbered parameters ($1, $2, ...): only filters
 * that are present appear, so PostgreSQL plans each combination with its own index.
 */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds a condition whose single {@code ?} becomes the next parameter. */
    Conditions add(String condition, Object value) {
        values.add(value);
        clauses.add(condition.replace("?", "$" + values.size()));
        return this;
    }

    /** Adds a condition whose two {@code ?} become the next two parameters, in order. */
    Conditions add(String condition, Object first, Object second) {
        values.add(first);
        String withFirst = condition.replaceFirst("\\?", "\\$" + values.size());
        values.add(second);
        clauses.add(withFirst.replaceFirst("\\?", "\\$" + values.size()));
        return this;
    }

    /** The next free parameter number, e.g. for the limit. */
    String nextParameter(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    Tuple tuple() {
        return Tuple.from(values);
    }
}
