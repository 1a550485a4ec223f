package com.lendingops.taskbridge.simulator;

/**
 * Entry point of a {@link SimulatorProcess}: the standalone simulator ({@link IncsSimulatorMain}, same options),
 * which also ends when the JVM that started it ends, so that a killed test run leaves no simulator behind.
 */
public final class ChildSimulatorMain {

    private ChildSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        IncsSimulatorMain.main(args);
    }
}
