package com.lendingops.taskbridge.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points every {@code @QuarkusTest} at the shared {@link TestEnvironment}.
 * <p>
 * Registered once, here, as a global {@link QuarkusTestResource} ({@code restrictToAnnotatedClass = false}, the
 * default): Quarkus discovers it wherever it is declared and applies it to all test classes, so they share one
 * application start. Test classes need no annotation; adding a different resource or a {@code @TestProfile} to a
 * class would force a restart of the application for it.
 */
@QuarkusTestResource(SharedEnvironmentResource.class)
public final class SharedEnvironmentResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestEnvironment.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // Called when this application instance shuts down (end of the run, or a different test profile). The
        // environment's classes belong to this application's class loader, so it cannot outlive it: the next
        // application start gets a fresh environment from its own class loader.
        TestEnvironment.shutdown();
    }
}
