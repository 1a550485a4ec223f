package com.lendingops.taskbridge.simulator;

/**
 * Answers to what the incs docs leave open; changeable at run time.
 *
 * @param style whether error HTTP statuses mirror the body code or are always 200
 * @param pageBase number of the first page: 1 (default) or 0
 * @param conversationIdInList whether listed tasks carry {@code conversation_id} (the doc example omits it)
 * @param conversationIdOnCreate false to answer {@code "conversation_id":null} on creation (assignment lag)
 * @param logsInCreateResponse true to include the created/assigned logs in the POST answer
 *        (default false: the documented example answers {@code "logs":[]})
 * @param sortDescending list by id descending instead of ascending
 * @param pageRowCap 0 for none; otherwise the most rows a list page holds whatever {@code page_size} asks, as a
 *        gateway or incs itself may silently enforce: pages are then numbered in units of the capped size
 */
public record ResponseOptions(ResponseStyle style, int pageBase, boolean conversationIdInList,
                              boolean conversationIdOnCreate, boolean logsInCreateResponse,
                              boolean sortDescending, int pageRowCap) {

    public ResponseOptions {
        if (style == null) {
            throw new IllegalArgumentException("style is required");
        }
        if (pageBase != 0 && pageBase != 1) {
            throw new IllegalArgumentException("page base must be 0 or 1, was " + pageBase);
        }
        if (pageRowCap < 0) {
            throw new IllegalArgumentException("page row cap must be 0 (none) or positive, was " + pageRowCap);
        }
    }

    /** Mirrored HTTP statuses, pages from 1, conversation ids everywhere, logs only in listings, ascending. */
    public static ResponseOptions defaults() {
        return new ResponseOptions(ResponseStyle.MIRROR_HTTP_STATUS, 1, true, true, false, false, 0);
    }

    public ResponseOptions withStyle(ResponseStyle newStyle) {
        return new ResponseOptions(newStyle, pageBase, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, sortDescending, pageRowCap);
    }

    public ResponseOptions withPageBase(int base) {
        return new ResponseOptions(style, base, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, sortDescending, pageRowCap);
    }

    public ResponseOptions withConversationIdInList(boolean include) {
        return new ResponseOptions(style, pageBase, include, conversationIdOnCreate, logsInCreateResponse,
                sortDescending, pageRowCap);
    }

    public ResponseOptions withConversationIdOnCreate(boolean include) {
        return new ResponseOptions(style, pageBase, conversationIdInList, include, logsInCreateResponse,
                sortDescending, pageRowCap);
    }

    public ResponseOptions withLogsInCreateResponse(boolean include) {
        return new ResponseOptions(style, pageBase, conversationIdInList, conversationIdOnCreate, include,
                sortDescending, pageRowCap);
    }

    public ResponseOptions withSortDescending(boolean descending) {
        return new ResponseOptions(style, pageBase, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, descending, pageRowCap);
    }

    public ResponseOptions withPageRowCap(int cap) {
        return new ResponseOptions(style, pageBase, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, sortDescending, cap);
    }

    /** The rows one page really holds when {@code requested} rows were asked for. */
    int effectivePageSize(int requested) {
        return pageRowCap == 0 ? requested : Math.min(requested, pageRowCap);
    }
}
