package com.lendingops.taskbridge.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the log filter removes from a line, and what it must leave readable. */
class LogMaskerTest {

    private final LogMasker masker = new LogMasker(List.of("s3cr3t-incs-token"));

    @ParameterizedTest
    @ValueSource(strings = {"+62 815-1234-5678", "6281512345678", "+6281512345678", "081512345678",
            "0815 1234 5678", "0815-1234-5678", "(0815) 1234-5678", "62.815.1234.5678", "0062 815 1234 5678",
            "+62\u00a0815\u20111234\u20115678", "13800138000"})
    void masksAPhoneInEverySpellingTheIngestAccepts(String phone) {
        String masked = masker.mask("customer phone " + phone + ", retrying");

        assertThat(masked).doesNotContain(phone).startsWith("customer phone ***").endsWith(", retrying");
        assertThat(masked.replaceAll("\\D", "")).doesNotContain("1234");
    }

    @Test
    void masksPhonesInJsonAndKeyValueText() {
        String masked = masker.mask("{\"customer\":{\"phone\":\"+62 815-1234-5678\"},"
                + "\"borrower_phone\":\"13800138000\"} user_phone=6281298765432");

        assertThat(masked).doesNotContain("1234-5678", "13800138000", "6281298765432").contains("\"***678\"");
    }

    @Test
    void keepsIdsDatesAddressesAndSmallNumbersReadable() {
        String line = "request 0b9f6a7e-2c1d-4f7a-9f0e-123456789012 of case CASE-2026-000123: incs task 239,"
                + " next attempt 2026-04-16T09:44:48Z (incs 2026-04-16 09:44:48), broker 10.244.12.135:9092, 16 calls";

        assertThat(masker.mask(line)).isEqualTo(line);
    }

    @Test
    void neverPrintsTheIncsTokenABearerTokenOrAJwt() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJlLXBhcnQ";
        String masked = masker.mask("GET /api failed: Authorization: Bearer abc.DEF-123 cookie bridge_token=" + jwt
                + " incs said s3cr3t-incs-token is wrong; api-token=other-value, Authorization=Basic dXNlcjpwYXNz");

        assertThat(masked).doesNotContain("abc.DEF-123", jwt, "s3cr3t-incs-token", "other-value", "dXNlcjpwYXNz")
                .contains("Authorization: ***");
    }
}
