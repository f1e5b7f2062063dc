package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.ShippedSuite;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.session.TimingParticipant.Trial;
import bedside.harness.upload.StoreDestination;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.TaskOrder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session's clock chain end to end, on a handful of tasks (a correctness test, not the benchmark: that is
 * {@code bedside.harness.bench.SessionTiming}). A {@link TimingParticipant} presses Start in the panel's Chromium,
 * presses the mouse and a key in the candidate's Chromium and presses Done, at known instants on the JVM's clock (each
 * input stamped with its instant); the stored task time and the stored events' times must give back those intervals.
 * The bounds are loose (a machine busy with other builds must pass) and still fail on a broken chain: a clock started
 * at the wrong press, events stamped on another origin, an interval counted twice.
 */
class SessionTimingIT {
    static final double[][] INTERVALS = {{500, 700, 600}, {900, 500, 800}, {600, 1100, 500}};

    @TempDir
    static Path dir;
    static Database db;
    static ResultsStore store;
    static SampleCandidate streamlined;
    static TimingParticipant participant;
    static List<Trial> trials;

    @BeforeAll
    static void takeTheTasks() throws Throwable {
        Suite suite = TimingParticipant.withoutChecks(ShippedSuite.read());
        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
        CandidateTarget target = ShippedSuite.target(streamlined);
        store.ensureStudy("timing", "session timing");
        store.ensureCandidate("timing", target.id(), target.displayName(), target.vendor());
        SuiteRunner.registerSuite(store, suite);
        participant = new TimingParticipant(n -> INTERVALS[n]);
        try (SessionPanel panel = SessionPanel.start(0)) {
            participant.begin(panel);
            try {
                participant.runner(new TaskRunner(BrowserSettings.local()), new StoreDestination(store, "the test database",
                        "database"), dir.resolve("journal"), panel).run(new SessionRunner.Plan(suite,
                        suite.tasks().subList(0, INTERVALS.length), List.of(target), "timing", "P01", TaskOrder.Mode.FIXED,
                        null, true, false), new PrintStream(System.out)); // a pilot: its checks are stripped, so nothing to score
            } finally {
                participant.finish();
            }
        }
        trials = participant.trials();
    }

    @AfterAll
    static void stop() {
        if (participant != null) participant.close();
        if (streamlined != null) streamlined.close();
        if (db != null) db.close();
    }

    @Test
    void everyTaskWasTimed() {
        assertThat(trials).hasSize(INTERVALS.length);
    }

    @Test
    void theStoredTaskTimeIsThePanelsStartToDoneAndTheInjectedInterval() {
        for (Trial t : trials) {
            AttemptRecord a = store.attempt(t.attemptId()).orElseThrow();
            assertThat((double) a.timeMs()).as("%s: stored vs the panel's own readings", t.task())
                    .isCloseTo(t.panelDone() - t.panelStart(), within(5.0));
            assertThat((double) a.timeMs()).as("%s: stored vs injected (JVM clock)", t.task())
                    .isCloseTo(t.start().toMs(t.done()), within(20.0));
        }
    }

    @Test
    void theStoredEventsGiveTheInjectedIntervals() {
        for (Trial t : trials) {
            AttemptRecord a = store.attempt(t.attemptId()).orElseThrow();
            List<EventRecord> events = store.eventsOfAttempt(t.attemptId());
            EventRecord press = events.stream().filter(e -> e.type().equals("pointer-down") && e.tMs() >= 0).findFirst()
                    .orElseThrow(() -> new AssertionError(t.task() + ": no pointer-down in the task"));
            EventRecord key = events.stream().filter(e -> e.type().equals("key") && e.tMs() >= press.tMs()).findFirst()
                    .orElseThrow(() -> new AssertionError(t.task() + ": no key after the press"));
            assertThat(press.tMs()).as("%s: Start → press", t.task()).isCloseTo(t.start().toMs(t.press()), within(20.0));
            assertThat(key.tMs() - press.tMs()).as("%s: press → key", t.task()).isCloseTo(t.press().toMs(t.key()), within(20.0));
            assertThat(a.timeMs() - key.tMs()).as("%s: key → Done", t.task()).isCloseTo(t.key().toMs(t.done()), within(20.0));
            assertThat(press.json()).containsPattern("\"phase\":\\s*\"task\"");
        }
    }

    @Test
    void theRecorderStampsAnInputWithTheEventsOwnTimeNotWhenItsHandlerRan() {
        for (Trial t : trials) {
            List<EventRecord> events = store.eventsOfAttempt(t.attemptId());
            EventRecord press = events.stream().filter(e -> e.type().equals("pointer-down") && e.tMs() >= 0).findFirst()
                    .orElseThrow();
            EventRecord key = events.stream().filter(e -> e.type().equals("key") && e.tMs() >= press.tMs()).findFirst()
                    .orElseThrow();
            // The page's own timeOrigin + event.timeStamp of the same inputs, read by a listener of the participant's.
            double[] page = t.eventStamps();
            assertThat(page).hasSize(4);
            assertThat(press.tMs()).as("%s: press", t.task()).isCloseTo(page[0] - t.panelStart(), within(0.5));
            assertThat(key.tMs()).as("%s: key", t.task()).isCloseTo(page[2] - t.panelStart(), within(0.5));
        }
    }
}
