package com.lendingops.taskbridge.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's own files (deploy/, docker/, application.properties) from a test. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The directory holding pom.xml: surefire runs in it, an IDE may run one level below. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path applicationProperties() {
        return root().resolve("src/main/resources/application.properties");
    }

    static Path compose() {
        return root().resolve("docker/compose.yaml");
    }
}
