package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.query.RequestQueries;
import com.lendingops.taskbridge.query.TaskQueries;
import com.lendingops.taskbridge.query.TimelineQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A case: every request and task, with one timeline (state changes, incs logs, published events). */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class CaseResource {

    private final RequestQueries requests;
    private final TaskQueries tasks;
    private final TimelineQueries timelines;
    private final Caller caller;

    public CaseResource(RequestQueries requests, TaskQueries tasks, TimelineQueries timelines, Caller caller) {
        this.requests = requests;
        this.tasks = tasks;
        this.timelines = timelines;
        this.caller = caller;
    }

    @GET
    @Path("/{case_id}")
    @Operation(summary = "Every request and task of a case with its timeline")
    public Uni<CaseDetail> get(@PathParam("case_id") String caseId) {
        return requests.ofCase(caseId).chain(caseRequests -> {
            if (caseRequests.isEmpty()) {
                return Uni.createFrom().failure(ApiException.notFound("case", caseId));
            }
            return tasks.ofCase(caseId).chain(caseTasks -> timelines.ofCase(caseId, caseRequests, caseTasks)
                    .map(timeline -> new CaseDetail(caseId,
                            caseRequests.stream().map(r -> r.withPhone(caller.phone(r.userPhone()))).toList(),
                            caseTasks.stream().map(t -> t.withPhone(caller.phone(t.userPhone()))).toList(),
                            timeline)));
        });
    }
}
