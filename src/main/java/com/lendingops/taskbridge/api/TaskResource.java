package com.lendingops.taskbridge.api;

import com.lendingops.taskbridge.audit.OperatorAudit;
import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.query.AuditTargets;
import com.lendingops.taskbridge.query.Page;
import com.lendingops.taskbridge.query.RequestQueries;
import com.lendingops.taskbridge.query.TaskFilter;
import com.lendingops.taskbridge.query.TaskQueries;
import com.lendingops.taskbridge.query.TaskView;
import com.lendingops.taskbridge.query.TimelineQueries;
import com.lendingops.taskbridge.sync.SingleTaskResync;
import com.lendingops.taskbridge.sync.SingleTaskResync.Result;
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

/** Tasks: one with its timeline, a filtered list (phone in any spelling), and the operator's re-sync. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class TaskResource {

    private final TaskQueries tasks;
    private final RequestQueries requests;
    private final TimelineQueries timelines;
    private final SingleTaskResync resync;
    private final OperatorAudit audit;
    private final Caller caller;
    private final IncsConfig incs;

    public TaskResource(TaskQueries tasks, RequestQueries requests, TimelineQueries timelines, SingleTaskResync resync,
                        OperatorAudit audit, Caller caller, IncsConfig incs) {
        this.tasks = tasks;
        this.requests = requests;
        this.timelines = timelines;
        this.resync = resync;
        this.audit = audit;
        this.caller = caller;
        this.incs = incs;
    }

    @GET
    @Path("/{task_id}")
    @Operation(summary = "A task of ours: its cached state and the timeline of the request that created it")
    public Uni<TaskDetail> get(@PathParam("task_id") String taskIdText) {
        long taskId = Params.taskId(taskIdText);
        return tasks.find(taskId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("task", taskIdText))
                .chain(task -> requests.find(task.eventId())
                        .chain(request -> timelines.ofRequest(request, task))
                        .map(timeline -> new TaskDetail(task.withPhone(caller.phone(task.userPhone())), timeline)));
    }

    @GET
    @Operation(summary = "Tasks, newest first, by phone (any spelling), status, assignee and creation time")
    public Uni<Page<TaskView>> list(@QueryParam("phone") String phone, @QueryParam("status") String status,
                                    @QueryParam("assignee") String assignee,
                                    @QueryParam("created_from") String createdFrom,
                                    @QueryParam("created_to") String createdTo, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") String limit) {
        TaskFilter filter = new TaskFilter(Params.phone(phone, incs.defaultCountryCode()), Params.status(status),
                Params.text(assignee), Params.time("created_from", createdFrom), Params.time("created_to", createdTo),
                Params.cursor(cursor, true), Params.limit(limit));
        return tasks.list(filter).map(page -> new Page<>(
                page.items().stream().map(t -> t.withPhone(caller.phone(t.userPhone()))).toList(),
                page.nextCursor()));
    }

    @POST
    @Path("/{task_id}/resync")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Look the task up in incs now and record what changed, as the sync cycle would")
    public Uni<ActionResult> resync(@PathParam("task_id") String taskIdText) {
        long taskId = Params.taskId(taskIdText);
        String target = AuditTargets.task(taskId);
        String actor = caller.name();
        return resync.resync(taskId)
                .call(result -> audit.record(actor, "resync", target, tag(result), result.toString()))
                .map(result -> answer(result, target, taskIdText));
    }

    private static ActionResult answer(Result result, String target, String taskId) {
        if (result instanceof Result.Resynced done) {
            return new ActionResult("resync", target, "done", TaskView.statusName(done.status()),
                    done.events() + " new event(s)");
        }
        if (result instanceof Result.NotTracked ended) {
            throw ApiException.conflict("task " + taskId + " is no longer tracked (status "
                    + TaskView.statusName(ended.status()) + "): nothing to refresh");
        }
        if (result instanceof Result.LookupFailed failed) {
            throw ApiException.unavailable("incs: " + failed.reason() + "; try again later");
        }
        if (result instanceof Result.NotLeader) {
            throw ApiException.conflict("this replica does not hold the sync lease, and only the leader records"
                    + " changes; the leader refreshes task " + taskId + " within one sync interval");
        }
        if (result instanceof Result.AbsentFromIncs) {
            throw ApiException.conflict("incs does not return task " + taskId
                    + "; the sync counts it towards 'missing'");
        }
        throw ApiException.notFound("task", taskId);
    }

    private static String tag(Result result) {
        if (result instanceof Result.Resynced) {
            return "done";
        }
        if (result instanceof Result.NotFound) {
            return "not_found";
        }
        return result instanceof Result.LookupFailed ? "failed" : "conflict";
    }
}
