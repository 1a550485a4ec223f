package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Calls that got no HTTP answer: connect failures were never sent, anything later may have been acted on. */
class IncsFailureClassificationTest {

    private final IncsAnswerClassifier classifier = new IncsAnswerClassifier(new ObjectMapper());

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
}
