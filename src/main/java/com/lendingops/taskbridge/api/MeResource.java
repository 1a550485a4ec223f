package com.lendingops.taskbridge.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the token says the caller is, so a client can show or hide what only operators may do. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class MeResource {

    /** @param name user name from the token; @param operator true when the operator role is present */
    public record Me(String name, boolean operator) {
    }

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's name and whether it may act")
    public Me get() {
        return new Me(caller.name(), caller.isOperator());
    }
}
