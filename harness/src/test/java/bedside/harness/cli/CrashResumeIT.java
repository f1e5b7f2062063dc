package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a running {@code bedside run} in the middle of an attempt, then a rerun of the same command:
 * the journal holds what the killed run recorded (its event batches were journalled while the attempt ran), and the
 * rerun resumes the killed run — it stores everything not yet stored (the finished attempts and the cut-off one,
 * with its events, as a system error), runs the attempts never begun under the same run, and finishes it. A third,
 * different run uploads nothing more and resumes nothing: nothing is lost and nothing duplicated.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CrashResumeIT {
    static final Path ROOT = Launcher.ROOT;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static UUID killedRun;
    static Set<UUID> started = new LinkedHashSet<>();
    static Set<UUID> finishedBeforeKill = new HashSet<>();
    static long journalledEventsOfCutOff;
    static UUID cutOff;
    static String rerun;
    static String third;
    static final List<ProcessHandle> leftovers = new ArrayList<>();

    static ProcessBuilder bedside(String... args) {
        return Launcher.command(home, args);
    }

    static String run(String... args) throws IOException, InterruptedException {
        Process p = bedside(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("$ bedside " + String.join(" ", args) + "\n" + out);
        return out;
    }

    static List<JsonNode> journal() throws IOException {
        return Launcher.journal(home);
    }

    @BeforeAll
    static void killMidAttemptThenRerun() throws Exception {
        Process child = bedside("run", "scenarios/suites/sed-core", "--candidate", "legacy", "--task", "record-allergy",
                "--repeat", "4", "--study", "crash").redirectOutput(home.resolve("killed.log").toFile()).start();
        // Wait until the third attempt has begun and journalled at least one batch of its events.
        long deadline = System.currentTimeMillis() + 300_000; // a slow or shared machine: the demo may run beside it
        boolean ready = false;
        while (!ready && System.currentTimeMillis() < deadline && child.isAlive()) {
            List<JsonNode> lines = journal();
            List<String> starts = lines.stream().filter(l -> l.path("kind").asText().equals("attempt-start"))
                    .map(l -> l.path("body").path("attemptId").asText()).toList();
            if (starts.size() >= 3) {
                String third = starts.get(2);
                ready = lines.stream().anyMatch(l -> l.path("kind").asText().equals("events")
                        && l.path("body").path("attemptId").asText().equals(third));
            }
            if (!ready) {
                Thread.sleep(50);
            }
        }
        assertThat(ready).as(Files.readString(home.resolve("killed.log"))).isTrue();
        leftovers.addAll(child.toHandle().descendants().toList());
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        child.waitFor(30, TimeUnit.SECONDS);
        // The killed JVM's browsers would live on as orphans: end them (they are this test's own processes).
        for (ProcessHandle p : leftovers) {
            if (p.info().command().map(c -> c.contains("chrom")).orElse(false)) {
                p.destroyForcibly();
            }
        }

        List<JsonNode> lines = journal();
        killedRun = UUID.fromString(lines.stream().filter(l -> l.path("kind").asText().equals("run")).findFirst().orElseThrow()
                .path("body").path("runId").asText());
        lines.stream().filter(l -> l.path("kind").asText().equals("attempt-start"))
                .forEach(l -> started.add(UUID.fromString(l.path("body").path("attemptId").asText())));
        lines.stream().filter(l -> l.path("kind").asText().equals("attempt"))
                .forEach(l -> finishedBeforeKill.add(UUID.fromString(l.path("body").path("attempt").path("attemptId").asText())));
        cutOff = started.stream().filter(id -> !finishedBeforeKill.contains(id)).findFirst().orElse(null);
        if (cutOff != null) {
            Set<String> keys = new HashSet<>();
            lines.stream().filter(l -> l.path("kind").asText().equals("events")
                            && l.path("body").path("attemptId").asText().equals(cutOff.toString()))
                    .flatMap(l -> { List<JsonNode> es = new ArrayList<>(); l.path("body").path("events").forEach(es::add); return es.stream(); })
                    .forEach(e -> keys.add(e.path("doc").asText() + "#" + e.path("batch").asText() + "#" + e.path("index").asText()));
            journalledEventsOfCutOff = keys.size();
        }
        assertThat(Journal.pending(home.resolve("journal"))).isNotEmpty();

        rerun = run("run", "scenarios/suites/sed-core", "--candidate", "legacy", "--task", "record-allergy",
                "--repeat", "4", "--study", "crash");
        third = run("run", "scenarios/suites/sed-core", "--candidate", "legacy", "--task", "record-allergy", "--study", "crash");
    }

    @AfterAll
    static void cleanUp() {
        // Whatever the killed run left (its embedded PostgreSQL, if the rerun did not take it over).
        leftovers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theKilledAttemptWasCutOffMidway() {
        assertThat(started).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cutOff).as("an attempt under way when the process was killed").isNotNull();
        assertThat(journalledEventsOfCutOff).isPositive();
    }

    @Test
    void theRerunResumesTheKilledRunAndTheThirdRunIsNew() {
        assertThat(rerun).contains("Resuming run " + killedRun).contains("running the rest")
                .contains("Stored as run " + killedRun);
        assertThat(third).doesNotContain("that an earlier run journalled but had not stored").doesNotContain("Resuming");
        assertThat(Journal.pending(home.resolve("journal"))).isEmpty();
    }

    @Test
    void everythingRecordedBeforeTheKillIsStoredOnce() {
        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            ResultsStore store = new ResultsStore(db);
            List<RunRecord> runs = store.runs("crash");
            assertThat(runs).as("the rerun resumed the killed run; the third is a run of its own").hasSize(2);
            RunRecord killed = runs.stream().filter(r -> r.runId().equals(killedRun)).findFirst().orElseThrow();
            assertThat(killed.finishedAt()).as("the resumed run came to its end").isNotNull();
            List<AttemptRecord> attempts = store.attemptsOfRun(killedRun);
            // Every attempt that began is stored, once; the ones never begun were run by the rerun: one per slot.
            assertThat(attempts).extracting(AttemptRecord::attemptId).containsAll(started);
            assertThat(attempts).extracting(AttemptRecord::attemptNo).containsExactlyInAnyOrder(1, 2, 3, 4);
            for (AttemptRecord a : attempts) {
                if (!started.contains(a.attemptId())) {
                    assertThat(a.outcome()).as("an attempt the rerun made").isEqualTo(Outcome.SUCCESS);
                } else if (finishedBeforeKill.contains(a.attemptId())) {
                    assertThat(a.outcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(store.eventCount(a.attemptId())).isGreaterThan(20);
                } else {
                    assertThat(a.outcome()).isEqualTo(Outcome.SYSTEM_ERROR);
                    assertThat(a.reason()).contains("cut off");
                    assertThat(store.eventCount(a.attemptId())).isEqualTo(journalledEventsOfCutOff);
                }
            }
        }
    }

    /** Last: {@code bedside verify} finds the stored record intact, then names the row a direct SQL update altered. */
    @Test
    @org.junit.jupiter.api.Order(100)
    void verifyNamesTheRowAnUpdateAltered() throws Exception {
        Process ok = bedside("verify", "crash").start();
        String intact = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ok.waitFor()).as(intact).isZero();
        assertThat(intact).contains("Study crash is intact");
        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            db.dsl().execute("update attempts set clicks = clicks + 1 where attempt_id = ?", cutOff);
        }
        Process bad = bedside("verify", "crash").start();
        String altered = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor()).as(altered).isEqualTo(1);
        assertThat(altered).contains("Study crash is ALTERED").contains("First altered row: attempts").contains(cutOff.toString());
    }
}
