package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.audit.AuditEntry;
import com.lendingops.taskbridge.audit.OperatorAudit;
import com.lendingops.taskbridge.query.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail of operator actions, newest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class AuditResource {

    private final OperatorAudit audit;

    public AuditResource(OperatorAudit audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Operator actions (who, what, target, when, outcome), newest first, optionally for one target")
    public Uni<Page<AuditEntry>> list(@QueryParam("target") String target, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") String limit) {
        return audit.list(Params.text(target), Params.cursor(cursor, true), Params.limit(limit));
    }
}
