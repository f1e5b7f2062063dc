package bedside.harness.session.simulation;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateInstances;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.Stop;
import bedside.harness.run.TaskRunner;
import bedside.harness.run.Workers;
import bedside.harness.session.SessionPanel;
import bedside.harness.session.SessionRunner;
import bedside.harness.upload.ResultsDestination;
import bedside.results.AttemptRecord;
import bedside.scenarios.Binding;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import bedside.scenarios.TaskOrder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A panel of simulated participants, each taking a whole session through the same code path as a person's
 * {@code bedside session}: a {@link SessionRunner} of its own with a {@link SessionPanel} of its own (on a free port),
 * taken by a {@link SimulatedParticipant} in a headless browser of its own, the candidate in headless Chromium with the
 * recorder. Within subjects: every participant takes the tasks on every candidate, candidates and tasks in the
 * session's balanced Latin square order from the participant's place in the study.
 *
 * <p>Sessions run {@code atOnce} at a time (the model's waits are real time: parallel sessions are how a panel stays
 * short), each on candidate instances of its own (a candidate is reset before each task, which would wipe another
 * session's work). A participant's place in the study is its order of consent, so each session starts only after the
 * previous participant's consent is stored: SIM01 is participant 0, SIM02 participant 1, and so on, whatever order
 * the sessions end in.
 *
 * <p>Every session's plan says {@code simulated}; none is a pilot. Nothing here writes an outcome: the sessions store
 * what the panel's clock, the recorder and the binding's checks measured.
 */
public final class SimulatedPanel {
    /** Printed before a simulated panel runs and with its results, always (there is no option to leave it out). */
    public static final String BANNER = "*** SIMULATED PARTICIPANTS: these sessions were taken by a model, not by people."
            + " They show what Bedside measures; they are no evidence about any candidate. ***";

    private final PanelModel model;
    private final BrowserSettings browser;
    private final ResultsDestination destination;
    private final Path journals;
    private Duration uploadPatience = Duration.ofSeconds(20);

    public SimulatedPanel(PanelModel model, BrowserSettings browser, ResultsDestination destination, Path journals) {
        this.model = model;
        this.browser = browser;
        this.destination = destination;
        this.journals = journals;
    }

    public SimulatedPanel uploadPatience(Duration patience) {
        this.uploadPatience = patience;
        return this;
    }

    /**
     * What to run.
     *
     * @param candidates   each with at least {@code atOnce} instances (sample candidates: one started per session at once)
     * @param participants how many (SIM01, SIM02, …)
     * @param atOnce       how many sessions run at the same time
     * @param seed         the model's seed: the same seed, the same draws
     */
    public record Plan(Suite suite, List<Task> tasks, List<CandidateInstances> candidates, String study, int participants,
                       int atOnce, long seed) {
        public Plan {
            tasks = List.copyOf(tasks);
            candidates = List.copyOf(candidates);
            if (participants < 1) {
                throw new IllegalArgumentException("a panel has at least one participant");
            }
            if (atOnce < 1) {
                throw new IllegalArgumentException("at least one session runs at once");
            }
        }
    }

    /**
     * One participant's session.
     *
     * @param session what the session stored (null when it broke off: {@code failure} says why)
     * @param log     what the session printed
     */
    public record Taken(String code, int index, PanelModel.Details details, List<SimulatedParticipant.Did> did,
                        List<SimulatedParticipant.Answered> answered, SessionRunner.Outcome session, String failure,
                        String log) {
        public boolean stored() {
            return session != null && session.answersStored() && session.upload().waiting().isEmpty()
                    && session.upload().refused().isEmpty();
        }
    }

    public record Outcome(List<Taken> participants, Duration took) {
        /** Every session ran to its end and everything it recorded is stored. */
        public boolean complete() {
            return participants.stream().allMatch(t -> t.failure() == null && t.stored());
        }
    }

    /** Runs the panel; prints a line per attempt (a live bar on a terminal), and each session's output if it failed. */
    public Outcome run(Plan plan, PrintStream out) {
        int n = plan.participants();
        int workers = Math.min(plan.atOnce(), n);
        for (CandidateInstances c : plan.candidates()) {
            if (c.instances().size() < workers) {
                throw new IllegalArgumentException("candidate " + c.target().id() + " has " + c.instances().size()
                        + " instance(s) for " + workers + " sessions at once: each session needs its own (a reset before"
                        + " each task would wipe another session's work)");
            }
        }
        int perParticipant = 0;
        for (CandidateInstances c : plan.candidates()) {
            Binding binding = plan.suite().bindings().get(c.target().id());
            perParticipant += (int) plan.tasks().stream().filter(t -> binding == null || !binding.isNotApplicable(t.id()))
                    .count();
        }
        int total = n * perParticipant;
        long began = System.nanoTime();
        CountDownLatch[] consented = new CountDownLatch[n];
        for (int i = 0; i < n; i++) {
            consented[i] = new CountDownLatch(1);
        }
        Taken[] taken = new Taken[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        TaskRunner tasks = new TaskRunner(browser);
        boolean live = System.console() != null;
        try (ProgressBar bar = live ? new ProgressBarBuilder().setTaskName("Simulated panel").setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setMaxRenderedLength(110)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(200).continuousUpdate().build() : null) {
            Object report = new Object();
            List<Runnable> loops = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                loops.add(() -> {
                    for (int i = next.getAndIncrement(); i < n && !Stop.requested(); i = next.getAndIncrement()) {
                        int index = i;
                        taken[i] = take(plan, index, worker, tasks, index == 0 ? null : consented[index - 1],
                                consented[index], a -> {
                                    synchronized (report) {
                                        int k = done.incrementAndGet();
                                        String what = PanelModel.code(index) + " · " + a.candidate() + " · " + a.task();
                                        if (bar != null) {
                                            bar.step();
                                            bar.setExtraMessage(what);
                                        } else {
                                            out.printf(Locale.ROOT, "[%d/%d] %s: %s (%.1f s%s)%n", k, total, what,
                                                    a.outcome().code(), a.timeMs() / 1000.0, misclicks(a));
                                        }
                                    }
                                });
                        if (taken[i].failure() != null) {
                            synchronized (report) {
                                out.println(taken[i].code() + ": the session broke off: " + taken[i].failure());
                                out.print(taken[i].log().indent(4));
                            }
                        }
                    }
                });
            }
            Workers.runAll(loops, "bedside-simulated", "the simulated panel ran");
        }
        List<Taken> all = new ArrayList<>();
        for (Taken t : taken) {
            if (t != null) {
                all.add(t);
            }
        }
        return new Outcome(all, Duration.ofNanos(System.nanoTime() - began));
    }

    private static String misclicks(AttemptRecord a) {
        int m = a.session() == null ? 0 : a.session().misclicks();
        return m == 0 ? "" : ", " + m + " misclick" + (m == 1 ? "" : "s");
    }

    /** One participant's session, after the previous participant's consent; counts its own consent down, whatever happens. */
    private Taken take(Plan plan, int index, int worker, TaskRunner tasks, CountDownLatch previous, CountDownLatch consented,
                       java.util.function.Consumer<AttemptRecord> progress) {
        String code = PanelModel.code(index);
        PanelModel.Participant drawn = model.participant(plan.seed(), index);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream sessionOut = new PrintStream(log, true, StandardCharsets.UTF_8);
        List<CandidateTarget> targets = plan.candidates().stream().map(c -> c.forWorker(worker)).toList();
        String[] failure = {null};
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        SessionRunner.Outcome outcome = null;
        SimulatedParticipant participant = null;
        try (SessionPanel panel = SessionPanel.start(0)) {
            participant = new SimulatedParticipant(drawn, code, browser);
            SimulatedParticipant sim = participant;
            Thread acting = new Thread(() -> {
                try {
                    sim.take(panel.url());
                } catch (Throwable t) {
                    if (!over.get()) { // after the session's end, the participant is only being sent home
                        failure[0] = "the simulated participant failed: " + t;
                        panel.end(failure[0]);
                    }
                }
            }, "bedside-" + code);
            acting.setDaemon(true);
            // The participant's place in the study is its order of consent: the one before must have consented.
            if (previous != null && !previous.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the participant before " + code + " never consented");
            }
            acting.start();
            try {
                outcome = new SessionRunner(tasks, destination, journals, panel, sim).uploadPatience(uploadPatience)
                        .onConsented(consented::countDown).onAttempt(a -> progress.accept(a.attempt()))
                        .run(new SessionRunner.Plan(plan.suite(), plan.tasks(), targets, plan.study(), code,
                                TaskOrder.Mode.LATIN_SQUARE, plan.seed(), false, true), sessionOut);
            } finally {
                over.set(true);
                sim.stop();
                acting.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (RuntimeException e) {
            if (failure[0] == null) {
                failure[0] = e.toString();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure[0] = "interrupted";
        } finally {
            consented.countDown(); // never keeps the next participant waiting
            if (participant != null) {
                participant.close();
            }
        }
        return new Taken(code, index, drawn.details(), participant == null ? List.of() : participant.did(),
                participant == null ? List.of() : participant.answered(), outcome, failure[0],
                log.toString(StandardCharsets.UTF_8));
    }
}
