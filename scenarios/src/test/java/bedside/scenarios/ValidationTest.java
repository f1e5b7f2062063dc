package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Path... paths) {
        return Validation.check(List.of(paths), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidSuitePrintsOneSummaryLine() {
        assertThat(run(SuiteReaderTest.ALLERGY)).isEqualTo(Validation.VALID);
        assertThat(out()).isEqualTo("sed-core: valid (1 task, 2 candidates)" + System.lineSeparator());
    }

    @Test
    void anInvalidSuitePrintsEveryProblemThenTheCount() {
        Path file = BrokenCorpusTest.BROKEN.resolve("fragments.yaml");
        assertThat(run(file)).isEqualTo(Validation.INVALID);
        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(file + ":23:52: error: `pasword` is neither a parameter of fragment `login` "
                + "nor in data set `default` or the parameters of task `sign-in`");
        assertThat(lines.get(1)).isEqualTo("  hint: did you mean `${password}`?");
        assertThat(lines).last().isEqualTo("fragments.yaml: 5 errors, 1 warning");
    }

    @Test
    void severalSuitesGetOneSummary() {
        assertThat(run(SuiteReaderTest.ALLERGY, SuiteReaderTest.SINGLE)).isEqualTo(Validation.VALID);
        assertThat(out()).isEqualTo("2 suites checked: all valid" + System.lineSeparator());
        out.reset();
        assertThat(run(SuiteReaderTest.ALLERGY, BrokenCorpusTest.BROKEN.resolve("task-rules.yaml"))).isEqualTo(Validation.INVALID);
        assertThat(out().lines().toList()).last().isEqualTo("2 suites checked: 8 errors in 1 suite");
    }

    @Test
    void aBindingFileOrAFolderOfSuitesStandsForItsSuites() {
        assertThat(run(SuiteReaderTest.ALLERGY.resolve("bindings/legacy.yaml"))).isEqualTo(Validation.VALID);
        assertThat(out()).startsWith("sed-core: valid");
        out.reset();
        assertThat(run(Path.of("src/test/resources/valid"))).isEqualTo(Validation.VALID);
        assertThat(out()).startsWith("2 suites checked: all valid");
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThat(run(SuiteReaderTest.ALLERGY, Path.of("no-such-suite"))).isEqualTo(Validation.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: no such file or folder: no-such-suite");
        assertThat(out()).isEmpty();
        assertThat(run()).isEqualTo(Validation.USAGE);
    }
}
