package com.lendingops.taskbridge.query;

import java.util.List;

/**
 * One page of a keyset-paginated list; {@code next_cursor} is null on the last page.
 *
 * @param items      the rows of this page, in list order
 * @param nextCursor pass as {@code cursor} to get the following page
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is more. */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, Cursor> position) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, position.apply(items.get(limit - 1)).encode());
    }
}
