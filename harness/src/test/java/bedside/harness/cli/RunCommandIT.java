package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bedside run} through the launcher and the built jar, as an evaluator runs it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCommandIT {
    static final Path ROOT = Launcher.ROOT;
    static final Pattern REPORT = Pattern.compile("(?m)^Report: (.+index\\.html)$");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    record Result(int exit, String output) {
        Path report() {
            Matcher m = REPORT.matcher(output);
            assertThat(m.find()).as("a Report: line in\n" + output).isTrue();
            return Path.of(m.group(1));
        }
    }

    static Result bedside(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = Launcher.command(home, args);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("$ bedside " + String.join(" ", args) + "\n" + out);
        return new Result(p.exitValue(), out);
    }

    @Test
    @Order(1)
    void anInvalidSuiteRunsNothingAndExits2() throws Exception {
        Path bad = home.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(ROOT.resolve("harness/src/test/resources/faults/suite.yaml"))
                .replaceFirst("    criticality: low\n", ""));
        Result r = bedside(Map.of(), "run", bad.toString(), "--candidate", "faulty");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).containsPattern("bad\\.yaml:\\d+:\\d+: error: task `goes-down` is missing `criticality`")
                .contains("nothing was run").doesNotContain("Candidate").doesNotContain("Results:");
        assertThat(home.resolve("pg")).doesNotExist();
    }

    @Test
    @Order(2)
    void usageErrorsExit2() throws Exception {
        Result noCandidate = bedside(Map.of(), "run", "scenarios/suites/sed-core");
        assertThat(noCandidate.exit()).isEqualTo(2);
        assertThat(noCandidate.output()).contains("--candidate");
        Result unknown = bedside(Map.of(), "run", "scenarios/suites/sed-core", "--candidate", "nobody");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("no binding for candidate \"nobody\"");
        Result unknownTask = bedside(Map.of(), "run", "scenarios/suites/sed-core", "--candidate", "legacy", "--task", "nope");
        assertThat(unknownTask.exit()).isEqualTo(2);
        assertThat(unknownTask.output()).contains("no task nope");
    }

    @Test
    @Order(3)
    void runsInParallelOnTheSamplesWithScreenshotsAndJson() throws Exception {
        Path json = home.resolve("attempts.json");
        Result r = bedside(Map.of(), "run", "scenarios/suites/sed-core", "--candidate", "streamlined", "--candidate", "legacy",
                "--task", "record-allergy", "--repeat", "2", "--parallel", "2", "--screenshots", "--json", json.toString(), "--study", "run-it");
        assertThat(r.exit()).as(r.output()).isZero();
        // One sample instance per worker and candidate: 2 × 2, said in a line a candidate.
        assertThat(Pattern.compile("(?m)^Candidate up: (streamlined|legacy) +http://127\\.0\\.0\\.1:\\d+/? \\(and 1 more "
                + "instance\\(s\\) on ports of their own").matcher(r.output()).results().count()).isEqualTo(2);
        assertThat(r.output()).containsPattern("(?m)^streamlined\\s+record-allergy\\s+success\\s+\\d+\\.\\d+\\s+3\\s+21\\s+2\\s")
                .containsPattern("(?m)^streamlined\\s+record-allergy #2\\s+success\\s+\\d+\\.\\d+\\s+3\\s+21\\s+2\\s")
                .containsPattern("(?m)^legacy\\s+record-allergy #2\\s+success\\s+\\d+\\.\\d+\\s+16\\s+10\\s+6\\s");

        JsonNode attempts = JSON.readTree(json.toFile());
        assertThat(attempts).hasSize(4);
        for (JsonNode a : attempts) {
            assertThat(a.fieldNames()).toIterable().containsExactlyInAnyOrder("attempt_id", "candidate", "task", "attempt_no",
                    "outcome", "reason", "failed_step", "time_ms", "clicks", "keystrokes", "screens", "page_loads",
                    "validation_errors", "system_response_ms", "klm_ms");
            assertThat(a.path("outcome").asText()).isEqualTo("success");
            assertThat(a.path("time_ms").asLong()).isPositive();
        }
        assertThat(attempts.get(0).path("candidate").asText()).isEqualTo("streamlined");
        assertThat(attempts.get(0).path("clicks").asInt()).isEqualTo(3);
        assertThat(attempts.get(3).path("candidate").asText()).isEqualTo("legacy");
        assertThat(attempts.get(3).path("attempt_no").asInt()).isEqualTo(2);
        assertThat(attempts.get(3).path("clicks").asInt()).isEqualTo(16);

        // Screenshots after each step in the report folder, and a click map per screen with a dot per click.
        Path report = r.report();
        Path shots = report.getParent().resolve("shots");
        try (Stream<Path> pngs = Files.walk(shots)) {
            assertThat(pngs.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThan(20);
        }
        String html = Files.readString(report);
        assertThat(html).contains("Click maps", "class=\"clickmap\"", "<image href=\"shots/");
        // A dot per pointer click the page saw in the timed steps: 3 per streamlined attempt; 13 of a legacy one's 16
        // clicks (each of its 3 drop-down lists is opened by a click on the page, drawn, and its option is chosen in
        // the browser's own list, outside the page: counted as a click, but with no place on the page to draw).
        long dots = Pattern.compile("<g class=\"dot\">").matcher(html).results().count();
        assertThat(dots).as(html).isEqualTo(2 * 3 + 2 * 13);
        Matcher image = Pattern.compile("<image href=\"([^\"]+)\"").matcher(html);
        while (image.find()) {
            assertThat(report.getParent().resolve(image.group(1))).exists();
        }

        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            ResultsStore store = new ResultsStore(db);
            List<RunRecord> runs = store.runs("run-it");
            assertThat(runs).hasSize(1).allMatch(run -> run.kind().equals("run") && run.finishedAt() != null);
            List<AttemptRecord> stored = store.attemptsOfRun(runs.get(0).runId());
            assertThat(stored).hasSize(4).extracting(AttemptRecord::outcome).containsOnly(Outcome.SUCCESS);
        }

        // Any attempt's replay, as a page that opens from disk (issue 15): written where asked, or under the home.
        String id = attempts.get(3).path("attempt_id").asText();
        Path page = home.resolve("disputed.html");
        Result replay = bedside(Map.of(), "replay", "run-it", id, "--html", page.toString());
        assertThat(replay.exit()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("Replay of record-allergy on legacy, attempt 2: " + page);
        assertThat(Files.readString(page)).contains("Replay: record-allergy on legacy, attempt 2", "rrwebPlayer",
                "the task&#39;s clock starts", "id=\"replay-data\"");
        // The run report links every attempt's replay, written beside it: the very page `bedside replay` writes, made
        // from what the run held rather than read back from the store.
        List<String> links = Pattern.compile("<a href=\"(replays/[0-9a-f-]+\\.html)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(links).hasSize(4).doesNotHaveDuplicates().contains("replays/" + id + ".html");
        assertThat(Files.readString(report.getParent().resolve("replays/" + id + ".html"))).isEqualTo(Files.readString(page));
        Result unknown = bedside(Map.of(), "replay", "run-it", java.util.UUID.randomUUID().toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.output()).contains("study run-it has no attempt");
        Result notAnId = bedside(Map.of(), "replay", "run-it", "not-an-id");
        assertThat(notAnId.exit()).isEqualTo(2);
        assertThat(notAnId.output()).contains("not-an-id is not an attempt's id", "bedside replay run-it lists them")
                .doesNotContain("Exception");
        Result toDirectory = bedside(Map.of(), "replay", "run-it", id, "--html", home.toString());
        assertThat(toDirectory.exit()).isEqualTo(2);
        assertThat(toDirectory.output()).contains("is a directory; give the page's file name");
        // Without an attempt: the study's attempts that have a replay, with the ids to give it.
        Result listed = bedside(Map.of(), "replay", "run-it");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("ATTEMPT", "4 attempt(s) with a replay", id);
        assertThat(listed.output().lines().filter(l -> l.contains("record-allergy") && l.contains("expert path")
                && l.contains("success"))).hasSize(4);
        // The page never gives a participant's study code (it is served to the candidate's vendor too).
        assertThat(Files.readString(page)).contains("· expert path ·").doesNotContain("· participant ");
    }

    @Test
    @Order(4)
    void runsOnACandidateGivenByUrlAndWarnsThatParallelAttemptsShareIt() throws Exception {
        try (bedside.candidates.SampleCandidate external = bedside.candidates.SampleCandidates.start("streamlined", 0)) {
            Path json = home.resolve("external.json");
            Result r = bedside(Map.of(), "run", "scenarios/suites/sed-core", "--candidate", "streamlined",
                    "--url", external.baseUrl().toString(), "--reset-url", external.baseUrl() + "/admin/reset",
                    "--task", "record-allergy", "--repeat", "2", "--parallel", "2", "--json", json.toString());
            // Two attempts at once on one server share its data (and one's reset can undo the other's work): what
            // their outcomes are is up to the interleaving — the warning says so. Both ran and were reported.
            assertThat(r.exit()).as(r.output()).isIn(0, 1);
            assertThat(r.output()).doesNotContain("Candidate up:").contains("Candidate:    streamlined  " + external.baseUrl())
                    .contains("share its state");
            JsonNode attempts = JSON.readTree(json.toFile());
            assertThat(attempts).hasSize(2).allMatch(a -> a.path("candidate").asText().equals("streamlined"));
        }
    }

    @Test
    @Order(5)
    void anAccessibilityAuditOfThePathsScreensIsInTheReport() throws Exception {
        Result r = bedside(Map.of(), "run", "scenarios/suites/sed-core", "--candidate", "legacy", "--candidate",
                "streamlined", "--task", "record-allergy", "--a11y");
        assertThat(r.exit()).as(r.output()).isZero();
        String report = Files.readString(r.report());
        assertThat(report).contains("Accessibility of the paths' screens", "without a fault",
                "href=\"https://dequeuniversity.com/rules/axe/", "<code>#forename</code>", "<code>/patient/search.do</code>",
                "scrollable-region-focusable", "color-contrast", "1.4.3");
        // the streamlined candidate's screens were audited and are clean
        java.util.regex.Matcher clean = Pattern.compile("<h3>Streamlined EHR \\(sample\\)</h3>\\s*<p>(\\d+) screen\\(s\\) audited, "
                + "(\\d+) without a fault\\.</p>").matcher(report);
        assertThat(clean.find()).as(report.substring(report.indexOf("id=\"accessibility\""))).isTrue();
        assertThat(clean.group(1)).isEqualTo(clean.group(2));
        assertThat(Integer.parseInt(clean.group(1))).isGreaterThanOrEqualTo(2);
    }
}
