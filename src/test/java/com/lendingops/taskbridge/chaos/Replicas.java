package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.testsupport.BridgeProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The trial's replicas of the packaged bridge, each a process of its own configured by environment. A slot keeps
 * its instance id across a kill -9 and the start that replaces it, as a Kubernetes pod's replacement would. A
 * replica that exits without being killed by the suite is remembered: the trial then fails (restart loop, crash).
 */
final class Replicas implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** Quick start on a shared 2-core machine: C1 only, serial collector. */
    private static final List<String> JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Map<String, String> environment;
    private final Path logDirectory;
    private final BridgeProcess[] slots;
    private final int[] starts;
    private final boolean[] down;

    Replicas(int count, Map<String, String> environment, Path logDirectory) {
        this.environment = environment;
        this.logDirectory = logDirectory;
        this.slots = new BridgeProcess[count];
        this.starts = new int[count];
        this.down = new boolean[count];
        clearOldLogs(logDirectory);
    }

    /** The directory of the replicas' logs: this trial's only (a replay of the same seed starts it afresh). */
    Path logDirectory() {
        return logDirectory;
    }

    private static void clearOldLogs(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> logs = Files.list(directory)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the first replica and waits for it (it migrates the schema), then the others together. */
    void startAll() {
        start(0);
        slots[0].awaitStarted(STARTUP);
        for (int i = 1; i < slots.length; i++) {
            start(i);
        }
        for (int i = 1; i < slots.length; i++) {
            slots[i].awaitStarted(STARTUP);
        }
    }

    int count() {
        return slots.length;
    }

    synchronized void start(int slot) {
        starts[slot]++;
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        env.put("BRIDGE_SYNC_LEASE_INSTANCE_ID", "replica-" + slot);
        slots[slot] = BridgeProcess.start(JVM, env, FreePort.find(),
                logDirectory.resolve("replica-" + slot + "-" + starts[slot] + ".log"));
    }

    /**
     * kill -9: no shutdown hook, no lease release, nothing flushed. False (nothing done) when the slot is already
     * down or still starting after an earlier kill: two overlapping kills of one slot would otherwise race to
     * replace it.
     */
    boolean kill9(int slot) throws InterruptedException {
        BridgeProcess victim;
        synchronized (this) {
            if (down[slot]) {
                return false;
            }
            victim = slots[slot];
            slots[slot] = null;
            down[slot] = true;
        }
        victim.crash();
        return true;
    }

    /** Starts a killed slot again and waits until it is started. */
    void restart(int slot) {
        start(slot);
        BridgeProcess replica = slots[slot];
        try {
            replica.awaitStarted(STARTUP);
        } finally {
            synchronized (this) {
                down[slot] = false;
            }
        }
    }

    /** The replica holding the lease now, if any answers. */
    Optional<Integer> leader() {
        for (int i = 0; i < slots.length; i++) {
            BridgeProcess replica = slots[i];
            if (replica != null && replica.isLeader()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** SIGSTOP (freeze = true) or SIGCONT of a slot's process. */
    void signal(int slot, boolean freeze) throws IOException, InterruptedException {
        BridgeProcess replica = slots[slot];
        if (replica != null) {
            new ProcessBuilder("kill", freeze ? "-STOP" : "-CONT", Long.toString(replica.handle().pid()))
                    .inheritIO().start().waitFor();
        }
    }

    /** The live replicas (a killed slot not yet replaced is skipped). */
    synchronized List<BridgeProcess> live() {
        List<BridgeProcess> live = new ArrayList<>();
        for (BridgeProcess replica : slots) {
            if (replica != null) {
                live.add(replica);
            }
        }
        return live;
    }

    /** Replicas that ended without being killed by the suite, with their log tails. */
    synchronized List<String> unexpectedExits() {
        List<String> exits = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && !slots[i].handle().isAlive()) {
                exits.add("replica-" + i + " exited:\n" + slots[i].logTail(15));
            }
        }
        return exits;
    }

    /** Process starts per slot, replacements after a kill included. */
    synchronized int[] starts() {
        return starts.clone();
    }

    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (BridgeProcess replica : live()) {
            Thread t = new Thread(replica::close, "stop-replica");
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
