package bedside.harness.cli;

import bedside.results.StudyPlan;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study's plan as an evaluator makes it, from the command line on the embedded database: bad input refused with
 * located messages and nothing written; the plan written, then locked (its hash printed is the SHA-256 of the canonical
 * JSON {@code study show --json} prints); a session refused before the lock and before any browser opens; locking twice
 * and changing a locked plan refused; another suite version refused for sessions and runs with both hashes named;
 * {@code verify} checking the plan, and finding it altered by SQL.
 */
class StudyPlanIT {
    @TempDir
    static Path home;

    static RunCommandIT.Result bedside(String... args) throws Exception {
        Process p = Launcher.command(home, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        System.out.println("$ bedside " + String.join(" ", args) + "\n" + out);
        return new RunCommandIT.Result(p.exitValue(), out);
    }

    @Test
    void thePlanIsFixedBeforeTheFirstSessionAndHoldsEverySessionToIt() throws Exception {
        String suite = Launcher.ROOT.resolve("scenarios/suites/sed-core").toString();
        Path weights = home.resolve("W.csv");
        Files.writeString(weights, "task,weight\nrecord-allergy,9\nno-such-task,1\n");

        // Bad input: located messages, nothing written.
        RunCommandIT.Result r = bedside("study", "plan", "ward-a", "--suite", suite, "--candidates", "streamlined,legacy",
                "--task", "record-allergy", "--task", "review-results", "--weights", weights.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains(weights + ":3: error: task \"no-such-task\" is not a task of suite sed-core")
                .contains("no weight for task(s) review-results").contains("nothing was written");
        r = bedside("study", "plan", "ward-a", "--suite", suite, "--candidates", "streamlined,epic");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("candidate \"epic\" has no binding in suite sed-core (bound: streamlined, "
                + "legacy)");
        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, "id: x\ntasks: [\n");
        r = bedside("study", "plan", "ward-a", "--suite", broken.toString(), "--candidates", "streamlined");
        assertThat(r.exit()).as(r.output()).isEqualTo(2); // an invalid suite, as for run
        assertThat(r.output()).contains(broken + ":3:1: error: YAML syntax").contains("is invalid (1 error); nothing was "
                + "written.");
        r = bedside("study", "plan", "ward-a", "--suite", suite);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("Missing required option: '--candidates=ID'");
        r = bedside("study", "show", "ward-a");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("study ward-a has no plan");

        Files.writeString(weights, "task,criticality,frequency\nrecord-allergy,3,3\nreview-results,2,1.5\n");
        r = bedside("study", "plan", "ward-a", "--suite", suite, "--candidates", "streamlined,legacy", "--task",
                "record-allergy", "--task", "review-results", "--weights", weights.toString(), "--participants", "12");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Plan of study ward-a: not locked").contains("candidates  streamlined, legacy")
                .containsPattern("(?m)^  record-allergy +9 ").containsPattern("(?m)^  review-results +3 ")
                .contains("bedside study lock ward-a");

        // A session before the lock is refused before any candidate or browser starts.
        String[] session = {"session", suite, "--candidate", "streamlined", "--participant", "P01", "--study", "ward-a",
                "--task", "record-allergy", "--headless", "--no-panel-window"};
        r = bedside(session);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("study ward-a's plan is not locked: lock it with `bedside study lock ward-a`")
                .contains("Nothing was run").doesNotContain("Task panel:");

        r = bedside("study", "lock", "ward-a");
        assertThat(r.exit()).as(r.output()).isZero();
        Matcher hash = Pattern.compile("Locked the plan of study ward-a: (sha256:[0-9a-f]{64})").matcher(r.output());
        assertThat(hash.find()).as(r.output()).isTrue();
        String json = bedside("study", "show", "ward-a", "--json").output().strip();
        assertThat(StudyPlan.hashOf(json)).isEqualTo(hash.group(1));
        StudyPlan plan = StudyPlan.fromJson(json);
        assertThat(plan.canonicalJson()).isEqualTo(json);
        assertThat(plan.tasks()).extracting(StudyPlan.PlanTask::weight).containsExactly(9.0, 3.0);
        assertThat(plan.analysis().participantsPerCandidate()).isEqualTo(12);

        // Its sessions are not audited for accessibility (and the plan's JSON says nothing of it, as plans written
        // before the setting): a participant's session that asks for the audit is refused, nothing run.
        assertThat(plan.auditSessions()).isFalse();
        assertThat(json).doesNotContain("auditSessions");
        assertThat(bedside("study", "show", "ward-a").output()).contains("sessions    not audited for accessibility");
        String[] audited = java.util.Arrays.copyOf(session, session.length + 1);
        audited[session.length] = "--a11y";
        r = bedside(audited);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("study ward-a's plan does not audit its sessions for accessibility")
                .contains("--audit-sessions").contains("Nothing was run").doesNotContain("Task panel:");

        // A stand-in (a program at the participant's mouse and keyboard) never joins a real study...
        String[] standIn = java.util.Arrays.copyOf(session, session.length + 1);
        standIn[session.length] = "--simulated";
        r = bedside(standIn);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("study ward-a is a real study: simulated participants never join it")
                .contains("Nothing was run").doesNotContain("Task panel:");
        // ...and a simulation's plan says so, and takes no person's session.
        r = bedside("study", "plan", "rehearsal", "--suite", suite, "--candidates", "streamlined", "--task",
                "record-allergy", "--simulated");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Plan of study rehearsal (SIMULATED)");
        assertThat(bedside("study", "lock", "rehearsal").exit()).isZero();
        String[] person = session.clone();
        person[java.util.Arrays.asList(person).indexOf("ward-a")] = "rehearsal";
        r = bedside(person);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("study rehearsal is a simulation (its plan says so): real participants do not "
                + "join it").contains("Nothing was run");

        // A study planned to audit them: every session is, and its plan says so in the hashed JSON.
        r = bedside("study", "plan", "ward-b", "--suite", suite, "--candidates", "streamlined", "--task",
                "record-allergy", "--audit-sessions");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("sessions    audited for accessibility (WCAG 2.2 A/AA), every one");
        assertThat(StudyPlan.fromJson(bedside("study", "show", "ward-b", "--json").output().strip()).auditSessions())
                .isTrue();
        assertThat(bedside("study", "show", "ward-b", "--json").output()).contains("\"auditSessions\":true");

        // Locked: it never changes, and locking again is refused.
        r = bedside("study", "lock", "ward-a");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("already locked").contains(hash.group(1));
        r = bedside("study", "plan", "ward-a", "--suite", suite, "--candidates", "streamlined", "--task",
                "record-allergy");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("locked").contains(hash.group(1));
        assertThat(bedside("study", "show", "ward-a", "--json").output().strip()).isEqualTo(json);

        // Another version of the suite: refused for a session and for a run, both hashes named, nothing run.
        Path other = home.resolve("other-suite");
        Files.createDirectories(other.resolve("bindings"));
        Path source = Launcher.ROOT.resolve("scenarios/suites/sed-core");
        Files.writeString(other.resolve("suite.yaml"), Files.readString(source.resolve("suite.yaml"))
                + "\n# edited after the plan was locked\n");
        for (String b : new String[] {"streamlined.yaml", "legacy.yaml"}) {
            Files.copy(source.resolve("bindings").resolve(b), other.resolve("bindings").resolve(b));
        }
        session[1] = other.toString();
        r = bedside(session);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).containsPattern("suite sha256:[0-9a-f]{64} is not the suite of study ward-a's plan \\("
                + Pattern.quote("sha256:" + plan.suite().hash()) + ", sed-core").contains("Nothing was run");
        r = bedside("run", other.toString(), "--candidate", "streamlined", "--task", "record-allergy", "--study",
                "ward-a");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("is not the suite of study ward-a's plan").contains("Nothing was run")
                .doesNotContain("[1/");

        r = bedside("verify", "ward-a");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains(hash.group(1));

        // The plan altered in the database, around its guard: verify names it.
        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            db.dsl().execute("ALTER TABLE study_plans DISABLE TRIGGER USER");
            db.dsl().execute("UPDATE study_plans SET plan_json = replace(plan_json, '\"weight\":9.0', '\"weight\":1.0')"
                    + " WHERE study_code = 'ward-a'");
            db.dsl().execute("ALTER TABLE study_plans ENABLE TRIGGER USER");
        }
        r = bedside("verify", "ward-a");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).containsIgnoringCase("plan");
    }
}
