package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Calls that got no HTTP answer: connect failures were never sent, anything later may have been acted on. */
class IncsFailureClassificationTest {

    private final IncsAnswerClassifier classifier = new IncsAnswerClassifier(new ObjectMapper(), Duration.ofMinutes(1));

    @Test
    void connectionRefusedIsUnavailableNotAmbiguous() {
        IncsAnswer answer = classifier.classifyFailure(
                new RuntimeException("wrapped", new java.net.ConnectException("Connection refused")));
        CreateResult.Unavailable result = (CreateResult.Unavailable) ((IncsAnswer.Failed) answer).result();
        assertThat(result.ambiguous()).isFalse();
    }

    @Test
    void timeoutIsUnavailableAndAmbiguous() {
        IncsAnswer answer = classifier.classifyFailure(new io.smallrye.mutiny.TimeoutException());
        assertThat(((IncsAnswer.Failed) answer).result())
                .isEqualTo(new CreateResult.Unavailable("timeout", true, Optional.empty()));
    }

    @Test
    void connectionResetIsUnavailableAndAmbiguous() {
        IncsAnswer answer = classifier.classifyFailure(new java.net.SocketException("Connection reset"));
        CreateResult.Unavailable result = (CreateResult.Unavailable) ((IncsAnswer.Failed) answer).result();
        assertThat(result.ambiguous()).isTrue();
    }

    @Test
    void vertxConnectionClosedIsUnavailableAndAmbiguous() {
        IncsAnswer answer = classifier.classifyFailure(new io.vertx.core.http.HttpClosedException("closed"));
        CreateResult.Unavailable result = (CreateResult.Unavailable) ((IncsAnswer.Failed) answer).result();
        assertThat(result.ambiguous()).isTrue();
        assertThat(result.reason()).startsWith("connection lost");
    }

    @Test
    void timeoutDeepInTheCauseChainIsATimeout() {
        IncsAnswer answer = classifier.classifyFailure(
                new IllegalStateException("wrapped", new java.util.concurrent.TimeoutException("idle")));
        assertThat(((CreateResult.Unavailable) ((IncsAnswer.Failed) answer).result()).reason()).isEqualTo("timeout");
    }

    @Test
    void anExceptionNamedLikeATimeoutIsNotTakenForOne() {
        IncsAnswer answer = classifier.classifyFailure(new NotReallyTimeoutException());
        assertThat(((CreateResult.Unavailable) ((IncsAnswer.Failed) answer).result()).reason())
                .startsWith("call failed");
    }

    /** Its name says Timeout, its type does not: classification must go by the type. */
    private static final class NotReallyTimeoutException extends RuntimeException {
    }
}
