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
 */
public record ResponseOptions(ResponseStyle style, int pageBase, boolean conversationIdInList,
                              boolean conversationIdOnCreate, boolean logsInCreateResponse,
                              boolean sortDescending) {

    public ResponseOptions {
        if (style == null) {
            throw new IllegalArgumentException("style is required");
        }
        if (pageBase != 0 && pageBase != 1) {
            throw new IllegalArgumentException("page base must be 0 or 1, was " + pageBase);
        }
    }

    /** Mirrored HTTP statuses, pages from 1, conversation ids everywhere, logs only in listings, ascending. */
    public static ResponseOptions defaults() {
        return new ResponseOptions(ResponseStyle.MIRROR_HTTP_STATUS, 1, true, true, false, false);
    }

    public ResponseOptions withStyle(ResponseStyle newStyle) {
        return new ResponseOptions(newStyle, pageBase, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, sortDescending);
    }

    public ResponseOptions withPageBase(int base) {
        return new ResponseOptions(style, base, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, sortDescending);
    }

    public ResponseOptions withConversationIdInList(boolean include) {
        return new ResponseOptions(style, pageBase, include, conversationIdOnCreate, logsInCreateResponse,
                sortDescending);
    }

    public ResponseOptions withConversationIdOnCreate(boolean include) {
        return new ResponseOptions(style, pageBase, conversationIdInList, include, logsInCreateResponse,
                sortDescending);
    }

    public ResponseOptions withLogsInCreateResponse(boolean include) {
        return new ResponseOptions(style, pageBase, conversationIdInList, conversationIdOnCreate, include,
                sortDescending);
    }

    public ResponseOptions withSortDescending(boolean descending) {
        return new ResponseOptions(style, pageBase, conversationIdInList, conversationIdOnCreate,
                logsInCreateResponse, descending);
    }
}
