package com.lendingops.taskbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged bridge (target/quarkus-app/quarkus-run.jar) as a child JVM, the way a container or a
 * replica runs it: configured only through environment variables, its output in a log file. Closing it
 * sends SIGTERM, waits for the graceful shutdown, and kills it (and anything it started) only if it
 * hangs; {@link #crash()} is the kill -9 of a replica that dies without releasing its lease.
 */
public final class BridgeProcess implements AutoCloseable {

    private static final Path RUN_JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> QUICK_START_JVM = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private BridgeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the bridge with JVM options for a quick start on a small machine (C1 only, serial GC). */
    public static BridgeProcess start(Map<String, String> environment, int port, Path log) {
        return start(QUICK_START_JVM, environment, port, log);
    }

    /** Starts the bridge with these JVM options (a benchmark wants the full JIT, a demo a quick start). */
    public static BridgeProcess start(List<String> jvmOptions, Map<String, String> environment, int port, Path log) {
        if (!Files.isRegularFile(RUN_JAR)) {
            throw new IllegalStateException(RUN_JAR + " is missing: build it with ./mvnw -B -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", RUN_JAR.toString()));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new BridgeProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bridge", e);
        }
    }

    /** Waits until Quarkus reports itself started; fails early with the log's tail if the JVM exits. */
    public void awaitStarted(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bridge exited with " + process.exitValue() + ":\n" + logTail(40));
            }
            if (answersOk("/q/health/started")) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the bridge did not start within " + timeout + ":\n" + logTail(40));
    }

    /** True when /q/health/ready answers 200. */
    public boolean ready() {
        return answersOk("/q/health/ready");
    }

    /** The value of a Prometheus sample on /q/metrics (e.g. {@code sync_leader}), or -1 when absent or unreachable. */
    public double metric(String sample) {
        return get("/q/metrics", "text/plain").map(r -> {
            // both writers of the text format occur: {a="b"} and, with OpenTelemetry on the classpath, {a="b",}
            String body = r.body().replace(",} ", "} ");
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " ([0-9.eE+-]+)$").matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : -1.0;
        }).orElse(-1.0);
    }

    public boolean isLeader() {
        return metric("sync_leader") == 1.0;
    }

    public double completedCycles() {
        return Math.max(0, metric("sync_cycles_total{outcome=\"completed\"}"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process without a chance to release its lease: a crashed replica. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private boolean answersOk(String path) {
        return get(path).map(r -> r.statusCode() == 200).orElse(false);
    }

    private Optional<HttpResponse<String>> get(String path) {
        return get(path, "*/*");
    }

    /**
     * {@code accept} text/plain for /q/metrics: the Prometheus text format, one value per line; OpenMetrics (the
     * default) appends tracing exemplars after the value.
     */
    private Optional<HttpResponse<String>> get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .header("Accept", accept).GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty(); // not listening (yet, or any more)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
