package bedside.harness.session;

import bedside.harness.journal.Journal;
import bedside.harness.run.AttemptListener;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.JournalListener;
import bedside.harness.run.Stop;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.upload.ResultsDestination;
import bedside.harness.upload.Uploader;
import bedside.results.AttemptRecord;
import bedside.results.MarkerRecord;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.scenarios.Binding;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import bedside.scenarios.TaskOrder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A moderated session: one participant takes a suite's tasks on one or more candidates, through the task panel.
 * Participant first (consent; the details asked once per study), then per candidate — in the counterbalanced order —
 * each task in the session's order: the candidate reset and brought to the task's start screen exactly as in a
 * scripted run, the clock run by the participant from the panel, the candidate's state judged by the binding's
 * checks, then the SEQ; after the candidate's last task the SUS.
 *
 * <p>Everything goes to the journal first (forced to disk) and then to the destination, as in a scripted run: the
 * attempts through the {@link Uploader}, the participant's details, ratings and SUS answers at the end (they are
 * small; a later run or {@code bedside upload} sends whatever could not be stored).
 */
public final class SessionRunner {
    private final TaskRunner tasks;
    private final ResultsDestination destination;
    private final Path journals;
    private final SessionPanel panel;
    private final ParticipantWatcher watcher;
    private java.util.function.Consumer<AttemptResult> onAttempt = a -> { };
    private Runnable onConsented = () -> { };
    private Duration uploadPatience = SuiteRunner.UPLOAD_PATIENCE;
    private ObserverPage observer;

    // Where the session is now, for markers (set by the session's thread, read by the observer page's).
    private volatile Journal journal;
    private volatile SessionRecord currentSession;
    private volatile String currentTask;
    private volatile UUID currentAttempt;
    private volatile double clockStart = Double.NaN;
    private final List<MarkerRecord> markers = java.util.Collections.synchronizedList(new ArrayList<>());
    // The attempt's browser window, pictured when the observer marks a use error on it (the evidence a report shows).
    private volatile bedside.harness.run.Camera camera = bedside.harness.run.Camera.NONE;
    private final Map<UUID, Pictured> pictures = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the participant saw when a use error was marked. */
    private record Pictured(UUID attemptId, Double atMs, bedside.harness.run.Camera.Picture picture) {
    }

    public SessionRunner(TaskRunner tasks, ResultsDestination destination, Path journals, SessionPanel panel) {
        this(tasks, destination, journals, panel, ParticipantWatcher.NONE);
    }

    /** @param watcher told when the candidate's window is ready for the participant (a simulated participant acts then) */
    public SessionRunner(TaskRunner tasks, ResultsDestination destination, Path journals, SessionPanel panel,
                         ParticipantWatcher watcher) {
        this.tasks = tasks;
        this.destination = destination;
        this.journals = journals;
        this.panel = panel;
        this.watcher = watcher;
    }

    /**
     * What to run.
     *
     * @param candidates the candidates the participant uses, in the order given on the command line (the session
     *                   counterbalances it)
     * @param seed       the seed of a random order; null: one derived from the study's code, so it is the same each time
     * @param pilot      a pilot session: stored and chained, never scored, and it needs no locked plan
     * @param simulated  the participant is a simulated one (the demo's panel), never a person: kept in the journal's
     *                   plan, so resuming and uploading keep it, and stored with the participant and the session
     */
    public record Plan(Suite suite, List<Task> tasks, List<CandidateTarget> candidates, String study, String participant,
                       TaskOrder.Mode mode, Long seed, boolean pilot, boolean simulated) {
        /** A session of the study itself with a person (neither a pilot nor simulated). */
        public Plan(Suite suite, List<Task> tasks, List<CandidateTarget> candidates, String study, String participant,
                    TaskOrder.Mode mode, Long seed) {
            this(suite, tasks, candidates, study, participant, mode, seed, false, false);
        }
    }

    /** One candidate's part of the session: its session record, attempts, ratings and SUS. */
    public record CandidatePart(SessionRecord session, List<AttemptResult> attempts, List<TaskRatingRecord> ratings,
                                SusRecord sus) {}

    /** @param upload what reached the destination, and what still waits in the journal */
    public record Outcome(RunRecord run, ParticipantRecord participant, int participantIndex, List<CandidatePart> parts,
                          Uploader.Summary upload, boolean answersStored, Path journal) {}

    /** Shows the session on the observer's page, which can put markers on it. */
    public SessionRunner observe(ObserverPage page) {
        this.observer = page;
        page.marking(this::mark);
        return this;
    }

    /**
     * Puts a marker on the session now, on the attempt under way (or the one just done): a use error, an assist, a
     * note. Journalled at once; stored with the session's answers.
     */
    MarkerRecord mark(String kind, String note) {
        SessionRecord session = currentSession;
        Journal j = journal;
        if (session == null || j == null) {
            throw new IllegalArgumentException("the session has not started yet: nothing to mark");
        }
        if (!MarkerRecord.KINDS.contains(kind)) {
            throw new IllegalArgumentException("a marker is one of " + MarkerRecord.KINDS + ", not " + kind);
        }
        if (kind.equals("note") && note == null) {
            throw new IllegalArgumentException("a note needs its text");
        }
        if (note != null && note.length() > 2000) {
            throw new IllegalArgumentException("a note is at most 2000 characters");
        }
        double start = clockStart;
        Double t = Double.isNaN(start) ? null : System.currentTimeMillis() - start;
        MarkerRecord m = new MarkerRecord(UUID.randomUUID(), session.sessionId(), currentAttempt, currentTask, kind, t, note,
                "observer", Instant.now());
        j.marker(m);
        markers.add(m);
        if (m.attemptId() != null && m.useError()) {
            bedside.harness.run.Camera.Picture p = camera.take();
            if (p != null) {
                pictures.put(m.markerId(), new Pictured(m.attemptId(), t, p));
            }
        }
        if (observer != null) {
            observer.marked(m);
        }
        return m;
    }

    /** Told of each attempt as it is done (journalled and queued for the destination), for a progress display. */
    public SessionRunner onAttempt(java.util.function.Consumer<AttemptResult> listener) {
        this.onAttempt = listener;
        return this;
    }

    /**
     * Told once the participant's consent and details are stored: from then on the participant counts in the study's
     * order of consent (a simulated panel starts the next participant's session then, so consent order is its order).
     */
    public SessionRunner onConsented(Runnable listener) {
        this.onConsented = listener;
        return this;
    }

    public SessionRunner uploadPatience(Duration patience) {
        this.uploadPatience = patience;
        return this;
    }

    /** A session that must not start (the participant already took these tasks): nothing was stored. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Runs the session, or resumes the one this participant began with the same suite in the same study and did not
     * finish (Bedside, the browser or the machine stopped): tasks already taken are not given again — an interrupted
     * one is kept as a system error, not counted — an SEQ or a SUS left unanswered is asked first, and the rest is
     * given in the order the session already chose.
     *
     * @throws Refused when the participant already has a session on one of the candidates in the study and there is no
     *                 unfinished one here to resume
     */
    public Outcome run(Plan plan, PrintStream out) {
        Suite suite = plan.suite();
        String study = plan.study();
        String code = ParticipantCode.of(plan.participant());
        Journal.Contents earlier = unfinished(study, suite.contentHash(), code, plan.simulated());
        if (earlier == null) {
            refuseTwice(study, code, plan.candidates());
        } else {
            out.println("Resuming the session of " + code + " (run " + earlier.run().runId() + ", started "
                    + earlier.run().startedAt() + ", cut off before it ended): tasks already taken are not given again.");
        }

        // The participant: consent always, the details once per study.
        List<ParticipantRecord> known = destination.participants(study);
        ParticipantRecord existing = known.stream().filter(p -> p.code().equals(code)).findFirst()
                .or(() -> earlier == null ? java.util.Optional.empty()
                        : earlier.answers().participants().stream().filter(p -> p.code().equals(code)).findFirst())
                .orElse(null);
        boolean askDetails = existing == null || existing.consentedAt() == null;
        out.println("Participant " + code + ": " + (askDetails ? "consent and details are asked in the panel"
                : "known in study " + study + "; consent is confirmed in the panel"));
        SessionPanel.Details d = panel.consent(code, askDetails);
        ParticipantRecord participant = askDetails
                ? new ParticipantRecord(code, d.role(), d.yearsInRole(), d.ehrExperienceYears(), d.ehrSystemsUsed(),
                        d.ageBand(), d.assistiveTechnology(), Instant.now()).withSimulated(plan.simulated())
                : existing;
        int index = participantIndex(countedInOrder(known, plan.pilot(), destination.sessions(study)), participant);
        long seed = plan.seed() != null ? plan.seed() : study.hashCode();
        List<CandidateTarget> candidateOrder = earlier == null ? TaskOrder.of(plan.candidates(), plan.mode(), index, seed)
                : earlier.plan().candidates().stream().map(id -> plan.candidates().stream().filter(c -> c.id().equals(id))
                        .findFirst().orElseThrow(() -> new Refused("the session being resumed also used candidate " + id
                                + ": give it with --candidate as before"))).toList();

        RunRecord run = earlier != null ? earlier.run() : new RunRecord(UUID.randomUUID(), study, suite.id(), suite.version(),
                suite.contentHash(), "session", Instant.now(), null);
        List<CandidatePart> parts = new ArrayList<>();
        List<TaskRatingRecord> ratings = new ArrayList<>();
        List<SusRecord> susAnswers = new ArrayList<>();
        Uploader.Summary upload;
        Journal journal = Journal.open(journals, run.runId());
        this.journal = journal;
        if (earlier != null) {
            markers.addAll(earlier.answers().markers());
        }
        status("consented");
        try (journal; Uploader uploader = new Uploader(destination, journal, out)) {
            if (earlier == null) {
                journal.plan(new Journal.Plan(study, suite.contentHash(), "session",
                        candidateOrder.stream().map(CandidateTarget::id).toList(), plan.tasks().stream().map(Task::id).toList(),
                        1, destination.key(), code, plan.simulated()));
                journal.run(run);
            }
            if (askDetails) {
                journal.participant(participant);
            }
            destination.startRun(run);
            destination.saveParticipant(study, participant);
            onConsented.run();

            for (int k = 0; k < candidateOrder.size(); k++) {
                CandidateTarget candidate = candidateOrder.get(k);
                SessionRecord session = earlier == null ? null : earlier.sessions().stream()
                        .filter(x -> x.candidate().equals(candidate.id())).findFirst().orElse(null);
                if (session == null) {
                    Binding binding = suite.bindings().get(candidate.id());
                    List<Task> applicable = plan.tasks().stream()
                            .filter(t -> binding == null || !binding.isNotApplicable(t.id())).toList();
                    List<Task> order = TaskOrder.of(applicable, plan.mode(), index, seed);
                    SessionOrder used = new SessionOrder(modeWord(plan.mode()), plan.mode() == TaskOrder.Mode.RANDOM
                            ? seed : null, plan.mode() == TaskOrder.Mode.LATIN_SQUARE ? index : null,
                            order.stream().map(Task::id).toList(), k + 1);
                    session = new SessionRecord(UUID.randomUUID(), run.runId(), candidate.id(), code, Instant.now(), used)
                            .withFlags(plan.pilot(), plan.simulated());
                    journal.session(session);
                }
                destination.startSession(study, session);
                currentSession = session;
                UUID sessionId = session.sessionId();
                List<Task> order = session.order().tasks().stream().map(id -> suite.task(id).orElseThrow()).toList();
                out.println("Session on " + candidate.id() + " (" + (k + 1) + " of " + candidateOrder.size() + "), tasks in "
                        + session.order().mode() + " order: " + String.join(", ", session.order().tasks()));

                // What an earlier process of this session already did on this candidate.
                Map<String, AttemptResult> taken = new HashMap<>();
                List<TaskRatingRecord> partRatings = new ArrayList<>();
                SusRecord sus = null;
                if (earlier != null) {
                    earlier.attempts().values().stream().filter(x -> x.attempt().sessionId().equals(sessionId))
                            .forEach(x -> taken.put(x.attempt().task(),
                                    new AttemptResult(x.attempt(), x.events(), List.of(), null, true,
                                            List.of(), x.replay())));
                    earlier.answers().ratings().stream().filter(r -> r.sessionId().equals(sessionId)).forEach(partRatings::add);
                    sus = earlier.answers().sus().stream().filter(x -> x.sessionId().equals(sessionId)).findFirst()
                            .orElse(null);
                }
                List<AttemptResult> attempts = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    Task task = order.get(i);
                    SessionPanel.TaskView view = SessionPanel.TaskView.of(suite, task, i + 1, order.size());
                    AttemptResult result = taken.get(task.id());
                    boolean rate;
                    if (result != null) {
                        // Taken before the cut: never given twice. Rated if the participant finished it and was not asked.
                        rate = result.attempt().session() != null
                                && partRatings.stream().noneMatch(r -> r.task().equals(task.id()));
                        out.println("  " + task.id() + ": already taken (" + result.attempt().outcome().code() + ")"
                                + (rate ? "; its SEQ is asked now" : ""));
                    } else {
                        panel.waiting("Task " + (i + 1) + " of " + order.size() + " is being prepared. Please wait.");
                        currentTask = task.id();
                        currentAttempt = null;
                        if (observer != null) {
                            observer.task(view, candidate.id(), null, "being prepared");
                        }
                        ParticipantPerformer performer = new ParticipantPerformer(panel, view, watcher);
                        result = attempt(suite, task, candidate, session, code, performer, study, journal, uploader,
                                expertPath(study, candidate.id(), task.id(), out));
                        AttemptRecord a = result.attempt();
                        out.printf(Locale.ROOT, "  %s: %s%s (%.1f s)%n", task.id(), a.outcome().code(), a.session() == null
                                ? "" : ", participant said " + a.session().participantSaid(), a.timeMs() / 1000.0);
                        if (Stop.requested()) {
                            throw new IllegalStateException("Bedside was stopped; the same command resumes the session");
                        }
                        // A task whose setup failed never reached the participant: nothing to rate.
                        rate = performer.clockStarted();
                    }
                    attempts.add(result);
                    onAttempt.accept(result);
                    if (observer != null) {
                        observer.task(view, candidate.id(), null, "done: " + result.attempt().outcome().code());
                    }
                    if (rate) {
                        SessionPanel.Seq seq = panel.askSeq(view);
                        TaskRatingRecord rating = new TaskRatingRecord(sessionId, task.id(), "seq", seq.rating(), 1,
                                Instruments.SEQ_POINTS, seq.comment(), Instant.now());
                        journal.rating(rating);
                        partRatings.add(rating);
                    }
                }
                if (sus == null) {
                    status("SUS on " + candidate.id());
                    sus = new SusRecord(sessionId, panel.askSus(candidate.displayName()), Instant.now());
                    journal.sus(sus);
                }
                ratings.addAll(partRatings);
                susAnswers.add(sus);
                parts.add(new CandidatePart(session, attempts, partRatings, sus));
            }
            status("ended");
            panel.finished("That is the end of the session. Thank you for taking part.");
            RunRecord finished = new RunRecord(run.runId(), study, suite.id(), suite.version(), suite.contentHash(), "session",
                    run.startedAt(), Instant.now());
            journal.finished(finished);
            upload = uploader.finish(uploadPatience);
            boolean answersStored = false;
            try {
                destination.saveAnswers(study, ratings, susAnswers, List.copyOf(markers));
                journal.answersStored();
                answersStored = true;
                destination.finishRun(study, run.runId(), finished.finishedAt());
            } catch (RuntimeException e) {
                out.println("warning: the session's answers could not all be stored in " + destination.describe() + " ("
                        + e.getMessage() + "); they are kept in the journal " + journal.file()
                        + " and 'bedside upload' sends them");
            }
            return new Outcome(finished, participant, index, parts, upload, answersStored, journal.file());
        } finally {
            // The journal is closed: nothing more can be marked on this session.
            this.journal = null;
            currentSession = null;
        }
    }

    /** NISTIR 7742: a task the participant was helped with counts as a failure, whatever the candidate's state. */
    static AttemptRecord assisted(AttemptRecord a) {
        return new AttemptRecord(a.attemptId(), a.sessionId(), a.candidate(), a.task(), a.participant(), a.attemptNo(),
                bedside.results.Outcome.FAILURE, "assisted: the moderator helped the participant (an assisted task counts"
                + " as a failure in completion, NISTIR 7742); the candidate's state met the success criteria",
                a.failedStep(), a.startedAt(), a.timeMs(), a.clicks(), a.keystrokes(), a.screens(), a.pageLoads(),
                a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(), a.klmMs(), a.session() == null ? null
                : new bedside.results.SessionFacts(a.session().participantSaid(), a.session().pathDeviation(),
                        a.session().timeDeviation(), null, a.session().lostness(), a.session().misclicks()));
    }

    private void status(String status) {
        if (observer != null) {
            observer.status(status);
        }
    }

    /** The latest session of this participant, suite and study, for this destination, that did not come to its end. */
    private Journal.Contents unfinished(String study, String suiteHash, String code, boolean simulated) {
        Journal.Contents found = null;
        // Only this participant's journals are read whole: a panel's sessions start while others write theirs.
        // A simulated session is never resumed as a person's, nor the other way round.
        for (Journal.Contents c : Journal.all(journals, p -> "session".equals(p.kind()) && code.equals(p.participant())
                && p.simulated() == simulated && study.equals(p.study()) && suiteHash.equals(p.suiteHash())
                && destination.key().equals(p.destination()))) {
            if (!c.finished()) {
                found = c;
            }
        }
        return found;
    }

    /** A participant never gets the same tasks twice by accident: one session per participant and candidate. */
    private void refuseTwice(String study, String code, List<CandidateTarget> candidates) {
        for (SessionRecord s : destination.sessions(study)) {
            if (s.participant().equals(code) && candidates.stream().anyMatch(c -> c.id().equals(s.candidate()))) {
                throw new Refused(code + " already has a session on " + s.candidate() + " in study " + study + " (run "
                        + s.runId() + ", started " + s.startedAt() + "): a participant takes a candidate's tasks once."
                        + " Nothing was stored. Use the participant's own code, or another study.");
            }
        }
    }

    /** One attempt, journalled as it happens, then with its session facts, journalled whole and queued for upload. */
    private AttemptResult attempt(Suite suite, Task task, CandidateTarget candidate, SessionRecord session, String code,
                                  ParticipantPerformer performer, String study, Journal journal, Uploader uploader,
                                  SessionMeasures.ExpertPath expert) {
        Stop.enter();
        try {
            JournalListener toJournal = new JournalListener(journal);
            AttemptListener watching = new AttemptListener() {
                @Override
                public void started(Start s) {
                    currentAttempt = s.attemptId();
                }

                @Override
                public void browserOpened(UUID attemptId, bedside.harness.run.Camera c) {
                    camera = c;
                }

                @Override
                public void clockStarted(UUID attemptId, double browserTime) {
                    clockStart = browserTime;
                    if (observer != null) {
                        observer.task(performer.task(), candidate.id(), browserTime, "the participant is working");
                    }
                }

                @Override
                public void clockStopped(UUID attemptId, double browserTime) {
                    clockStart = Double.NaN;
                    if (observer != null) {
                        observer.task(performer.task(), candidate.id(), null, "checking the candidate's state");
                    }
                }

                @Override
                public void events(UUID attemptId, List<bedside.harness.record.PageEvent> events) {
                    double start = clockStart;
                    if (observer != null && !Double.isNaN(start)) {
                        observer.events(events, start);
                    }
                }
            };
            AttemptResult result;
            SessionPanel.Stopped stopped = null;
            try {
                result = tasks.attempt(suite, task, candidate, session.sessionId(), code, 1,
                        AttemptListener.both(toJournal, watching), performer);
            } catch (RuntimeException e) {
                // Kept as the system's failure (never the candidate's); a session that was ended goes no further.
                result = SuiteRunner.brokeOff(toJournal, session.sessionId(), candidate.id(), task.id(), code, 1, e);
                stopped = e instanceof SessionPanel.Stopped s ? s : null;
            }
            camera = bedside.harness.run.Camera.NONE;
            result = result.withMoreEvents(pictured(result));
            AttemptRecord a = result.attempt();
            if (a.session() != null) {
                a = a.withSession(SessionMeasures.of(a.session().participantSaid(), a, result.events(), expert));
                UUID id = a.attemptId();
                if (a.outcome() == bedside.results.Outcome.SUCCESS
                        && List.copyOf(markers).stream().anyMatch(m -> m.kind().equals("assist") && id.equals(m.attemptId()))) {
                    a = assisted(a);
                }
                result = result.with(a);
            }
            journal.attempt(result.attempt(), result.events(), result.replay());
            uploader.submit(study, result.attempt(), result.events(), result.replay());
            if (stopped != null) {
                throw stopped;
            }
            return result;
        } finally {
            Stop.exit();
        }
    }

    /**
     * The pictures taken during the attempt, as events of its own after the recorder's: type
     * {@code evidence-screenshot}, at the marker's moment, naming the marker.
     */
    private List<bedside.results.EventRecord> pictured(AttemptResult result) {
        UUID id = result.attempt().attemptId();
        long seq = result.events().stream().mapToLong(bedside.results.EventRecord::seq).max().orElse(-1) + 1;
        List<bedside.results.EventRecord> events = new ArrayList<>();
        for (Map.Entry<UUID, Pictured> e : List.copyOf(pictures.entrySet())) {
            Pictured p = e.getValue();
            if (!p.attemptId().equals(id)) {
                continue;
            }
            pictures.remove(e.getKey());
            String json = bedside.results.client.Json.MAPPER.createObjectNode().put("markerId", e.getKey().toString())
                    .put("format", p.picture().format()).put("image", p.picture().base64()).put("phase", "task")
                    .put("top", true).toString();
            events.add(new bedside.results.EventRecord(id, seq++, p.atMs() == null ? 0 : p.atMs(), "evidence-screenshot",
                    null, json));
        }
        return events;
    }

    private final Map<String, SessionMeasures.ExpertPath> expertPaths = new HashMap<>();

    /** The expert path of the task on the candidate, asked of the destination once; null when it has none. */
    private SessionMeasures.ExpertPath expertPath(String study, String candidate, String task, PrintStream out) {
        String key = candidate + "\u0000" + task;
        if (!expertPaths.containsKey(key)) {
            SessionMeasures.ExpertPath found = null;
            try {
                found = destination.expertPath(study, candidate, task)
                        .map(r -> SessionMeasures.ExpertPath.of(r.attempt(), r.events())).orElse(null);
                if (found == null) {
                    out.println("  note: no successful expert-path attempt of " + task + " on " + candidate + " in study "
                            + study + ": path and time deviation, lostness and direct success are not derived for it"
                            + " (bedside run … --candidate " + candidate + " --task " + task + " --study " + study
                            + " records one)");
                }
            } catch (RuntimeException e) {
                out.println("  warning: the expert path of " + task + " on " + candidate + " could not be read from "
                        + destination.describe() + ": " + e.getMessage());
            }
            expertPaths.put(key, found);
        }
        return expertPaths.get(key);
    }

    /**
     * The participants whose places count in the order: a study's Latin square rows go to its participants, so a pilot
     * (a rehearsal before the study) takes no row of it — and the pilots' own orders count among pilots only.
     */
    static List<ParticipantRecord> countedInOrder(List<ParticipantRecord> known, boolean pilot,
            List<SessionRecord> sessions) {
        java.util.Set<String> inStudy = new java.util.HashSet<>();
        java.util.Set<String> inPilots = new java.util.HashSet<>();
        for (SessionRecord s : sessions) {
            if (s.moderated()) {
                (s.pilot() ? inPilots : inStudy).add(s.participant());
            }
        }
        return known.stream().filter(p -> pilot ? !inStudy.contains(p.code()) || inPilots.contains(p.code())
                : !inPilots.contains(p.code()) || inStudy.contains(p.code())).toList();
    }

    /**
     * The participant's 0-based index in the study: its place among the study's consented participants, in the order
     * they consented (a new one comes last). The Latin square's row and the random order's stream follow from it.
     */
    static int participantIndex(List<ParticipantRecord> known, ParticipantRecord participant) {
        List<ParticipantRecord> consented = new ArrayList<>(known.stream()
                .filter(p -> p.consentedAt() != null && !p.code().equals(participant.code())).toList());
        consented.add(participant);
        consented.sort(Comparator.comparing(ParticipantRecord::consentedAt).thenComparing(ParticipantRecord::code));
        for (int i = 0; i < consented.size(); i++) {
            if (consented.get(i).code().equals(participant.code())) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    static String modeWord(TaskOrder.Mode mode) {
        return switch (mode) {
            case FIXED -> "fixed";
            case RANDOM -> "random";
            case LATIN_SQUARE -> "latin";
        };
    }
}
