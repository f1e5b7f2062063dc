package bedside.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ./bedside} launcher as the README's newcomer runs it, for tests that go through it: from the project
 * root, with a Bedside home of the test's own, on the jar the Maven build made (the build is the test's), and with
 * no database, server or token setting inherited from the machine.
 */
final class Launcher {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * For the short-lived JVMs the tests launch on a two-core machine that runs two test JVMs already: the quick
     * compiler only and a single-threaded collector, so compiling for a peak speed never reached does not take the
     * cores the browsers need. Behaviour is the same; only CPU is saved.
     */
    static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private Launcher() {}

    static ProcessBuilder command(Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("bedside").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("BEDSIDE_HOME", home.toString());
        pb.environment().put("BEDSIDE_NO_BUILD", "1");
        pb.environment().putIfAbsent("BEDSIDE_JAVA_OPTS", SHORT_LIVED_JVM);
        pb.environment().remove("BEDSIDE_DB_URL");
        pb.environment().remove("BEDSIDE_SERVER");
        pb.environment().remove("BEDSIDE_TOKEN");
        return pb;
    }

    /** Every whole line of every journal in a Bedside home (a killed run's last line may be torn: it is skipped). */
    static List<com.fasterxml.jackson.databind.JsonNode> journal(Path home) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        Path dir = home.resolve("journal");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return lines;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    try {
                        lines.add(json.readTree(line));
                    } catch (java.io.IOException torn) {
                        // the last line of a killed run may be half written
                    }
                }
            }
        }
        return lines;
    }
}
