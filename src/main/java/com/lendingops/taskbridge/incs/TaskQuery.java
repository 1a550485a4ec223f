package com.lendingops.taskbridge.incs;

/**
 * Filters of GET /external/tasks; null means "not sent". {@code page} is the page number as this
 * service counts it (first page = 1); the client maps it to the API's base.
 */
public record TaskQuery(Long taskId, Long creationId, Integer type, Integer status, String name, String startAt,
                        String endAt, int page, int pageSize) {

    /** The documented maximum page size. */
    public static final int MAX_PAGE_SIZE = 100;

    public static TaskQuery byTaskId(long taskId) {
        return new TaskQuery(taskId, null, null, null, null, null, null, 1, MAX_PAGE_SIZE);
    }

    public static TaskQuery byStatus(int status, int page) {
        return new TaskQuery(null, null, CreateTaskCommand.MESSAGE_TASK, status, null, null, null, page, MAX_PAGE_SIZE);
    }

    /** Name search within a creation-time window: how a lost POST response is reconciled. */
    public static TaskQuery byNameCreatedBetween(String name, String startAt, String endAt, int page) {
        return new TaskQuery(null, null, CreateTaskCommand.MESSAGE_TASK, null, name, startAt, endAt, page,
                MAX_PAGE_SIZE);
    }

    public TaskQuery withPage(int newPage) {
        return new TaskQuery(taskId, creationId, type, status, name, startAt, endAt, newPage, pageSize);
    }
}
