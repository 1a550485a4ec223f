package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * Sends raw requests to incs: base URL, bearer token and timeouts from {@link IncsConfig}. Never throws for an
 * HTTP error status (the default exception mapper is disabled); only transport failures fail the Uni.
 */
@ApplicationScoped
class IncsTransport {

    /** Raw HTTP answer: status, body (possibly empty) and the Retry-After header, if any. */
    record HttpAnswer(int status, String body, String retryAfter) {
    }

    private final IncsApi api;
    private final String authorization;
    private final Duration timeout;

    IncsTransport(IncsConfig config) {
        this.timeout = config.requestTimeout();
        this.authorization = "Bearer " + config.apiToken();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiUrl()))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, Math.max(config.maxInFlight(), 1))
                .disableDefaultMapper(true)
                .followRedirects(false)
                .build(IncsApi.class);
    }

    Uni<HttpAnswer> create(String jsonBody) {
        return bounded(api.create(authorization, jsonBody));
    }

    Uni<HttpAnswer> list(TaskQuery query, int apiPage) {
        return bounded(api.list(authorization, query.taskId(), query.creationId(), query.type(), query.status(),
                query.name(), query.startAt(), query.endAt(), apiPage, query.pageSize()));
    }

    private Uni<HttpAnswer> bounded(Uni<Response> call) {
        // the read timeout only notices idle connections; this also bounds a slowly trickling answer
        return call.ifNoItem().after(timeout.plusMillis(500)).fail()
                .map(response -> {
                    try (response) {
                        // the client has already buffered the whole body: reading it here does not block
                        String body = response.hasEntity() ? response.readEntity(String.class) : "";
                        return new HttpAnswer(response.getStatus(), body, response.getHeaderString("Retry-After"));
                    }
                });
    }
}
