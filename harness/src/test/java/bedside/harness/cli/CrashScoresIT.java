package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.analysis.Exclusion;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.server.ResultsServer;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: real runs killed at several points — SIGKILL in an attempt's setup, SIGTERM in the middle of a task,
 * SIGKILL and SIGTERM while an outcome is being checked — each resumed by the same command; then the study is
 * scored through the API and through {@code analyze} on {@code bedside export}. Both answer, agree exactly, leave
 * every attempt the crashes cut off out of every measure and say how many and why; and per task they give what a
 * run that never crashed gives (every attempt that ran to its outcome a success, nothing else scored).
 */
class CrashScoresIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TASKS = List.of("record-allergy", "order-lab");

    @TempDir
    static Path home;
    @TempDir
    static Path cleanHome;
    static final List<ProcessHandle> leftovers = new ArrayList<>();
    /** What each kill left: the phase the journal showed, and whether the attempt was cut off before its end. */
    static final Map<String, String> kills = new LinkedHashMap<>();
    static String exportOut;
    static String analyzeOut;

    static String[] runArgs(String study) {
        List<String> a = new ArrayList<>(List.of("run", "scenarios/suites/sed-core", "--candidate", "legacy",
                "--study", study));
        TASKS.forEach(t -> { a.add("--task"); a.add(t); });
        return a.toArray(String[]::new);
    }

    static String run(Path h, String... args) throws IOException, InterruptedException {
        Process p = Launcher.command(h, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("$ bedside " + String.join(" ", args) + " -> " + p.exitValue() + "\n" + out);
        return out;
    }

    static List<JsonNode> journal(Path h) throws IOException {
        return Launcher.journal(h);
    }

    static long count(List<JsonNode> lines, String kind) {
        return lines.stream().filter(l -> l.path("kind").asText().equals(kind)).count();
    }

    /**
     * Starts the run, waits until the journal shows {@code when} for the run's {@code nth} attempt, sends the
     * signal, then reruns the same command (which resumes the cut-off run).
     */
    static void killAndResume(String label, boolean sigkill, String when, int nth) throws Exception {
        List<JsonNode> before = journal(home);
        long startsBefore = count(before, "attempt-start");
        long marksBefore = count(before, when);
        Process child = Launcher.command(home, runArgs("crashes")).redirectOutput(home.resolve(label + ".log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 180_000;
        boolean ready = false;
        while (!ready && System.currentTimeMillis() < deadline && child.isAlive()) {
            List<JsonNode> lines = journal(home);
            ready = count(lines, "attempt-start") >= startsBefore + nth && count(lines, when) >= marksBefore + nth;
            if (!ready) {
                Thread.sleep(5);
            }
        }
        assertThat(ready).as(label + ": " + Files.readString(home.resolve(label + ".log"))).isTrue();
        List<ProcessHandle> family = child.toHandle().descendants().toList();
        leftovers.addAll(family);
        if (sigkill) {
            child.destroyForcibly();
        } else {
            child.destroy();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (sigkill) {
            // A killed JVM's browsers would live on as orphans: end them (this test's own processes).
            family.stream().filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        } else {
            assertThat(family.stream().filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false)))
                    .as(label + ": a stopped run leaves no browser behind").isEmpty();
        }
        List<JsonNode> after = journal(home);
        kills.put(label, when + ": " + (count(after, "attempt-start") - count(after, "attempt")) + " cut off");
        System.out.println(label + " -> " + kills.get(label) + "\n" + Files.readString(home.resolve(label + ".log")));
        String resumed = run(home, runArgs("crashes"));
        assertThat(resumed).as(label).contains("Resuming run").contains("Stored as run");
    }

    @BeforeAll
    static void crashResumeAndExport() throws Exception {
        killAndResume("sigkill-in-setup", true, "attempt-start", 1);
        killAndResume("sigterm-mid-task", false, "clock", 1);
        killAndResume("sigkill-while-checking", true, "clock-stop", 2);
        killAndResume("sigterm-while-checking", false, "clock-stop", 1);
        run(cleanHome, runArgs("clean"));
        exportOut = run(home, "export", "crashes", "--attempts", home.resolve("attempts.csv").toString(),
                "--sus", home.resolve("sus.csv").toString());
        analyzeOut = run(home, "analyze", "--attempts", home.resolve("attempts.csv").toString(), "--sus",
                home.resolve("sus.csv").toString(), "--json", home.resolve("analysis.json").toString());
    }

    @AfterAll
    static void cleanUp() {
        leftovers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static List<AttemptRecord> stored(Path h, String study) {
        try (Database db = Database.open(DatabaseConfig.embedded(h.resolve("pg")))) {
            return new ResultsStore(db).attemptsOfStudy(study, null);
        }
    }

    /** GET /api/studies/{study}/scores with an evaluator's token, on the home's own database. */
    static JsonNode scores(Path h, String study) throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(h.resolve("pg")));
             ResultsServer server = ResultsServer.start(db, 0)) {
            String token = new AccessTokens(db).create(Role.EVALUATOR, study, null, "eva", "test").secret();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/studies/" + study + "/scores"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }
    }

    @Test
    void everyCrashLeftOnlySystemErrorsAndTheStudyScoresAsIfItNeverCrashed() throws Exception {
        List<AttemptRecord> attempts = stored(home, "crashes");
        List<AttemptRecord> notScored = attempts.stream().filter(a -> !Exclusion.scored(a.outcome().code())).toList();
        // Bedside being stopped is never the candidate's failure, nor the binding's.
        assertThat(attempts).extracting(AttemptRecord::outcome)
                .containsOnly(Outcome.SUCCESS, Outcome.SYSTEM_ERROR);
        assertThat(notScored).as(kills.toString()).isNotEmpty().allSatisfy(a -> assertThat(a.reason())
                .containsAnyOf("cut off", "Bedside was stopped"));
        // at least the kill in setup and the SIGTERM in the middle of a task cut an attempt off
        assertThat(notScored.stream().filter(a -> a.reason().contains("in its setup"))).isNotEmpty();
        assertThat(notScored.stream().filter(a -> a.reason().contains("Bedside was stopped"))).isNotEmpty();

        JsonNode crashed = scores(home, "crashes");
        JsonNode clean = scores(cleanHome, "clean");
        JsonNode legacy = crashed.at("/candidates/0");
        assertThat(legacy.path("candidate").asText()).isEqualTo("legacy");
        assertThat(legacy.at("/not_scored/attempts").asInt()).isEqualTo(notScored.size());
        assertThat(legacy.at("/not_scored/summary").asText()).isEqualTo(notScored.size()
                + (notScored.size() == 1 ? " attempt" : " attempts") + " not scored: system error");
        // Per task, what a run that never crashed gives: the attempt that ran to its outcome, a success.
        Predicate<JsonNode> isTask = t -> TASKS.contains(t.path("task").asText());
        assertThat(legacy.path("tasks")).hasSize(TASKS.size()).allMatch(isTask);
        for (int i = 0; i < TASKS.size(); i++) {
            JsonNode t = legacy.at("/tasks/" + i);
            JsonNode c = clean.at("/candidates/0/tasks/" + i);
            assertThat(t.path("task")).isEqualTo(c.path("task"));
            assertThat(t.path("attempts")).isEqualTo(c.path("attempts"));
            assertThat(t.at("/completion")).isEqualTo(c.at("/completion"));
            assertThat(t.at("/errors")).isEqualTo(c.at("/errors"));
            assertThat(t.at("/critical_errors")).isEqualTo(c.at("/critical_errors"));
        }
        assertThat(clean.at("/candidates/0/not_scored/attempts").asInt()).isZero();
    }

    @Test
    void analyzeOnTheExportGivesExactlyTheScoresOfTheApi() throws Exception {
        assertThat(exportOut).contains("Wrote").contains("not scored");
        assertThat(analyzeOut).doesNotContain("error:");
        JsonNode analysed = JSON.readTree(home.resolve("analysis.json").toFile());
        // /scores also says what only the store knows (no locked plan here: scripted runs, equal weights).
        assertThat(analysed).isEqualTo(bedside.results.server.Scores.withoutStoreFields(scores(home, "crashes")));
        assertThat(Files.readString(home.resolve("attempts.csv"))).contains(",legacy,").contains("system-error");
    }
}
