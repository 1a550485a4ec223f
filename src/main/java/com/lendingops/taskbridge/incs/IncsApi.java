package com.lendingops.taskbridge.incs;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The two incs task endpoints as a REST client. Bodies travel as raw JSON strings and answers come back as a
 * {@link Response} whatever the status (read as text by {@link IncsTransport}), so that
 * {@link IncsAnswerClassifier} alone decides what they mean. Null query parameters are not sent.
 */
@Path("/external/tasks")
@Produces(MediaType.APPLICATION_JSON)
interface IncsApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@HeaderParam("Authorization") String authorization, String body);

    @GET
    Uni<Response> list(@HeaderParam("Authorization") String authorization,
                       @QueryParam("task_id") Long taskId,
                       @QueryParam("creation_id") Long creationId,
                       @QueryParam("type") Integer type,
                       @QueryParam("status") Integer status,
                       @QueryParam("name") String name,
                       @QueryParam("start_at") String startAt,
                       @QueryParam("end_at") String endAt,
                       @QueryParam("page") Integer page,
                       @QueryParam("page_size") Integer pageSize);
}
