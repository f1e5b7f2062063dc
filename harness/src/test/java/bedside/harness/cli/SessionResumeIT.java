package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.SessionRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code kill -9} of {@code ./bedside session} at three points — mid-task, between tasks (at the SEQ) and during the
 * SUS — each followed by the same command: the session resumes at the next unfinished task, the interrupted attempt
 * is kept as a system error and never given again, the unanswered SEQ and SUS are asked, nothing is lost or stored
 * twice, and the chain verifies. A fifth start of the same command is refused: the participant has had the tasks.
 */
class SessionResumeIT {
    static final Pattern PANEL = Pattern.compile("Task panel: +(http://\\S+)");
    static final String[] COMMAND = {"session", "scenarios/suites/sed-core", "--candidate", "streamlined", "--participant",
            "P01", "--study", "resume", "--task", "record-allergy", "--task", "review-results", "--task", "update-patient",
            "--order", "fixed", "--headless", "--no-panel-window"};

    @TempDir
    static Path home;
    static Browsers.Session panelBrowser;
    static final List<ProcessHandle> leftovers = new ArrayList<>();
    static final List<String> tasksShown = new ArrayList<>();
    static boolean detailsAskedAgain;
    static int lastExit;
    static String lastOutput;
    static int refusedExit;
    static String refusedOutput;

    @BeforeAll
    static void aSessionKilledThreeTimes() throws Exception {
        // The study's plan first, as an evaluator makes it: a session starts only on a locked plan.
        for (String[] command : new String[][] {
                {"study", "plan", "resume", "--suite", "scenarios/suites/sed-core", "--candidates", "streamlined",
                        "--task", "record-allergy", "--task", "review-results", "--task", "update-patient"},
                {"study", "lock", "resume"}}) {
            Process plan = Launcher.command(home, command).start();
            String said = new String(plan.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(plan.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            assertThat(plan.exitValue()).as(said).isZero();
        }
        panelBrowser = Browsers.start(BrowserSettings.local());
        WebDriver panel = panelBrowser.driver();

        // 1: consent and details, the first task started, then killed mid-task.
        Process p = launch(1, panel);
        awaitScreen(panel, "consent");
        panel.findElement(By.id("role")).sendKeys("physician");
        panel.findElement(By.id("yearsInRole")).sendKeys("4");
        panel.findElement(By.id("ehrExperienceYears")).sendKeys("4");
        new org.openqa.selenium.support.ui.Select(panel.findElement(By.id("ageBand"))).selectByValue("30-39");
        panel.findElement(By.id("assistiveTechnology")).sendKeys("none");
        panel.findElement(By.id("consent")).click();
        panel.findElement(By.id("continue")).click();
        startTask(panel);
        awaitScreen(panel, "running");
        awaitJournal("events"); // the attempt's first events are on disk
        kill(p);

        // 2: consent only; the second task done, killed at its SEQ.
        p = launch(2, panel);
        awaitScreen(panel, "consent");
        detailsAskedAgain = !panel.findElements(By.id("role")).isEmpty();
        panel.findElement(By.id("consent")).click();
        panel.findElement(By.id("continue")).click();
        startTask(panel);
        awaitScreen(panel, "running");
        panel.findElement(By.id("done")).click();
        awaitScreen(panel, "seq");
        kill(p);

        // 3: the SEQ asked first, then the third task; killed at the SUS.
        p = launch(3, panel);
        awaitScreen(panel, "consent");
        panel.findElement(By.id("consent")).click();
        panel.findElement(By.id("continue")).click();
        answerSeq(panel, 3);
        startTask(panel);
        awaitScreen(panel, "running");
        panel.findElement(By.id("done")).click();
        answerSeq(panel, 5);
        awaitScreen(panel, "sus");
        kill(p);

        // 4: the SUS, and the end.
        p = launch(4, panel);
        awaitScreen(panel, "consent");
        panel.findElement(By.id("consent")).click();
        panel.findElement(By.id("continue")).click();
        awaitScreen(panel, "sus");
        for (int i = 1; i <= 10; i++) {
            panel.findElement(By.cssSelector("input[name='sus" + i + "'][value='" + (i % 2 == 1 ? 4 : 2) + "']")).click();
        }
        panel.findElement(By.id("submit")).click();
        awaitScreen(panel, "end");
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        lastExit = p.exitValue();
        lastOutput = Files.readString(home.resolve("session-4.log"));

        // 5: the same command once more.
        Process again = Launcher.command(home, COMMAND).start();
        refusedOutput = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        refusedExit = again.exitValue();
    }

    @AfterAll
    static void cleanUp() {
        if (panelBrowser != null) {
            panelBrowser.close();
        }
        leftovers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theSessionWentOnWhereItWasCutAndEnded() {
        // Exit 1 as for a resumed run: one of the session's attempts is a system error (the interrupted one).
        assertThat(lastExit).as(lastOutput).isEqualTo(BedsideCli.PROBLEM);
        assertThat(lastOutput).contains("Resuming the session of P01").contains("Stored as run");
        assertThat(detailsAskedAgain).as("the details are asked once per study").isFalse();
        // Three different tasks were shown, each once: the interrupted one was not given again.
        assertThat(tasksShown).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void everyTaskHasOneAttemptAndTheInterruptedOneIsNotCounted() {
        try (Database db = Database.open(DatabaseConfig.embedded(home.resolve("pg")))) {
            ResultsStore store = new ResultsStore(db);
            List<SessionRecord> sessions = store.sessionsOfStudy("resume");
            assertThat(sessions).hasSize(1);
            SessionRecord s = sessions.get(0);
            assertThat(store.run(s.runId()).orElseThrow().finishedAt()).isNotNull();
            List<AttemptRecord> attempts = store.attemptsOfRun(s.runId());
            assertThat(attempts).extracting(AttemptRecord::task).containsExactlyInAnyOrderElementsOf(s.order().tasks());
            AttemptRecord first = attempts.stream().filter(a -> a.task().equals(s.order().tasks().get(0))).findFirst()
                    .orElseThrow();
            assertThat(first.outcome()).isEqualTo(Outcome.SYSTEM_ERROR);
            assertThat(first.reason()).contains("cut off").contains("during the task");
            assertThat(store.eventCount(first.attemptId())).isPositive();
            for (AttemptRecord a : attempts) {
                if (a != first) {
                    assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.FAILURE);
                    assertThat(a.session().participantSaid()).isEqualTo("done");
                }
            }
            List<TaskRatingRecord> ratings = store.taskRatings("resume");
            assertThat(ratings).extracting(TaskRatingRecord::task)
                    .containsExactlyInAnyOrder(s.order().tasks().get(1), s.order().tasks().get(2));
            assertThat(ratings).extracting(TaskRatingRecord::rating).containsExactlyInAnyOrder(3, 5);
            List<SusRecord> sus = store.susAnswers("resume");
            assertThat(sus).hasSize(1);
            assertThat(sus.get(0).answers()).containsExactly(4, 2, 4, 2, 4, 2, 4, 2, 4, 2);
            assertThat(store.participant("resume", "P01").orElseThrow().role()).isEqualTo("physician");
            assertThat(store.verify("resume").intact()).isTrue();
        }
        assertThat(Journal.pending(home.resolve("journal"))).isEmpty();
    }

    @Test
    void aSecondSessionOfTheSameParticipantIsRefused() {
        assertThat(refusedExit).as(refusedOutput).isEqualTo(BedsideCli.USAGE);
        assertThat(refusedOutput).contains("P01 already has a session on streamlined in study resume")
                .contains("Nothing was stored");
    }

    private static Process launch(int n, WebDriver panel) throws Exception {
        Path log = home.resolve("session-" + n + ".log");
        Process p = Launcher.command(home, COMMAND).redirectOutput(log.toFile()).start();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            Matcher m = PANEL.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                panel.get(m.group(1));
                return p;
            }
            assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no task panel: " + Files.readString(log));
    }

    private static void kill(Process p) throws Exception {
        List<ProcessHandle> children = p.toHandle().descendants().toList();
        leftovers.addAll(children);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        p.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            if (c.info().command().map(x -> x.contains("chrom")).orElse(false)) {
                c.destroyForcibly();
            }
        }
    }

    private static void startTask(WebDriver panel) {
        awaitScreen(panel, "task");
        tasksShown.add(panel.findElement(By.tagName("h1")).getText());
        panel.findElement(By.id("start")).click();
    }

    private static void answerSeq(WebDriver panel, int rating) {
        awaitScreen(panel, "seq");
        panel.findElement(By.cssSelector("input[name='rating'][value='" + rating + "']")).click();
        panel.findElement(By.id("next")).click();
    }

    private static void awaitScreen(WebDriver panel, String screen) {
        try {
            new WebDriverWait(panel, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(50)).until(d ->
                    screen.equals(((JavascriptExecutor) d).executeScript(
                            "const s = document.getElementById('screen'); return s && s.dataset.screen;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            StringBuilder logs = new StringBuilder();
            for (int n = 1; n <= 4; n++) {
                Path log = home.resolve("session-" + n + ".log");
                try {
                    logs.append("--- session-").append(n).append(".log\n").append(Files.exists(log) ? Files.readString(log) : "");
                } catch (java.io.IOException ignored) {
                    // shown as far as it could be read
                }
            }
            throw new AssertionError("the panel never showed " + screen + "; it shows: "
                    + panel.findElement(By.id("screen")).getText() + "\n" + logs, e);
        }
    }

    private static void awaitJournal(String kind) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            if (Launcher.journal(home).stream().anyMatch(l -> l.path("kind").asText().equals(kind))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing of kind " + kind + " was journalled");
    }
}
