package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bedside demo} exactly as the README tells a newcomer to run it (the launcher script, the built
 * jar, embedded PostgreSQL in a fresh data folder), twice: the second run adds a run and leaves the first
 * as it was.
 *
 * <p>The first run is also the shipped suite's test: every task along its expert path on both sample candidates in
 * real headless Chromium, as stored. Each must succeed (every success criterion and critical check met), make no
 * validation errors (the candidates' own warnings are recorded as warnings), and the legacy-style candidate must need
 * at least as many clicks as the streamlined one and a longer Keystroke-Level Model time. To work on one task's
 * binding, run it: {@code ./bedside run scenarios/suites/sed-core --candidate legacy --task ID}.
 */
class DemoLauncherIT {
    static final Path ROOT = Launcher.ROOT;
    static final Pattern REPORT = Pattern.compile("(?m)^Report: (.+index\\.html)$");

    @TempDir
    static Path home;
    static Result first;
    static Result second;

    record Result(int exit, String output) {
        Path report() {
            Matcher m = REPORT.matcher(output);
            assertThat(m.find()).as("a Report: line in\n" + output).isTrue();
            return Path.of(m.group(1));
        }
    }

    @BeforeAll
    static void runTwice() throws Exception {
        first = demo();
        // The second run only needs to show that a run is added beside the first: one task keeps it short.
        second = demo("--task", "record-allergy");
    }

    static Result demo(String... options) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("demo"));
        args.addAll(List.of(options));
        ProcessBuilder pb = Launcher.command(home, args.toArray(String[]::new)); // the newcomer's default: embedded
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    static List<AttemptRecord> concat(List<AttemptRecord> a, List<AttemptRecord> b) {
        List<AttemptRecord> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void printsTheTableAndTheReportPath() throws IOException {
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).containsPattern("(?m)^streamlined\\s+record-allergy\\s+success\\s+\\d+\\.\\d+\\s+3\\s+21\\s+2\\s")
                .containsPattern("(?m)^legacy\\s+record-allergy\\s+success\\s+\\d+\\.\\d+\\s+16\\s+10\\s+6\\s")
                .contains("embedded PostgreSQL, data in " + home.resolve("pg"));
        Path report = first.report();
        assertThat(report).startsWith(home.resolve("reports")).exists();
        String html = Files.readString(report);
        assertThat(html).contains("Record a medication allergy", "Streamlined EHR (sample)", "Legacy-style EHR (sample)", "<svg");
    }

    @Test
    void everyShippedTaskSucceedsOnBothCandidatesAlongItsExpertPath() {
        assertThat(first.exit()).as(first.output()).isZero();
        bedside.scenarios.Suite suite = bedside.harness.run.ShippedSuite.read();
        assertThat(suite.candidates()).containsExactlyInAnyOrder("streamlined", "legacy");
        assertThat(suite.tasks()).as("tasks in the shipped suite").hasSizeGreaterThanOrEqualTo(12);
        // Judged by vendor-neutral fhir checks read through each binding's reader (a success means every check met,
        // none "could not be checked"; issue 19).
        assertThat(suite.tasks()).allSatisfy(t -> assertThat(t.successCriteria())
                .allMatch(c -> c instanceof bedside.scenarios.Check.Fhir));
        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            ResultsStore store = new ResultsStore(db);
            RunRecord run = store.runs("demo").stream().min(java.util.Comparator.comparing(RunRecord::startedAt)).orElseThrow();
            java.util.Map<String, AttemptRecord> byKey = new java.util.HashMap<>();
            for (AttemptRecord a : store.attemptsOfRun(run.runId())) {
                byKey.put(a.candidate() + "/" + a.task(), a);
            }
            org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
            for (bedside.scenarios.Task task : suite.tasks()) {
                for (String candidate : List.of("streamlined", "legacy")) {
                    AttemptRecord a = byKey.get(candidate + "/" + task.id());
                    soft.assertThat(a).as(task.id() + " on " + candidate + " ran").isNotNull();
                    if (a == null) {
                        continue;
                    }
                    soft.assertThat(a.outcome()).as(task.id() + " on " + candidate + ": " + a.reason()).isEqualTo(Outcome.SUCCESS);
                    List<bedside.results.EventRecord> events = store.eventsOfAttempt(a.attemptId());
                    // An expert path makes no input errors: the candidate's own warnings (interaction checks, clinical
                    // alerts) must be recorded as warnings, not as validation errors.
                    soft.assertThat(a.validationErrors()).as(task.id() + " on " + candidate + ": validation messages "
                            + events.stream().filter(e -> e.type().equals("validation")).map(e -> e.json()).toList()).isZero();
                    if (task.id().contains("interaction")) {
                        soft.assertThat(events).as(task.id() + " on " + candidate + ": the warning shown")
                                .anyMatch(e -> e.type().equals("warning"));
                    }
                }
                AttemptRecord s = byKey.get("streamlined/" + task.id());
                AttemptRecord l = byKey.get("legacy/" + task.id());
                if (s != null && l != null) {
                    soft.assertThat(l.clicks()).as(task.id() + ": legacy clicks vs streamlined clicks").isGreaterThanOrEqualTo(s.clicks());
                    soft.assertThat(l.klmMs()).as(task.id() + ": legacy KLM time vs streamlined KLM time").isGreaterThan(s.klmMs());
                }
            }
            soft.assertAll();
        }
    }

    @Test
    void aSecondRunAddsARunAndKeepsTheFirst() {
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.report()).isNotEqualTo(first.report()).exists();
        assertThat(first.report()).exists();
        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            ResultsStore store = new ResultsStore(db);
            List<RunRecord> runs = store.runs("demo").stream()
                    .sorted(java.util.Comparator.comparing(RunRecord::startedAt)).toList();
            assertThat(runs).hasSize(2).allMatch(r -> r.finishedAt() != null);
            int tasks = bedside.harness.run.ShippedSuite.read().tasks().size();
            // The first run: every task on both candidates, each attempt once; the second: one task on both.
            List<AttemptRecord> firstAttempts = store.attemptsOfRun(runs.get(0).runId());
            List<AttemptRecord> secondAttempts = store.attemptsOfRun(runs.get(1).runId());
            assertThat(firstAttempts).hasSize(2 * tasks);
            assertThat(secondAttempts).hasSize(2).allMatch(a -> a.task().equals("record-allergy"));
            for (AttemptRecord a : concat(firstAttempts, secondAttempts)) {
                assertThat(a.outcome()).as(a.candidate() + "/" + a.task() + ": " + a.reason()).isEqualTo(Outcome.SUCCESS);
                assertThat(store.eventCount(a.attemptId())).isGreaterThan(10);
            }
        }
    }
}
