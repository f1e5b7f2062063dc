package bedside.harness.run;

import bedside.harness.journal.Journal;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a suite's tasks on candidates as one run: every attempt goes to the journal first (forced to disk),
 * then to the results store, so nothing recorded is lost if the store or the process fails.
 */
public final class SuiteRunner {
    /** The participant code of the scripted expert path. */
    public static final String EXPERT = "expert-path";

    private final TaskRunner tasks;
    private final ResultsStore store;
    private final Journal journal;
    private final String study;

    public SuiteRunner(TaskRunner tasks, ResultsStore store, Journal journal, String study) {
        this.tasks = tasks;
        this.store = store;
        this.journal = journal;
        this.study = study;
    }

    /** Stores the suite version (by content hash) and its task texts, so results point to the exact text used. */
    public static void registerSuite(ResultsStore store, Suite suite) {
        List<TaskText> texts = suite.tasks().stream()
                .map(t -> new TaskText(t.id(), t.title(), t.instruction(), sha256(t.id() + "\n" + t.title() + "\n" + t.instruction())))
                .toList();
        store.saveSuiteVersion(suite.id(), suite.version(), suite.contentHash(), suite.title(), texts);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Outcome(RunRecord run, List<AttemptResult> attempts) {}

    public Outcome run(UUID runId, Suite suite, List<CandidateTarget> candidates, List<Task> selected, int repeat, String kind,
                       PrintStream progressOut, Consumer<AttemptResult> onAttempt) {
        RunRecord run = new RunRecord(runId, study, suite.id(), suite.version(), suite.contentHash(), kind, Instant.now(), null);
        journal.run(run);
        store.startRun(run);
        List<AttemptResult> results = new ArrayList<>();
        int total = candidates.size() * selected.size() * repeat;
        // A live bar on a terminal; in a log (CI, a pipe) one line per attempt instead of redrawn lines.
        boolean live = System.console() != null;
        try (ProgressBar bar = live ? new ProgressBarBuilder().setTaskName("Running").setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setMaxRenderedLength(110)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(progressOut))
                .setUpdateIntervalMillis(200).continuousUpdate().build() : null) {
            int done = 0;
            for (CandidateTarget candidate : candidates) {
                SessionRecord session = new SessionRecord(UUID.randomUUID(), runId, candidate.id(), EXPERT, Instant.now());
                journal.session(session);
                store.startSession(session);
                for (Task task : selected) {
                    for (int k = 1; k <= repeat; k++) {
                        String what = candidate.id() + " · " + task.id() + " · attempt " + k + " of " + repeat;
                        if (bar != null) {
                            bar.setExtraMessage(what);
                        }
                        AttemptResult result = tasks.attempt(suite, task, candidate, session.sessionId(), EXPERT, k);
                        journal.attempt(result.attempt(), result.events());
                        try {
                            store.saveAttempt(result.attempt(), result.events());
                            journal.stored(result.attempt().attemptId());
                        } catch (RuntimeException e) {
                            // Kept in the journal; the next run uploads it (storing is idempotent).
                            progressOut.println("warning: attempt " + result.attempt().attemptId() + " is in the journal "
                                    + journal.file() + " but could not be stored yet: " + e.getMessage());
                        }
                        results.add(result);
                        onAttempt.accept(result);
                        done++;
                        if (bar != null) {
                            bar.step();
                        } else {
                            progressOut.printf(java.util.Locale.ROOT, "[%d/%d] %s: %s (%.1f s)%n", done, total, what,
                                    result.attempt().outcome().code(), result.attempt().timeMs() / 1000.0);
                        }
                    }
                }
            }
        }
        RunRecord finished = new RunRecord(runId, study, suite.id(), suite.version(), suite.contentHash(), kind, run.startedAt(),
                Instant.now());
        store.finishRun(runId, finished.finishedAt());
        journal.finished(finished);
        return new Outcome(finished, results);
    }
}
