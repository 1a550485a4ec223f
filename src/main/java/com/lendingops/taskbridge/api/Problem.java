package com.lendingops.taskbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code invalid_parameter} names the query or
 * path parameter that made a 400, so a caller can fix exactly that.
 *
 * @param type              a URI naming the kind of problem (relative to the API)
 * @param title             short, the same for every problem of the type
 * @param status            the HTTP status
 * @param detail            what went wrong this time
 * @param instance          the request path
 * @param invalidParameter  the parameter at fault (400 only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String invalidParameter) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
