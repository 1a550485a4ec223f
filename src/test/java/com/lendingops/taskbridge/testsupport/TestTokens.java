package com.lendingops.taskbridge.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens for the API tests, signed with the test-only key pair in {@code src/test/resources/api-test-keys}
 * (the test profile trusts its public key and issuer). Also signs tokens with a key of its own, for the
 * "signed by somebody else" case.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.lendingops";
    private static final PrivateKey TEST_KEY = readPrivateKey("/api-test-keys/private-key.pem");

    private TestTokens() {
    }

    public static String operator() {
        return token("olivia.operator", Set.of("operator"));
    }

    public static String viewer() {
        return token("victor.viewer", Set.of("viewer"));
    }

    /** Valid for an hour, by the test issuer, with these roles in the default "groups" claim. */
    public static String token(String user, Set<String> roles) {
        return claims(user, roles, ISSUER, Instant.now().plus(Duration.ofHours(1))).sign(TEST_KEY);
    }

    /** Expired an hour ago (well beyond any clock-skew allowance). */
    public static String expired(Set<String> roles) {
        return claims("old.token", roles, ISSUER, Instant.now().minus(Duration.ofHours(1))).sign(TEST_KEY);
    }

    public static String fromIssuer(String issuer, Set<String> roles) {
        return claims("elsewhere", roles, issuer, Instant.now().plus(Duration.ofHours(1))).sign(TEST_KEY);
    }

    /** Signed by the given key instead of the test key (e.g. a local stack's run-time key). */
    public static String signedWith(PrivateKey key, String issuer, String user, Set<String> roles, Duration validity) {
        return claims(user, roles, issuer, Instant.now().plus(validity)).sign(key);
    }

    private static JwtClaimsBuilder claims(String user, Set<String> roles, String issuer, Instant expiresAt) {
        return Jwt.issuer(issuer).upn(user).subject(user).groups(roles)
                .issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt);
    }

    private static PrivateKey readPrivateKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read test key " + resource, e);
        }
    }
}
