package com.lendingops.taskbridge.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the incs simulator as a standalone process (demos, the local stack, manual tests) until
 * Ctrl-C. It lives in the test sources, so run it with the test classpath, from the repository root:
 *
 * <pre>
 * ./mvnw -B -o test-compile
 * ./mvnw -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     com.lendingops.taskbridge.simulator.IncsSimulatorMain --port 8089 --token dev-token --auto-progress
 * </pre>
 *
 * (the dependency plugin is pinned to 3.7.0 because that version resolves offline here.)
 * Ctrl-C (SIGTERM) closes the simulator. {@code --help} lists every option ({@link SimulatorArgs#USAGE}).
 */
public final class IncsSimulatorMain {

    private IncsSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(SimulatorArgs.USAGE);
            return;
        }
        IncsSimulator sim = launch(args);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            System.out.println("incs simulator stopped");
        }, "incs-simulator-shutdown"));
        new CountDownLatch(1).await();
    }

    /** Parses {@code args}, starts the simulator, seeds tasks and prints where it listens. */
    static IncsSimulator launch(String... args) {
        SimulatorArgs parsed = SimulatorArgs.parse(args);
        IncsSimulator sim = IncsSimulator.start(parsed.config());
        sim.seedTasks(parsed.seedActive(), SimTask.IN_PROGRESS);
        sim.gateway().set(parsed.gateway());
        // the token is a secret even here: say only which option set it
        System.out.println("incs simulator listening on " + sim.baseUrl()
                + " (API /external/tasks, bearer token from --token, admin /admin/*"
                + (parsed.config().timeline().enabled() ? ", tasks progress by themselves" : "")
                + (parsed.gateway().isEmpty() ? "" : ", gateway answering first: " + parsed.gateway())
                + (parsed.seedActive() > 0 ? ", " + parsed.seedActive() + " active tasks seeded" : "") + ")");
        return sim;
    }
}
