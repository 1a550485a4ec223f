package com.lendingops.taskbridge.incs;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A request to incs that holds its connection and has written nothing yet (see {@link IncsTransport#connect}):
 * it is either sent whole in one go or discarded, which gives the unused connection back to the pool.
 */
final class ConnectedRequest {

    private static final Logger LOG = Logger.getLogger(ConnectedRequest.class);

    private final HttpClientRequest request;
    private final String body;
    private final Duration timeout;

    ConnectedRequest(HttpClientRequest request, String body, Duration timeout) {
        // a reset while the request is still being written fails its answer too; without a handler Vert.x would
        // also log it as an error of its own
        this.request = request.exceptionHandler(failure -> LOG.debugf("incs request failed: %s", failure.toString()));
        this.body = body;
        this.timeout = timeout;
    }

    /**
     * Writes the whole request now if {@code stillOnTime} holds at this very instant, and then emits the answer;
     * empty, with nothing written, otherwise.
     */
    Optional<Uni<IncsTransport.HttpAnswer>> sendIf(BooleanSupplier stillOnTime) {
        if (!stillOnTime.getAsBoolean()) {
            return Optional.empty();
        }
        Future<IncsTransport.HttpAnswer> answer = (body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(buffer -> new IncsTransport.HttpAnswer(
                        response.statusCode(), buffer.toString(StandardCharsets.UTF_8),
                        response.getHeader("Retry-After"))));
        // the idle timeout only notices silent connections; this also bounds a slowly trickling answer. An
        // abandoned exchange must not keep its connection: resetting a written request closes it.
        return Optional.of(Uni.createFrom().completionStage(answer::toCompletionStage)
                .ifNoItem().after(timeout.plusMillis(500)).fail()
                .onFailure().invoke(ignored -> request.reset())
                .onCancellation().invoke(() -> request.reset()));
    }

    /** Gives the connection back unused (an unwritten request leaves it open for the next call). */
    void discard() {
        request.reset();
    }
}
