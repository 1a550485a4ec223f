package com.lendingops.taskbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the main sources that a compiler does not check, read from the source text: no cycle between
 * the capability packages (outbox must never depend on sync), no internal API of a library ({@code *.impl.*}), and
 * time only from the injected {@code Clock}.
 */
class PackageRulesTest {

    private static final Path MAIN = Path.of("src/main/java/com/lendingops/taskbridge");
    private static final Pattern OWN_REFERENCE = Pattern.compile("\\bcom\\.lendingops\\.taskbridge\\.([a-z]+)\\.");
    private static final Pattern STATIC_NOW =
            Pattern.compile("\\b(Instant|OffsetDateTime|LocalDateTime|ZonedDateTime|LocalDate)\\.now\\(\\s*\\)");

    @Test
    void capabilityPackagesFormNoCycle() {
        Map<String, Set<String>> dependencies = packageDependencies();

        assertThat(cycles(dependencies)).as("package cycles (dependencies: %s)", dependencies).isEmpty();
        assertThat(dependencies.getOrDefault("outbox", Set.of())).doesNotContain("sync");
    }

    @Test
    void noLibraryInternalsAreImported() {
        assertThat(linesMatching(Pattern.compile("^import (static )?[\\w.]+\\.impl\\.")))
                .as("imports of library internals").isEmpty();
    }

    @Test
    void timeComesFromTheInjectedClock() {
        assertThat(linesMatching(STATIC_NOW)).as("static now() calls; use the injected Clock").isEmpty();
    }

    @Test
    void theRulesSeeACycleWhenThereIsOne() {
        Map<String, Set<String>> withCycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d",
                Set.of("a"));

        assertThat(cycles(withCycle)).containsExactly(List.of("a", "b", "c"));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    private static Map<String, Set<String>> packageDependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (Path file : sources()) {
            String own = MAIN.relativize(file).getName(0).toString();
            Matcher m = OWN_REFERENCE.matcher(read(file));
            while (m.find()) {
                if (!m.group(1).equals(own)) {
                    dependencies.computeIfAbsent(own, k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        return dependencies;
    }

    /** Every cycle, each as the packages on it in order, starting from its smallest name. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Set<List<String>> found = new TreeSet<>((x, y) -> x.toString().compareTo(y.toString()));
        for (String start : graph.keySet()) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return new ArrayList<>(found);
    }

    private static void walk(Map<String, Set<String>> graph, String at, List<String> path, Set<List<String>> found) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                if (path.get(0).equals(path.stream().min(String::compareTo).orElseThrow())) {
                    found.add(List.copyOf(path));
                }
            } else if (!path.contains(next)) {
                path.add(next);
                walk(graph, next, path, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private static List<String> linesMatching(Pattern pattern) {
        List<String> hits = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    hits.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return hits;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
