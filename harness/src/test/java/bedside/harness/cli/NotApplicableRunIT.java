package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binding that marks a task {@code notApplicable} and leaves another unbound: {@code validate} refuses it, while
 * {@code run --task} of a bound and the n/a task runs the bound one (one short browser run), never attempts the n/a one
 * and shows it as n/a with its reason in the table, the report and the JSON.
 */
class NotApplicableRunIT {
    static final String REASON = "The candidate has no imaging module (vendor statement 2026-11-02)";

    @TempDir
    static Path home;

    static RunCommandIT.Result bedside(String... args) throws Exception {
        Process p = Launcher.command(home, args).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        System.out.println("$ bedside " + String.join(" ", args) + "\n" + out);
        return new RunCommandIT.Result(p.exitValue(), out);
    }

    @Test
    void runNeedsOnlyTheSelectedTasksBoundAndNeverAttemptsAnNaTask() throws Exception {
        Path suite = home.resolve("suite");
        Path source = Launcher.ROOT.resolve("scenarios/suites/sed-core");
        Files.createDirectories(suite.resolve("bindings"));
        Files.copy(source.resolve("suite.yaml"), suite.resolve("suite.yaml"));
        Files.copy(source.resolve("bindings/legacy.yaml"), suite.resolve("bindings/legacy.yaml"));
        String streamlined = Files.readString(source.resolve("bindings/streamlined.yaml"))
                .replaceFirst("(?ms)^  order-imaging:\n.*?(?=^  prescribe-medication:)",
                        "  order-imaging: {notApplicable: \"" + REASON + "\"}\n")
                .replaceFirst("(?ms)^  reconcile-medications:\n.*?(?=^  [a-z-]+:|\\z)", "");
        assertThat(streamlined).contains(REASON).doesNotContain("reconcile-medications:");
        Files.writeString(suite.resolve("bindings/streamlined.yaml"), streamlined);

        // validate stays strict: reconcile-medications is neither bound nor marked
        RunCommandIT.Result validate = bedside("validate", suite.toString());
        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.output()).contains("the binding for `streamlined` has no steps for task `reconcile-medications`")
                .contains("1 error").doesNotContain("order-imaging");

        Path json = home.resolve("attempts.json");
        RunCommandIT.Result r = bedside("run", suite.toString(), "--candidate", "streamlined",
                "--task", "record-allergy", "--task", "order-imaging", "--json", json.toString(), "--study", "na-it");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("error:")
                .contains("Not applicable: streamlined / order-imaging (" + REASON + "): not attempted")
                .containsPattern("(?m)^streamlined\\s+record-allergy\\s+success\\s")
                .containsPattern("(?m)^streamlined\\s+order-imaging\\s+n/a\\s")
                .contains("streamlined / order-imaging: not applicable: " + REASON)
                .doesNotContain("[2/");

        JsonNode attempts = new ObjectMapper().readTree(json.toFile());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("task").asText()).isEqualTo("record-allergy");
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("success");
        assertThat(attempts.get(1).path("task").asText()).isEqualTo("order-imaging");
        assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("n/a");
        assertThat(attempts.get(1).path("reason").asText()).isEqualTo(REASON);
        assertThat(attempts.get(1).has("attempt_id")).isFalse();

        String html = Files.readString(r.report());
        assertThat(html).contains("class=\"o n-a\">n/a</span>", REASON);
        // nothing about order-imaging was journalled as an attempt
        try (Stream<JsonNode> lines = Launcher.journal(home).stream()) {
            assertThat(lines.filter(l -> "order-imaging".equals(l.path("task").asText()))).isEmpty();
        }
        // the mark is stored with the run's suite version, so /scores shows the task as n/a with the reason
        try (bedside.results.store.Database db = bedside.results.store.Database.open(
                bedside.results.store.DatabaseConfig.embedded(home.resolve("pg")))) {
            var store = new bedside.results.store.ResultsStore(db);
            assertThat(store.notApplicable("na-it", null)).singleElement().satisfies(m -> {
                assertThat(m.candidate()).isEqualTo("streamlined");
                assertThat(m.task()).isEqualTo("order-imaging");
                assertThat(m.reason()).isEqualTo(REASON);
            });
            var analysis = new bedside.results.server.Scores(store).analyze("na-it", null);
            assertThat(analysis.candidates().get(0).notApplicable()).extracting(n -> n.task()).containsExactly("order-imaging");
        }
    }
}
