package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import java.net.URI;
import java.nio.file.Path;

/** The shipped suite and the sample candidates, as the tests use them. */
public final class ShippedSuite {
    private ShippedSuite() {}

    /** Tests run with the module folder as working directory. */
    public static final Path PATH = Path.of("..", "scenarios", "suites", "sed-core").toAbsolutePath().normalize();

    public static Suite read() {
        ReadResult read = SuiteReader.read(PATH);
        assertThat(read.problems()).as("problems in the shipped suite").isEmpty();
        return read.suite();
    }

    /** A copy of the shipped suite's folder at {@code to}, for tests that write into its bindings. */
    public static Path copyTo(Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(PATH)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(PATH.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target);
                else java.nio.file.Files.copy(p, target);
            }
        }
        return to;
    }

    public static CandidateTarget target(SampleCandidate c) {
        return new CandidateTarget(c.id(), c.displayName(), c.vendor(), c.baseUrl(), URI.create(c.baseUrl() + "/admin/reset"));
    }
}
