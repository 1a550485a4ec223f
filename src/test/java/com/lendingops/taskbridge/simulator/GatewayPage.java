package com.lendingops.taskbridge.simulator;

import java.util.Locale;

/**
 * An answer that a gateway in front of incs (reverse proxy during a deploy, WAF, API gateway) gives instead of
 * incs itself: never the incs envelope. HTML pages as nginx or a WAF write them, JSON bodies as API gateways
 * (Kong, AWS, Spring) write them; none of them says anything about the request.
 */
public enum GatewayPage {
    /** nginx with no upstream route (e.g. during a deploy). */
    HTML_404(404, Type.HTML, """
            <html>
            <head><title>404 Not Found</title></head>
            <body>
            <center><h1>404 Not Found</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """),
    /** A WAF blocking the caller. */
    HTML_403(403, Type.HTML, """
            <!DOCTYPE html>
            <html><head><title>Attention Required! | Access denied</title></head>
            <body><h1>Sorry, you have been blocked</h1><p>This website is using a security service.</p></body>
            </html>
            """),
    /** nginx whose upstream (incs) is down. */
    HTML_502(502, Type.HTML, """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """),
    /** A Spring-style JSON error: {@code status} is a number and there is no {@code code}. */
    JSON_404(404, Type.JSON, """
            {"timestamp":"2026-04-07T10:00:00.000+00:00","status":404,"error":"Not Found","path":"/external/tasks"}"""),
    /** An AWS API Gateway refusal. */
    JSON_403(403, Type.JSON, """
            {"message":"Forbidden"}"""),
    /** A Kong upstream failure. */
    JSON_502(502, Type.JSON, """
            {"message":"An invalid response was received from the upstream server"}""");

    private enum Type {
        HTML("text/html; charset=utf-8"), JSON("application/json");

        private final String contentType;

        Type(String contentType) {
            this.contentType = contentType;
        }
    }

    private final int status;
    private final Type type;
    private final String body;

    GatewayPage(int status, Type type, String body) {
        this.status = status;
        this.type = type;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return type.contentType;
    }

    public String body() {
        return body;
    }

    /** The admin and command-line name, e.g. {@code html-404}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code html-404}, {@code HTML_404} and the like. */
    public static GatewayPage parse(String name) {
        for (GatewayPage page : values()) {
            if (page.key().equalsIgnoreCase(name.trim().replace('_', '-'))) {
                return page;
            }
        }
        throw new IllegalArgumentException("unknown gateway page " + name + " (html-404, html-403, html-502, "
                + "json-404, json-403, json-502)");
    }
}
