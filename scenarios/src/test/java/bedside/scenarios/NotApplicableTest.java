package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A binding may mark a task {@code notApplicable}; a run may leave tasks it does not select unbound. */
class NotApplicableTest {

    static final String SUITE = """
            suite: {id: na, title: N/A, candidates: [alpha, beta]}
            tasks:
              - {id: find, title: Find, instruction: Find., criticality: low, timeLimitSeconds: 9,
                 successCriteria: [{description: done, dom: {css: p}}]}
              - {id: image, title: Image, instruction: Order imaging., criticality: high, timeLimitSeconds: 9,
                 successCriteria: [{description: done, dom: {css: p}}]}
              - {id: print, title: Print, instruction: Print., criticality: low, timeLimitSeconds: 9,
                 successCriteria: [{description: done, dom: {css: p}}]}
            """;

    static Path folder(String alpha, String beta) throws IOException {
        Path dir = Files.createTempDirectory("bedside-na");
        Files.writeString(dir.resolve("suite.yaml"), SUITE);
        Files.createDirectories(dir.resolve("bindings"));
        Files.writeString(dir.resolve("bindings/alpha.yaml"), alpha);
        Files.writeString(dir.resolve("bindings/beta.yaml"), beta);
        return dir;
    }

    static final String ALPHA = """
            candidate: alpha
            tasks:
              find: {steps: [{open: /find}]}
              image: {notApplicable: "The candidate has no imaging module (vendor statement 2026-11-02)"}
              print: {steps: [{open: /print}]}
            """;
    /** Binds only `find`. */
    static final String BETA = """
            candidate: beta
            tasks:
              find: {steps: [{open: /find}]}
            """;

    @Test
    void aTaskMarkedNotApplicableIsReadWithItsReasonAndIsNoError() throws IOException {
        Path dir = folder(ALPHA, ALPHA.replace("alpha", "beta"));
        ReadResult read = SuiteReader.read(dir);
        assertThat(read.problems()).isEmpty();
        Binding alpha = read.suite().bindings().get("alpha");
        assertThat(alpha.tasks()).containsOnlyKeys("find", "print");
        assertThat(alpha.notApplicable()).containsOnlyKeys("image");
        assertThat(alpha.notApplicable().get("image").reason())
                .isEqualTo("The candidate has no imaging module (vendor statement 2026-11-02)");
        assertThat(alpha.notApplicable().get("image").at().line()).isEqualTo(4);
        assertThat(alpha.isNotApplicable("image")).isTrue();
        assertThat(alpha.isUnbound("image")).isFalse();
    }

    @Test
    void validateStaysStrictAboutATaskNeitherBoundNorMarked() throws IOException {
        Path dir = folder(ALPHA, BETA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Validation.check(List.of(dir), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(Validation.INVALID);
        assertThat(text).contains("bindings/beta.yaml:2:1: error: the binding for `beta` has no steps for task `image`")
                .contains("the binding for `beta` has no steps for task `print`")
                .contains("or `image: {notApplicable: \"why\"}` if the candidate cannot do it")
                .doesNotContain("`alpha` has no steps");
    }

    @Test
    void aRunsSelectionNeedsOnlyItsTasksBound() throws IOException {
        Path dir = folder(ALPHA, BETA);
        ReadResult one = SuiteReader.read(dir, new SuiteReader.Selection(List.of("beta"), List.of("find")));
        assertThat(one.problems()).isEmpty();
        Binding beta = one.suite().bindings().get("beta");
        assertThat(beta.isUnbound("image")).isTrue();
        assertThat(beta.isUnbound("find")).isFalse();
        // alpha is not selected: nothing is asked of it, but it is still read
        assertThat(SuiteReader.read(dir, new SuiteReader.Selection(List.of("alpha"), List.of())).problems()).isEmpty();
        // a selected task that is unbound is still an error, and only that one
        ReadResult two = SuiteReader.read(dir, new SuiteReader.Selection(List.of("beta"), List.of("find", "print")));
        assertThat(two.suite()).isNull();
        assertThat(two.errors()).extracting(Problem::message)
                .containsExactly("the binding for `beta` has no steps for task `print`");
        // no candidate selected: every candidate must bind the selected tasks
        assertThat(SuiteReader.read(dir, new SuiteReader.Selection(List.of(), List.of("image"))).errors())
                .extracting(Problem::message).containsExactly("the binding for `beta` has no steps for task `image`");
    }

    @Test
    void aSelectionStillReportsEveryOtherError() throws IOException {
        Path dir = folder(ALPHA, BETA + "  print: {notApplicable: \"\"}\n");
        ReadResult read = SuiteReader.read(dir, new SuiteReader.Selection(List.of("beta"), List.of("find")));
        assertThat(read.errors()).extracting(Problem::toString).containsExactly(
                dir.resolve("bindings/beta.yaml") + ":4:26: error: `notApplicable` needs a reason\n"
                        + "  hint: say why the candidate cannot do task `print`, e.g. notApplicable: "
                        + "\"no imaging module (vendor statement 2026-11-02)\"");
    }

    @Test
    void theBindingSchemaAcceptsAReasonAndRejectsAnEmptyOneOrOneBesideSteps() throws IOException {
        Path dir = folder(ALPHA, BETA);
        assertThat(SchemaTest.validate(dir.resolve("bindings/alpha.yaml"))).isEmpty();
        for (String bad : List.of("{notApplicable: \"\"}", "{notApplicable: \"  \"}", "{notApplicable: true}",
                "{notApplicable: no module, steps: [{open: /x}]}")) {
            Files.writeString(dir.resolve("bindings/beta.yaml"), BETA + "  image: " + bad + "\n");
            Set<ValidationMessage> errors = SchemaTest.validate(dir.resolve("bindings/beta.yaml"));
            assertThat(errors).as(bad).isNotEmpty();
        }
    }
}
