package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.audit.OperatorAudit;
import com.lendingops.taskbridge.ingest.OperatorActionResult;
import com.lendingops.taskbridge.ingest.OperatorRequestActions;
import com.lendingops.taskbridge.query.AuditTargets;
import com.lendingops.taskbridge.query.Page;
import com.lendingops.taskbridge.query.RequestFilter;
import com.lendingops.taskbridge.query.RequestQueries;
import com.lendingops.taskbridge.query.RequestView;
import com.lendingops.taskbridge.query.TaskQueries;
import com.lendingops.taskbridge.query.TaskView;
import com.lendingops.taskbridge.query.TimelineQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Requests: one with its timeline, a filtered list, and the operator's retry and cancel. */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class RequestResource {

    private final RequestQueries requests;
    private final TaskQueries tasks;
    private final TimelineQueries timelines;
    private final OperatorRequestActions actions;
    private final OperatorAudit audit;
    private final Caller caller;

    public RequestResource(RequestQueries requests, TaskQueries tasks, TimelineQueries timelines,
                           OperatorRequestActions actions, OperatorAudit audit, Caller caller) {
        this.requests = requests;
        this.tasks = tasks;
        this.timelines = timelines;
        this.actions = actions;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Path("/{event_id}")
    @Operation(summary = "A request: state, attempts, last error, next attempt, its task and its timeline")
    public Uni<RequestDetail> get(@PathParam("event_id") String eventId) {
        return requests.find(eventId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("request", eventId))
                .chain(request -> (request.taskId() == null ? Uni.createFrom().<TaskView>nullItem()
                        : tasks.find(request.taskId()))
                        .chain(task -> timelines.ofRequest(request, task).map(timeline -> new RequestDetail(
                                request.withPhone(caller.phone(request.userPhone())),
                                task == null ? null : task.withPhone(caller.phone(task.userPhone())), timeline))));
    }

    @GET
    @Operation(summary = "Requests, oldest first, by state, case and arrival time (keyset pagination)")
    public Uni<Page<RequestView>> list(@QueryParam("state") String state, @QueryParam("case_id") String caseId,
                                       @QueryParam("since") String since, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") String limit) {
        RequestFilter filter = new RequestFilter(Params.state(state), Params.text(caseId),
                Params.time("since", since), Params.cursor(cursor, false), Params.limit(limit));
        return requests.list(filter).map(page -> new Page<>(
                page.items().stream().map(r -> r.withPhone(caller.phone(r.userPhone()))).toList(),
                page.nextCursor()));
    }

    @POST
    @Path("/{event_id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retry a failed or rejected request: a new attempt under the same event id")
    public Uni<ActionResult> retry(@PathParam("event_id") String eventId) {
        return act("retry", eventId, actions.retry(eventId, caller.name()));
    }

    @POST
    @Path("/{event_id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a deferred request: it ends failed (cancelled_by_operator), the event is published")
    public Uni<ActionResult> cancel(@PathParam("event_id") String eventId) {
        return act("cancel", eventId, actions.cancel(eventId, caller.name()));
    }

    private Uni<ActionResult> act(String action, String eventId, Uni<OperatorActionResult> result) {
        String target = AuditTargets.request(eventId);
        String actor = caller.name();
        return result.call(outcome -> audit.record(actor, action, target, tag(outcome), describe(outcome)))
                .map(outcome -> {
                    if (outcome instanceof OperatorActionResult.Applied applied) {
                        return new ActionResult(action, target, "done", applied.state(), null);
                    }
                    if (outcome instanceof OperatorActionResult.NotAllowed refused) {
                        throw ApiException.conflict(refused.reason()
                                + (refused.state() == null ? "" : " (state " + refused.state() + ")"));
                    }
                    throw ApiException.notFound("request", eventId);
                });
    }

    private static String tag(OperatorActionResult outcome) {
        if (outcome instanceof OperatorActionResult.Applied) {
            return "done";
        }
        return outcome instanceof OperatorActionResult.NotAllowed ? "conflict" : "not_found";
    }

    private static String describe(OperatorActionResult outcome) {
        if (outcome instanceof OperatorActionResult.Applied applied) {
            return "now " + applied.state();
        }
        return outcome instanceof OperatorActionResult.NotAllowed refused ? refused.reason() : null;
    }
}
