package com.lendingops.taskbridge.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * src/main/resources/application.properties as the packaged application sees it in production:
 * plain keys overridden by %prod. keys, ${name:default} expressions resolved to their defaults
 * (the deployment may override them, which is exactly what the manifest test checks separately).
 */
final class ApplicationProperties {

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}${]+)");

    private final Properties raw;

    private ApplicationProperties(Properties raw) {
        this.raw = raw;
    }

    static ApplicationProperties load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ProjectFiles.applicationProperties(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApplicationProperties(properties);
    }

    /** Every key the file sets, in any profile, without its profile prefix. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        raw.stringPropertyNames().forEach(k -> keys.add(PROFILE.matcher(k).replaceFirst("")));
        return keys;
    }

    /** Names used in ${...} expressions: properties or environment variables the file reads. */
    Set<String> referencedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String key : raw.stringPropertyNames()) {
            Matcher m = REFERENCE.matcher(raw.getProperty(key));
            while (m.find()) {
                names.add(m.group(1).trim());
            }
        }
        return names;
    }

    /** The production value of a key, expressions resolved. */
    Optional<String> get(String key) {
        String value = raw.getProperty("%prod." + key, raw.getProperty(key));
        return Optional.ofNullable(value).map(this::resolve);
    }

    String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    Set<String> prodKeys() {
        Set<String> keys = new LinkedHashSet<>();
        raw.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%") || k.startsWith("%prod."))
                .forEach(k -> keys.add(k.replaceFirst("^%prod\\.", "")));
        return keys;
    }

    private String resolve(String value) {
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        int depth = 0;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                String inner = value.substring(start + 2, i);
                int colon = inner.indexOf(':');
                String name = colon < 0 ? inner : inner.substring(0, colon);
                String fallback = colon < 0 ? "" : inner.substring(colon + 1);
                String replacement = get(name).orElseGet(() -> resolve(fallback));
                return value.substring(0, start) + replacement + resolve(value.substring(i + 1));
            }
        }
        return value;
    }
}
