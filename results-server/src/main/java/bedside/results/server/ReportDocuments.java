package bedside.results.server;

import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.documents.Accessibility;
import bedside.reports.documents.BoardReport;
import bedside.reports.documents.Candidate;
import bedside.reports.documents.Provenance;
import bedside.reports.documents.VendorReport;
import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.StudyRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.TaskText;
import bedside.results.VerifyReport;
import bedside.results.store.ResultsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The vendor's report and the board's decision page of a study, made from what is stored: the scores exactly as
 * {@code /scores} gives them (the same {@link Scores.Selection} and analysis), and around them the evidence the
 * scores cannot carry — the participants' details, the tasks' text, where the sessions ran, every use error with the
 * observer's note and the participant's comment, the screens and presses of each attempt, the evidence chain's
 * check. The server's routes and {@code bedside report} both make them here, so the two never differ.
 */
public final class ReportDocuments {
    private static final Set<String> USE_ERRORS = Set.of("slip", "mistake", "critical");
    private final ResultsStore store;
    private final Scores scores;
    /** What each candidate's audits found, by study and candidate, as read by this instance. */
    private final Map<String, Accessibility> audited = new java.util.concurrent.ConcurrentHashMap<>();

    public ReportDocuments(ResultsStore store) {
        this.store = store;
        this.scores = new Scores(store);
    }

    /** The board's decision page; {@code vendorReport} says where each candidate's report is, seen from it. */
    public BoardReport board(String study, Function<String, String> vendorReport, Instant now) {
        return board(score(study), vendorReport, now);
    }

    /**
     * A study scored once, as every report of it shows it (the board's page and each candidate's report then draw on
     * one bootstrap, not one each).
     *
     * @param analysis null when nothing of the study is stored yet
     */
    public record Scored(StudyRecord study, Scores.Selection selection, StudyAnalysis analysis) {
    }

    public Scored score(String study) {
        StudyRecord s = store.study(study).orElseThrow(() -> new IllegalArgumentException("no study " + study));
        Scores.Selection selection = scores.select(study, null);
        return new Scored(s, selection, selection.empty() ? null : Scores.analyze(study, selection));
    }

    /** The board's page of a study already scored. */
    public BoardReport board(Scored scored, Function<String, String> vendorReport, Instant now) {
        StudyRecord s = scored.study();
        String study = s.code();
        Scores.Selection selection = scored.selection();
        StudyAnalysis analysis = scored.analysis();
        List<Candidate> candidates = store.candidates(study).stream().map(ReportDocuments::candidate).toList();
        Map<UUID, List<MarkerRecord>> marks = markersOf(study, selection.counted());
        List<BoardReport.CriticalError> critical = new ArrayList<>();
        for (AttemptRecord a : selection.counted()) {
            List<MarkerRecord> marked = marks.getOrDefault(a.attemptId(), List.of()).stream()
                    .filter(m -> m.kind().equals("critical")).toList();
            marked.forEach(m -> critical.add(new BoardReport.CriticalError(a.candidate(), a.task(),
                    "marked by the observer", m.note(), a.attemptId().toString())));
            if (marked.isEmpty() && a.outcome() == Outcome.CRITICAL_USE_ERROR) {
                critical.add(new BoardReport.CriticalError(a.candidate(), a.task(), "found by the checks", a.reason(),
                        a.attemptId().toString()));
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        candidates.forEach(c -> links.put(c.code(), vendorReport.apply(c.code())));
        Map<String, Accessibility> accessibility = new LinkedHashMap<>();
        candidates.forEach(c -> accessibility.put(c.code(), accessibility(study, c.code())));
        return new BoardReport(provenance(s, selection, now), analysis, candidates, critical, chain(study, now), links,
                accessibility);
    }

    /**
     * A candidate's own report, as a file beside a folder {@code replays/} that holds its use errors' replays (see
     * {@link ReplayPages}; the caller writes them).
     */
    public VendorReport vendor(String study, String candidate, Instant now) {
        return vendor(score(study), candidate, now, BESIDE);
    }

    /** Where a report written to a file finds an attempt's replay: {@code replays/ID.html} beside it. */
    public static final java.util.function.UnaryOperator<String> BESIDE = id -> "replays/" + id + ".html";

    /**
     * A candidate's own report, of a study already scored.
     *
     * @param replays where the page finds an attempt's replay, from the attempt's id (the server's
     *                {@code ../../attempts/ID/replay}, or {@link #BESIDE} for a file), or null for a page that cannot
     *                reach them
     */
    public VendorReport vendor(Scored scored, String candidate, Instant now,
                               java.util.function.UnaryOperator<String> replays) {
        StudyRecord s = scored.study();
        String study = s.code();
        CandidateRecord c = store.candidate(study, candidate)
                .orElseThrow(() -> new IllegalArgumentException("no candidate " + candidate + " in study " + study));
        // The whole study's analysis, as the board's page has it: the candidate's interval is then the board's (a
        // bootstrap of one candidate alone draws other resamples); only the candidate's own part is shown.
        Scores.Selection selection = scored.selection();
        StudyAnalysis analysis = scored.analysis();
        CandidateAnalysis ca = analysis == null ? null : analysis.candidates().stream()
                .filter(x -> x.candidate().equals(candidate)).findFirst().orElse(null);
        List<AttemptRecord> counted = selection.counted().stream().filter(a -> a.candidate().equals(candidate)).toList();
        Map<UUID, List<EventRecord>> events = new HashMap<>();
        counted.forEach(a -> events.put(a.attemptId(), store.eventsOfAttempt(a.attemptId())));

        // Participants numbered 1…n in the order of their codes; the codes themselves stay with the evaluator.
        Map<String, Integer> number = new LinkedHashMap<>();
        counted.stream().filter(a -> a.session() != null).map(AttemptRecord::participant).distinct().sorted()
                .forEach(p -> number.put(p, number.size() + 1));
        Map<String, ParticipantRecord> details = store.participants(study).stream()
                .collect(Collectors.toMap(ParticipantRecord::code, p -> p, (x, y) -> x));
        List<VendorReport.Participant> participants = new ArrayList<>();
        number.forEach((code, n) -> {
            ParticipantRecord p = details.get(code);
            participants.add(p == null ? new VendorReport.Participant(n, null, null, null, null, null, null)
                    : new VendorReport.Participant(n, p.role(), p.yearsInRole(), p.ehrExperienceYears(),
                    p.ehrSystemsUsed(), p.ageBand(), p.assistiveTechnology()));
        });

        Map<UUID, List<MarkerRecord>> marks = markersOf(study, counted);
        Map<String, String> comments = new HashMap<>();
        for (TaskRatingRecord r : store.taskRatings(study)) {
            if (r.comment() != null && !r.comment().isBlank()) {
                comments.put(r.sessionId() + "\u0000" + r.task(), r.comment());
            }
        }
        List<VendorReport.UseError> useErrors = new ArrayList<>();
        for (AttemptRecord a : counted) {
            String comment = comments.get(a.sessionId() + "\u0000" + a.task());
            int who = number.getOrDefault(a.participant(), 0);
            List<MarkerRecord> errors = marks.getOrDefault(a.attemptId(), List.of()).stream()
                    .filter(m -> USE_ERRORS.contains(m.kind())).toList();
            Map<String, String> pictures = StoredEvents.screenshots(events.get(a.attemptId()));
            for (MarkerRecord m : errors) {
                useErrors.add(new VendorReport.UseError(a.task(), who, m.kind(),
                        m.tMs() == null ? null : m.tMs() / 1000.0,
                        m.tMs() == null ? null : StoredEvents.screenAt(events.get(a.attemptId()), m.tMs()), m.note(),
                        comment, a.attemptId().toString(), pictures.get(m.markerId().toString())));
            }
            if (a.outcome() == Outcome.CRITICAL_USE_ERROR && errors.stream().noneMatch(m -> m.kind().equals("critical"))) {
                // The picture is of the window the attempt ended on: the screen the checks judged.
                List<EventRecord> own = events.getOrDefault(a.attemptId(), List.of());
                useErrors.add(new VendorReport.UseError(a.task(), who, "critical (found by the checks)", null,
                        StoredEvents.screenAt(own, a.timeMs()), a.reason(), comment,
                        a.attemptId().toString(), pictures.get(StoredEvents.FOUND_BY_CHECKS)));
            }
        }
        useErrors.sort(Comparator.comparing(VendorReport.UseError::task).thenComparing(VendorReport.UseError::participant));

        List<VendorReport.TaskText> tasks = tasks(study, selection, ca);
        Map<String, AttemptRecord> experts = expertPaths(study, candidate);
        List<VendorReport.ScreenView> views = new ArrayList<>();
        counted.forEach(a -> views.addAll(StoredEvents.views(events.get(a.attemptId()))));
        List<VendorReport.TaskEvidence> evidence = new ArrayList<>();
        for (VendorReport.TaskText t : tasks) {
            List<AttemptRecord> of = counted.stream().filter(a -> a.task().equals(t.id())).toList();
            if (of.isEmpty()) {
                continue;
            }
            evidence.add(evidence(t.id(), of, events, marks, experts.get(t.id()), views));
        }
        return new VendorReport(provenance(s, selection, now),
                analysis == null ? null : analysis.design(), candidate(c), ca, participants, tasks,
                environment(study, selection, counted, events), useErrors, evidence, accessibility(study, candidate),
                replays == null ? Map.of() : replayLinks(study, useErrors, replays));
    }

    /** The links to the replays of the use errors' attempts that have one. */
    private Map<String, String> replayLinks(String study, List<VendorReport.UseError> errors,
                                            java.util.function.UnaryOperator<String> replays) {
        Set<UUID> stored = store.replaySizes(study).keySet();
        Map<String, String> links = new HashMap<>();
        errors.stream().map(VendorReport.UseError::attemptId).filter(id -> stored.contains(UUID.fromString(id)))
                .forEach(id -> links.put(id, replays.apply(id)));
        return links;
    }

    /**
     * What the accessibility audits of the candidate's scripted paths, and of its sessions where they were audited,
     * found in this study: each screen as its latest audit saw it (a screen audited again after a vendor's fix shows
     * the fix).
     */
    private Accessibility accessibility(String study, String candidate) {
        // read once per instance: the board's page and then each vendor's report ask for the same candidates
        return audited.computeIfAbsent(study + "\u0000" + candidate, k -> readAccessibility(study, candidate));
    }

    private Accessibility readAccessibility(String study, String candidate) {
        // only the audit's own events, of every attempt at once: a study's sessions hold far more of everything else
        Map<UUID, List<EventRecord>> audited = store.eventsOfKind(study, candidate, "a11y-");
        List<Accessibility.ScreenAudit> audits = new ArrayList<>();
        // in the order the attempts started (the store's order): a later audit of a screen stands
        store.attemptsOfStudy(study, candidate).stream().filter(a -> audited.containsKey(a.attemptId()))
                .forEach(a -> audits.addAll(StoredEvents.audits(candidate, a.task(), audited.get(a.attemptId()))));
        return Accessibility.latest(audits);
    }

    /**
     * @param participantViews the screens as the audits of the candidate's counted attempts pictured them, whatever
     *                         their task (a screen is audited once per run, by whichever attempt reached it first)
     */
    private VendorReport.TaskEvidence evidence(String task, List<AttemptRecord> attempts,
                                               Map<UUID, List<EventRecord>> events, Map<UUID, List<MarkerRecord>> marks,
                                               AttemptRecord expert, List<VendorReport.ScreenView> participantViews) {
        int successes = 0;
        int direct = 0;
        int indirect = 0;
        int assists = 0;
        int misclicks = 0;
        List<Double> lostness = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        List<VendorReport.Press> presses = new ArrayList<>();
        for (AttemptRecord a : attempts) {
            successes += a.outcome() == Outcome.SUCCESS ? 1 : 0;
            if (a.session() != null) {
                direct += "direct".equals(a.session().success()) ? 1 : 0;
                indirect += "indirect".equals(a.session().success()) ? 1 : 0;
                misclicks += a.session().misclicks();
                if (a.session().lostness() != null) {
                    lostness.add(a.session().lostness());
                }
            }
            assists += marks.getOrDefault(a.attemptId(), List.of()).stream().anyMatch(m -> m.kind().equals("assist"))
                    ? 1 : 0;
            List<EventRecord> e = events.getOrDefault(a.attemptId(), List.of());
            paths.add(StoredEvents.screens(e));
            StoredEvents.presses(e).forEach(p -> presses.add(press(p)));
        }
        List<EventRecord> expertEvents = expert == null ? List.of() : store.eventsOfAttempt(expert.attemptId());
        List<VendorReport.ScreenView> views = new ArrayList<>(participantViews);
        views.addAll(StoredEvents.views(expertEvents));
        VendorReport.Paths ways = new VendorReport.Paths(StoredEvents.screens(expertEvents), paths, presses,
                StoredEvents.presses(expertEvents).stream().map(ReportDocuments::press).toList(), views);
        return new VendorReport.TaskEvidence(task, successes, direct, indirect, assists, misclicks,
                lostness.isEmpty() ? null : lostness.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                ways);
    }

    private static VendorReport.Press press(StoredEvents.Press p) {
        return new VendorReport.Press(p.screen(), p.x(), p.y(), p.viewportWidth(), p.viewportHeight(),
                Boolean.FALSE.equals(p.actionable()), p.target());
    }

    /** The latest successful scripted expert path of each task of the candidate: the optimal path. */
    private Map<String, AttemptRecord> expertPaths(String study, String candidate) {
        Map<String, AttemptRecord> latest = new HashMap<>();
        for (AttemptRecord a : store.attemptsOfStudy(study, candidate)) {
            if (a.session() == null && a.outcome() == Outcome.SUCCESS) {
                latest.merge(a.task(), a, (x, y) -> y.startedAt().isAfter(x.startedAt()) ? y : x);
            }
        }
        return latest;
    }

    /** The plan's tasks (or, without a plan, those scored) with their text in the scored suite version. */
    private List<VendorReport.TaskText> tasks(String study, Scores.Selection selection, CandidateAnalysis ca) {
        Map<String, TaskText> text = new HashMap<>();
        scores.suiteTasks(study).forEach(t -> text.put(t.id(), t));
        Function<String, String> title = id -> text.containsKey(id) ? text.get(id).title() : id;
        Function<String, String> instruction = id -> text.containsKey(id) ? text.get(id).asRead() : "—";
        List<VendorReport.TaskText> tasks = new ArrayList<>();
        if (selection.plan() != null) {
            for (StudyPlan.PlanTask t : selection.plan().plan().tasks()) {
                tasks.add(new VendorReport.TaskText(t.id(), title.apply(t.id()), instruction.apply(t.id()), t.weight(),
                        t.timeSpecSeconds(), t.timeLimitSeconds()));
            }
        } else if (ca != null) {
            Set<String> ids = new LinkedHashSet<>();
            ca.tasks().forEach(t -> ids.add(t.task()));
            ca.notApplicable().forEach(t -> ids.add(t.task()));
            ids.forEach(id -> tasks.add(new VendorReport.TaskText(id, title.apply(id), instruction.apply(id), null, null,
                    null)));
        }
        return tasks;
    }

    private VendorReport.Environment environment(String study, Scores.Selection selection, List<AttemptRecord> counted,
                                                 Map<UUID, List<EventRecord>> events) {
        String suite = null;
        String version = null;
        String hash = null;
        if (selection.plan() != null) {
            StudyPlan.PlanSuite ps = selection.plan().plan().suite();
            suite = ps.id();
            version = ps.version();
            hash = ps.hash();
        } else {
            RunRecord run = store.runs(study).stream().max(Comparator.comparing(RunRecord::startedAt)).orElse(null);
            if (run != null) {
                suite = run.suiteId();
                version = run.suiteVersion();
                hash = run.suiteHash();
            }
        }
        Map<String, Integer> browsers = new HashMap<>();
        Map<String, Integer> viewports = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        Map<String, Integer> versionProblems = new HashMap<>();
        for (List<EventRecord> list : events.values()) {
            String v = StoredEvents.version(list);
            if (v != null) {
                versions.merge(v, 1, Integer::sum);
            } else {
                String problem = StoredEvents.versionProblem(list);
                if (problem != null) versionProblems.merge(problem, 1, Integer::sum);
            }
            for (EventRecord e : list) {
                if (e.type().equals("page-start")) {
                    String agent = StoredEvents.json(e).path("agent").asText("");
                    if (!agent.isEmpty()) {
                        browsers.merge(browser(agent), 1, Integer::sum);
                    }
                }
            }
            StoredEvents.presses(list).forEach(p -> viewports.merge(p.viewportWidth() + " × " + p.viewportHeight(), 1,
                    Integer::sum));
        }
        Set<UUID> sessionIds = counted.stream().filter(a -> a.session() != null).map(AttemptRecord::sessionId)
                .collect(Collectors.toSet());
        List<SessionRecord> sessions = store.sessionsOfStudy(study).stream()
                .filter(x -> sessionIds.contains(x.sessionId())).toList();
        String order = sessions.stream().map(x -> x.order() == null ? null : switch (x.order().mode()) {
            case "latin" -> "a balanced Latin square (Williams design) over participants";
            case "random" -> "random, from a recorded seed";
            default -> "fixed, the same for everyone";
        }).filter(Objects::nonNull).distinct().collect(Collectors.joining("; "));
        return new VendorReport.Environment(suite == null ? "—" : suite, version, hash, counted(versions),
                versions.isEmpty() ? mostFrequent(versionProblems).stream().findFirst().orElse(null) : null,
                mostFrequent(browsers),
                mostFrequent(viewports), sessions.stream().map(SessionRecord::startedAt).min(Comparator.naturalOrder())
                .orElse(null), sessions.stream().map(SessionRecord::startedAt).max(Comparator.naturalOrder()).orElse(null),
                sessions.size(), order.isEmpty() ? null : order);
    }

    /** A user agent's browser and version, e.g. "Chrome 156.0.8078.73 (headless)" — the rest says little. */
    static String browser(String agent) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(HeadlessChrome|Chrome|Firefox|Edg|Safari)/([\\d.]+)")
                .matcher(agent);
        if (!m.find()) {
            return agent.length() > 80 ? agent.substring(0, 80) + "…" : agent;
        }
        boolean headless = m.group(1).equals("HeadlessChrome");
        String name = headless ? "Chrome" : m.group(1).equals("Edg") ? "Edge" : m.group(1);
        return name + " " + m.group(2) + (headless ? " (headless)" : "");
    }

    /** Each value with how many attempts saw it when more than one was seen, most frequent first. */
    private static List<String> counted(Map<String, Integer> counts) {
        return counts.size() <= 1 ? mostFrequent(counts) : mostFrequent(counts).stream()
                .map(k -> k + " (" + counts.get(k) + (counts.get(k) == 1 ? " attempt)" : " attempts)")).toList();
    }

    private static List<String> mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
    }

    private Map<UUID, List<MarkerRecord>> markersOf(String study, List<AttemptRecord> counted) {
        Set<UUID> ids = counted.stream().map(AttemptRecord::attemptId).collect(Collectors.toSet());
        Predicate<MarkerRecord> onCounted = m -> m.attemptId() != null && ids.contains(m.attemptId());
        return store.markers(study).stream().filter(onCounted)
                .collect(Collectors.groupingBy(MarkerRecord::attemptId, LinkedHashMap::new, Collectors.toList()));
    }

    private BoardReport.ChainCheck chain(String study, Instant now) {
        VerifyReport v = store.verify(study);
        long records = v.attempts() + v.events() + v.taskRatings() + v.susAnswers() + v.markers() + v.replays();
        boolean intact = v.intact() && !v.planAltered();
        String problem = intact ? null : v.problem() != null ? v.problem()
                : v.planAltered() ? "the stored plan is not what its hash says"
                : "first altered row: " + v.firstAlteredTable() + " " + v.firstAlteredRow();
        return new BoardReport.ChainCheck(intact, now, records, problem);
    }

    /** What the figures follow: the locked plan's hash, or that they follow none. */
    static String basis(Scores.Selection selection) {
        return selection.plan() == null
                ? "No locked plan: the figures are scripted expert-path runs (machine speed), not participants."
                : "Scored as the study plan " + selection.plan().hash() + " (locked "
                + bedside.reports.pages.Fmt.utc(selection.plan().lockedAt())
                + ") says; expert-path runs and " + selection.pilotSessions() + " pilot session(s) not counted.";
    }

    private static Provenance provenance(StudyRecord s, Scores.Selection selection, Instant now) {
        StoredPlan plan = selection.plan();
        return new Provenance(s.code(), s.title(), plan == null ? null : plan.hash(), plan == null ? null : plan.lockedAt(),
                selection.simulated(), now, basis(selection));
    }

    private static Candidate candidate(CandidateRecord c) {
        return new Candidate(c.code(), c.displayName(), c.vendor());
    }
}
