package com.lendingops.taskbridge.local;

import com.lendingops.taskbridge.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The local stack's own identity provider, for one run: an RSA key pair generated at start (the private key
 * never leaves this JVM's memory, nothing is committed), the bridge told to trust its public key and issuer,
 * and a local operator token for the one-click console link. Dev only: a real deployment verifies tokens of
 * its identity provider (see README "API and console").
 */
final class LocalIdentity {

    static final String ISSUER = "http://127.0.0.1/local-stack";
    static final Path PUBLIC_KEY = Path.of("target", "local-stack", "console-public-key.pem");

    private final KeyPair keys;

    private LocalIdentity(KeyPair keys) {
        this.keys = keys;
    }

    static LocalIdentity generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            LocalIdentity identity = new LocalIdentity(generator.generateKeyPair());
            identity.writePublicKey();
            return identity;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The variables that make the bridge trust this identity (the same ones production sets). */
    Map<String, String> bridgeEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", PUBLIC_KEY.toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /** A token for a local operator, valid for the working day. */
    String operatorToken() {
        return TestTokens.signedWith(keys.getPrivate(), ISSUER, "local.operator", Set.of("operator"),
                Duration.ofHours(12));
    }

    /** Opens the console signed in as the local operator (the token rides in the fragment, never in a log). */
    String consoleUrl(String bridgeBaseUrl) {
        return bridgeBaseUrl + "/console/sign-in#token=" + operatorToken();
    }

    private void writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.createDirectories(PUBLIC_KEY.getParent());
            Files.writeString(PUBLIC_KEY, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + PUBLIC_KEY, e);
        }
    }
}
