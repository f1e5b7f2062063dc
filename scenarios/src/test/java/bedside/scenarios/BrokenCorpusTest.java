package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each case under {@code src/test/resources/broken/} is a file {@code x.yaml} with its expected problems in
 * {@code x.expected}, or a folder with them in {@code expected.txt}: every problem, in order, with its exact
 * line:column, message and hint, paths relative to the broken folder.
 */
class BrokenCorpusTest {
    static final Path BROKEN = Path.of("src/test/resources/broken");

    @TestFactory
    Stream<DynamicTest> everyBrokenCaseReportsExactlyItsExpectedProblems() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(BROKEN)) {
            cases = list.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(15);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Path expectedFile = Files.isDirectory(c) ? c.resolve("expected.txt")
                    : BROKEN.resolve(c.getFileName().toString().replaceFirst("\\.yaml$", ".expected"));
            String expected = Files.readString(expectedFile);
            ReadResult result = SuiteReader.read(c);
            String actual = result.problems().stream().map(p -> p.format(BROKEN)).collect(Collectors.joining("\n")) + "\n";
            assertThat(actual).isEqualTo(expected);
            if (result.problems().stream().anyMatch(Problem::isError)) {
                assertThat(result.suite()).isNull();
            }
        }));
    }

    @Test
    void problemsPrintAsPathLineColumnSeverityMessageAndHint() {
        ReadResult result = SuiteReader.read(BROKEN.resolve("unknown-keys.yaml"));
        assertThat(result.valid()).isFalse();
        assertThat(result.problems().get(1).toString()).isEqualTo(
                BROKEN.resolve("unknown-keys.yaml") + ":12:5: error: unknown key `sucessCriteria` in a task\n"
                        + "  hint: did you mean `successCriteria`?");
        Problem p = result.problems().get(1);
        assertThat(p.at().line()).isEqualTo(12);
        assertThat(p.at().column()).isEqualTo(5);
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.hint()).isEqualTo("did you mean `successCriteria`?");
    }

    @Test
    void warningsAloneKeepTheSuiteValid() throws IOException {
        Path dir = Files.createTempDirectory("bedside");
        Path file = dir.resolve("warn.yaml");
        Files.writeString(file, """
                suite: {id: w, title: W, candidates: [a]}
                tasks:
                  - id: t
                    title: T
                    instruction: Do it.
                    criticality: low
                    timeLimitSeconds: 30
                    successCriteria: [{description: done, url: {contains: /done}}]
                bindings:
                  a:
                    fragments:
                      spare: {steps: [{click: {text: Spare}}]}
                    tasks:
                      t: {steps: [{click: {text: Go}}]}
                """);
        ReadResult result = SuiteReader.read(file);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.toString()).isEqualTo(file + ":12:7: warning: fragment `spare` is never used");
        });
        assertThat(result.suite()).isNotNull();
    }

    @Test
    void aMissingPathIsAProblemNotAnException() {
        ReadResult result = SuiteReader.read(Path.of("no/such/suite"));
        assertThat(result.suite()).isNull();
        assertThat(result.problems()).singleElement().hasToString("no/such/suite: error: no such file or folder");
    }
}
