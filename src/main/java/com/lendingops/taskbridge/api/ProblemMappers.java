package com.lendingops.taskbridge.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457): our own {@link ApiException}s, the
 * framework's 4xx (unknown path, wrong method, unreadable body), and 401/403 from the security layer (which runs
 * lazily, see {@code quarkus.http.auth.proactive=false}, so that its failures reach these mappers). Anything
 * else is a 500 whose detail names no internals; the cause is logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem("/problems/unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", path(uri), null);
        return Response.fromResponse(respond(problem)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("/problems/forbidden", "Forbidden", 403,
                "the token does not carry a role allowed to do this", path(uri), null));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request to " + path(uri) + " failed", e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status >= 500 ? "internal error" : e.getMessage();
        return respond(new Problem("/problems/http-" + status, title, status, detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("request to " + path(uri) + " failed", e);
        return respond(new Problem("/problems/internal", "Internal error", 500, "internal error", path(uri), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
