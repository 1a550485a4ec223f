package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.config.ApiConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator console: one server-rendered page (Qute) whose script reads the API with the same credentials;
 * every asset is bundled, nothing is fetched from the internet. Action buttons are rendered for operators
 * only (the API refuses viewers anyway). {@code /console/sign-in} is the one open page: it holds no data and
 * only turns a token given in the URL fragment (which browsers never send to a server) into a cookie.
 */
@Path("/console")
public class ConsoleResource {

    private final Template console;
    private final Template signIn;
    private final Caller caller;
    private final ApiConfig config;

    public ConsoleResource(@Location("console.html") Template console, @Location("sign-in.html") Template signIn,
                           Caller caller, ApiConfig config) {
        this.console = console;
        this.signIn = signIn;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(hidden = true)
    public TemplateInstance page() {
        return console.data("name", caller.name())
                .data("operator", caller.isOperator())
                .data("refreshMillis", config.consoleRefreshInterval().toMillis());
    }

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    @Operation(hidden = true)
    public TemplateInstance signIn() {
        return signIn.instance();
    }
}
