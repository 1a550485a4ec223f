package com.lendingops.taskbridge.query;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * GET /requests filters, already validated: oldest first from {@code since} (inclusive) on.
 *
 * @param state  a request state (lower case), or empty for all
 * @param caseId one case, or empty
 * @param since  received at or after, or empty
 * @param after  keyset position after which the page starts
 * @param limit  1..200
 */
public record RequestFilter(Optional<String> state, Optional<String> caseId, Optional<OffsetDateTime> since,
                            Optional<Cursor> after, int limit) {
}
