package bedside.harness.run;

import bedside.harness.journal.Journal;
import bedside.harness.upload.ResultsDestination;
import bedside.harness.upload.StoreDestination;
import bedside.harness.upload.Uploader;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.ResultsStore;
import bedside.reports.analysis.NotApplicableRow;
import bedside.scenarios.Binding;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a suite's tasks on candidates as one run: every attempt goes to the journal first (forced to disk), then,
 * by the {@link Uploader} on its own thread, to the results destination, so nothing recorded is lost if the
 * destination or the process fails, and an outage of the destination does not hold the run up.
 */
public final class SuiteRunner {
    /** The participant code of the scripted expert path. */
    public static final String EXPERT = "expert-path";

    /** How long the end of a run waits for the destination to take what is queued while no attempt gets through. */
    public static final Duration UPLOAD_PATIENCE = Duration.ofSeconds(20);

    private final TaskRunner tasks;
    private final ResultsDestination destination;
    private final Journal journal;
    private final String study;
    private Duration uploadPatience = UPLOAD_PATIENCE;

    public SuiteRunner(TaskRunner tasks, ResultsDestination destination, Journal journal, String study) {
        this.tasks = tasks;
        this.destination = destination;
        this.journal = journal;
        this.study = study;
    }

    public SuiteRunner(TaskRunner tasks, ResultsStore store, Journal journal, String study) {
        this(tasks, new StoreDestination(store, "the results database", "database"), journal, study);
    }

    /** How long the end of the run waits for an unreachable destination before leaving the rest in the journal. */
    public SuiteRunner uploadPatience(Duration patience) {
        this.uploadPatience = patience;
        return this;
    }

    /** Stores the suite version (by content hash) and its task texts, so results point to the exact text used. */
    public static void registerSuite(ResultsStore store, Suite suite) {
        registerSuite(new StoreDestination(store, "the results database", "database"), suite);
    }

    public static void registerSuite(ResultsDestination destination, Suite suite) {
        List<TaskText> texts = suite.tasks().stream()
                .map(t -> TaskText.of(t.id(), t.title(), t.instruction()).given(bedside.scenarios.Parameters.resolve(
                        t.instruction(), bedside.scenarios.Parameters.effectiveValues(suite, t))))
                .toList();
        destination.saveSuiteVersion(suite.id(), suite.version(), suite.contentHash(), suite.title(), texts);
    }

    /**
     * The selected tasks that the candidates' bindings mark {@code notApplicable}, with the reasons, in the order
     * candidate, task: a run never attempts them.
     */
    public static List<NotApplicableRow> notApplicable(Suite suite, List<String> candidates, List<Task> selected) {
        List<NotApplicableRow> marks = new ArrayList<>();
        for (String c : candidates) {
            bedside.scenarios.Binding binding = suite.bindings().get(c);
            if (binding == null) continue;
            for (Task t : selected) {
                Binding.NotApplicable na = binding.notApplicable().get(t.id());
                if (na != null) marks.add(new NotApplicableRow(c, t.id(), na.reason()));
            }
        }
        return marks;
    }

    /**
     * @param upload what reached the destination during the run, and what still waits in the journal
     * @param resumed how many attempts an earlier, cut-off process made of this run (0 for a new run)
     */
    public record Outcome(RunRecord run, List<AttemptResult> attempts, Uploader.Summary upload, int resumed) {}

    /**
     * A run that an earlier process began and did not finish: its run and sessions as journalled, the attempts it
     * made (finished, or cut off as system errors) by slot. The run goes on with the slots never begun.
     */
    public record Resume(RunRecord run, List<SessionRecord> sessions, Map<Journal.Slot, AttemptResult> earlier) {}

    /** One attempt to make: the candidate, the task, which repetition. */
    private record Job(int index, CandidateInstances candidate, SessionRecord session, Task task, int k) {}

    public Outcome run(UUID runId, Suite suite, List<CandidateTarget> candidates, List<Task> selected, int repeat, String kind,
                       PrintStream progressOut, Consumer<AttemptResult> onAttempt) {
        return run(runId, suite, candidates.stream().map(CandidateInstances::single).toList(), selected, repeat, 1, kind,
                progressOut, onAttempt, null);
    }

    /**
     * Runs every selected task {@code repeat} times on every candidate, {@code parallel} attempts at once (each
     * worker on its own instance of a candidate where there are enough). Attempts come back in the order
     * candidate, task, repetition, whatever order they finished in.
     *
     * @param resume a cut-off run to go on with (its run id, sessions and the slots it began are kept), or null for a
     *               new run under {@code runId}
     */
    public Outcome run(UUID runId, Suite suite, List<CandidateInstances> candidates, List<Task> selected, int repeat,
                       int parallel, String kind, PrintStream progressOut, Consumer<AttemptResult> onAttempt, Resume resume) {
        RunRecord run;
        Map<String, SessionRecord> sessions = new HashMap<>();
        if (resume == null) {
            run = new RunRecord(runId, study, suite.id(), suite.version(), suite.contentHash(), kind, Instant.now(), null);
            journal.run(run);
            destination.startRun(run);
        } else {
            run = resume.run();
            resume.sessions().forEach(s -> sessions.put(s.candidate(), s));
        }
        // Every slot of the plan, in order; those an earlier process of this run began are not run again.
        List<Job> jobs = new ArrayList<>();
        List<Job> slots = new ArrayList<>();
        for (CandidateInstances candidate : candidates) {
            SessionRecord session = sessions.get(candidate.target().id());
            if (session == null) {
                session = new SessionRecord(UUID.randomUUID(), run.runId(), candidate.target().id(), EXPERT, Instant.now());
                journal.session(session);
                destination.startSession(study, session);
            }
            bedside.scenarios.Binding binding = suite.bindings().get(candidate.target().id());
            for (Task task : selected) {
                if (binding != null && binding.isNotApplicable(task.id())) {
                    continue; // never attempted: the run's table and report show it as n/a (notApplicable)
                }
                for (int k = 1; k <= repeat; k++) {
                    Job job = new Job(slots.size(), candidate, session, task, k);
                    slots.add(job);
                    if (resume == null || !resume.earlier().containsKey(slot(job))) {
                        jobs.add(job);
                    }
                }
            }
        }
        AttemptResult[] results = new AttemptResult[slots.size()];
        if (resume != null) {
            for (Job job : slots) {
                results[job.index()] = resume.earlier().get(slot(job));
            }
        }
        Uploader uploader = new Uploader(destination, journal, progressOut);
        int total = jobs.size();
        int workers = Math.max(1, Math.min(parallel, total));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Object report = new Object();
        // A live bar on a terminal; in a log (CI, a pipe) one line per attempt instead of redrawn lines.
        boolean live = System.console() != null;
        try (ProgressBar bar = live ? new ProgressBarBuilder().setTaskName("Running").setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setMaxRenderedLength(110)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(progressOut))
                .setUpdateIntervalMillis(200).continuousUpdate().build() : null) {
            Runnable[] loops = new Runnable[workers];
            for (int w = 0; w < workers; w++) {
                int worker = w;
                loops[w] = () -> {
                    for (int i = next.getAndIncrement(); i < total && !Stop.requested(); i = next.getAndIncrement()) {
                        Job job = jobs.get(i);
                        String what = job.candidate().target().id() + " · " + job.task().id() + " · attempt " + job.k()
                                + " of " + repeat;
                        if (bar != null) {
                            bar.setExtraMessage(what + (workers > 1 ? " (" + workers + " at once)" : ""));
                        }
                        AttemptResult result = attempt(suite, job, job.candidate().forWorker(worker), uploader);
                        results[job.index()] = result;
                        synchronized (report) {
                            onAttempt.accept(result);
                            int n = done.incrementAndGet();
                            if (bar != null) {
                                bar.step();
                            } else {
                                progressOut.printf(java.util.Locale.ROOT, "[%d/%d] %s: %s (%.1f s)%n", n, total, what,
                                        result.attempt().outcome().code(), result.attempt().timeMs() / 1000.0);
                            }
                        }
                    }
                };
            }
            if (workers == 1) {
                loops[0].run();
            } else {
                Workers.runAll(List.of(loops), "bedside-worker", "attempts were running");
            }
        }
        if (Stop.requested()) {
            // Stopped by a signal: the run stays unfinished in its journal, so the same command resumes it.
            throw new IllegalStateException("Bedside was stopped; run " + run.runId() + " resumes with the same command");
        }
        RunRecord finished = new RunRecord(run.runId(), study, suite.id(), suite.version(), suite.contentHash(), kind,
                run.startedAt(), Instant.now());
        journal.finished(finished);
        Uploader.Summary upload = uploader.finish(uploadPatience);
        try {
            destination.finishRun(study, run.runId(), finished.finishedAt());
        } catch (RuntimeException e) {
            // The journal says the run finished; the next upload tells the destination.
            progressOut.println("warning: could not mark run " + run.runId() + " finished in " + destination.describe()
                    + ": " + e.getMessage());
        }
        List<AttemptResult> ordered = new ArrayList<>();
        for (AttemptResult r : results) {
            if (r != null) {
                ordered.add(r);
            }
        }
        return new Outcome(finished, ordered, upload, resume == null ? 0 : resume.earlier().size());
    }

    private static Journal.Slot slot(Job job) {
        return new Journal.Slot(job.candidate().target().id(), job.task().id(), job.k());
    }

    /** One attempt: its events journalled in batches while it runs, then the whole attempt journalled and queued. */
    private AttemptResult attempt(Suite suite, Job job, CandidateTarget instance, Uploader uploader) {
        Stop.enter();
        try {
            JournalListener toJournal = new JournalListener(journal);
            AttemptResult result;
            try {
                result = tasks.attempt(suite, job.task(), instance, job.session().sessionId(), EXPERT, job.k(), toJournal);
            } catch (RuntimeException e) {
                // Nothing the runner did should end the run: record it as the system's failure and go on.
                result = brokeOff(toJournal, job.session().sessionId(), job.candidate().target().id(), job.task().id(),
                        EXPERT, job.k(), e);
            }
            journal.attempt(result.attempt(), result.events(), result.replay());
            uploader.submit(study, result.attempt(), result.events(), result.replay());
            return result;
        } finally {
            Stop.exit();
        }
    }

    /**
     * An attempt the runner itself broke off (a fault of Bedside's): a system error, under the id it was journalled
     * with if it got that far (else a replay would store it twice).
     */
    public static AttemptResult brokeOff(JournalListener journalled, UUID sessionId, String candidate, String task,
                                         String participant, int attemptNo, RuntimeException e) {
        UUID id = journalled.attemptId() != null ? journalled.attemptId() : UUID.randomUUID();
        return new AttemptResult(new bedside.results.AttemptRecord(id, sessionId, candidate, task, participant, attemptNo,
                bedside.results.Outcome.SYSTEM_ERROR, "the attempt broke off: " + e, null, Instant.now(), 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0), List.of(), List.of(), null, false);
    }
}
