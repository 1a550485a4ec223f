package com.lendingops.taskbridge.query;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * GET /tasks filters, already validated: newest first (the bridge's record time, then task id).
 *
 * @param phone       normalised digits, as stored
 * @param status      incs status code 0..3
 * @param assignee    incs username
 * @param createdFrom recorded at or after
 * @param createdTo   recorded before
 * @param after       keyset position after which the page starts
 * @param limit       1..200
 */
public record TaskFilter(Optional<String> phone, Optional<Integer> status, Optional<String> assignee,
                         Optional<OffsetDateTime> createdFrom, Optional<OffsetDateTime> createdTo,
                         Optional<Cursor> after, int limit) {
}
