package bedside.results.server;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.ChplSedCsv;
import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.NotApplicableRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.StudyCsvExport;
import bedside.reports.analysis.StudyJson;
import bedside.reports.analysis.SusRow;
import bedside.reports.analysis.TaskWeight;
import bedside.results.AttemptRecord;
import bedside.results.MarkerRecord;
import bedside.results.NotApplicableRecord;
import bedside.results.Outcome;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.TaskText;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A study's scores: its stored attempts (and questionnaire answers) through the statistics module
 * ({@link StudyAnalyzer}), answered as the analysis JSON ({@link StudyJson}, schema {@code bedside.analysis/1}).
 * The study pages and the CSV export read the same {@link Selection}, so every count agrees.
 *
 * <p>Two bases. A study with a <b>locked plan</b> is scored from its participants' sessions exactly as the plan says
 * (its tasks, candidates, weights, bootstrap resamples and seed); the scripted expert-path runs are the optimal path
 * and time that path and time are compared with, never participants; pilot sessions are never scored. The JSON names
 * the plan's hash ({@code plan}) and says whether the data is simulated. A study <b>without a locked plan</b> can only
 * hold scripted runs (sessions are refused there, pilots are never scored): those are scored as they are, with equal
 * weights, and the JSON says so ({@code basis: unplanned}) — figures of machine-speed expert paths, not a
 * procurement score.
 *
 * <p>How stored attempts become the analysis rows: an attempt with a system or script error is never scored
 * (the run, the browser, the machine, the candidate's server or the binding failed, not the candidate's
 * usability) and is reported apart with its reason; of several scored attempts by one participant at one task
 * on one candidate (repeated runs, second tries) the most recent counts; success is outcome {@code success};
 * time is the task time; errors are the validation errors, plus the use errors an observer marked (slips,
 * mistakes, critical), plus one for a critical use error the checks found that no marker names; steps are clicks
 * plus keystrokes, the optimal steps and time those of the latest successful expert path of the candidate's task
 * (its Keystroke-Level Model time); the rating is the session's {@code seq} rating of the task when it is on a 1–5
 * or 1–7 scale.
 */
public final class Scores {
    private static final String NO_LOCKED_PLAN = " has no locked plan";
    private static final String PILOTS_NOT_SCORED = " pilot session(s) not scored";
    private final ResultsStore store;

    public Scores(ResultsStore store) {
        this.store = store;
    }

    /**
     * What the statistics see of a study.
     *
     * @param rows every attempt not scored, and the attempt that counts per participant × candidate × task
     * @param counted the stored attempts behind the scored rows, in the same order
     * @param sus the SUS questionnaires
     * @param notApplicable tasks the candidates' bindings mark as not applicable (never one a candidate attempted)
     * @param plan the study's locked plan the rows follow, or null (unplanned: scripted runs only)
     * @param pilotSessions pilot sessions left out of every score
     */
    public record Selection(List<AttemptRow> rows, List<AttemptRecord> counted, List<SusRow> sus,
                            List<NotApplicableRow> notApplicable, StoredPlan plan, int pilotSessions) {
        public boolean empty() {
            return rows.isEmpty();
        }

        /** Whether the rows come from a simulated panel: the locked plan says so (the store holds it to its sessions). */
        public boolean simulated() {
            return plan != null && plan.plan().simulated();
        }

        /** The plan's weights, or null (equal weights) without a plan. */
        public List<TaskWeight> weights() {
            return plan == null ? null : plan.plan().tasks().stream().map(t -> new TaskWeight(t.id(), t.weight()))
                    .toList();
        }

        /** The plan's bootstrap, or the statistics' defaults without a plan. */
        public StudyAnalyzer.Options options() {
            return plan == null ? StudyAnalyzer.Options.defaults()
                    : new StudyAnalyzer.Options(plan.plan().analysis().seed(), plan.plan().analysis().resamples());
        }
    }

    /** The analysis JSON of the study, or of one candidate's attempts only when {@code candidate} is given. */
    String json(String study, String candidate) {
        Selection s = selection(study, candidate);
        return json(s, analyze(study, s));
    }

    /** The analysis JSON with what it was computed from: the basis, the plan's hash and the simulated flag. */
    static String json(Selection s, StudyAnalysis analysis) {
        ObjectNode root = StudyJson.toTree(analysis);
        root.put("basis", s.plan() == null ? "unplanned" : "plan");
        if (s.plan() == null) {
            root.putNull("plan");
        } else {
            ObjectNode plan = root.putObject("plan");
            plan.put("hash", s.plan().hash());
            plan.put("locked_at", String.valueOf(s.plan().lockedAt()));
        }
        root.put("pilot_sessions_not_scored", s.pilotSessions());
        return root.toPrettyString();
    }

    /** The analysis, or a 409 problem when nothing is stored yet. */
    public StudyAnalysis analyze(String study, String candidate) {
        return analyze(study, selection(study, candidate));
    }

    private Selection selection(String study, String candidate) {
        Selection s = select(study, candidate);
        if (s.empty()) {
            throw ApiProblem.conflict("nothing-to-score", "Nothing to score", s.plan() != null
                    ? "study " + study + "'s plan is locked, but no participant session" + (candidate == null ? ""
                    : " of candidate " + candidate) + " is stored yet (expert-path runs and pilots are never scored)"
                    : "study " + study + (candidate == null ? " has no attempts yet" : " has no attempts of candidate "
                    + candidate));
        }
        return s;
    }

    /**
     * The statistics on a selection, as the plan says (weights, resamples, seed); simulated data flagged. The warnings
     * are those {@code bedside analyze} gives on the exported files, then what only the store knows (no locked plan,
     * pilots left out).
     */
    static StudyAnalysis analyze(String study, Selection s) {
        StudyAnalysis a;
        try {
            a = StudyAnalyzer.analyze(s.rows(), s.sus(), s.weights(), s.notApplicable(), s.options());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.conflict("cannot-score", "Cannot score", "the stored results of study " + study
                    + " cannot be scored: " + e.getMessage());
        }
        if (s.simulated()) {
            a = a.asSimulated();
        }
        List<String> warnings = new ArrayList<>(a.warnings());
        if (s.plan() == null) {
            warnings.add("study " + study + NO_LOCKED_PLAN + ": these are scripted expert-path runs scored with "
                    + "equal weights (machine speed, not participants), not a procurement score");
        }
        if (s.pilotSessions() > 0) {
            warnings.add(s.pilotSessions() + PILOTS_NOT_SCORED);
        }
        return new StudyAnalysis(a.design(), a.candidates(), a.comparisons(), a.bootstrap(), a.problemDiscovery(),
                List.copyOf(warnings), a.simulated());
    }

    /** The rows of a study (of one candidate when given) as the statistics see them. */
    public Selection select(String study, String candidate) {
        StoredPlan plan = store.plan(study).filter(StoredPlan::locked).orElse(null);
        Map<UUID, SessionRecord> sessions = new LinkedHashMap<>();
        store.sessionsOfStudy(study).forEach(s -> sessions.put(s.sessionId(), s));
        java.util.Set<UUID> pilots = new java.util.HashSet<>();
        List<AttemptRow> rows = new ArrayList<>();
        Map<String, AttemptRecord> latest = new LinkedHashMap<>();
        Map<String, AttemptRecord> expert = new HashMap<>();
        for (AttemptRecord a : store.attemptsOfStudy(study, candidate)) {
            SessionRecord session = sessions.get(a.sessionId());
            if (session != null && session.pilot()) {
                pilots.add(session.sessionId());
                continue;
            }
            if (plan != null) {
                if (a.session() == null) { // the scripted expert path: the optimal path, never a participant
                    if (a.outcome() == Outcome.SUCCESS) {
                        expert.put(a.candidate() + "\u0000" + a.task(), a); // attempts come oldest first: latest wins
                    }
                    continue;
                }
                if (!plan.plan().candidates().contains(a.candidate()) || !plan.plan().taskIds().contains(a.task())) {
                    continue; // not in the plan: the plan says what is scored
                }
            }
            java.util.Optional<Exclusion> excluded = Exclusion.ofOutcome(a.outcome().code());
            if (excluded.isPresent()) {
                rows.add(AttemptRow.notScored(a.participant(), a.candidate(), a.task(), excluded.get()));
                continue;
            }
            String key = a.participant() + "\u0000" + a.candidate() + "\u0000" + a.task();
            latest.remove(key); // keep insertion order of the most recent
            latest.put(key, a);
        }
        Map<String, TaskRatingRecord> ratings = new LinkedHashMap<>();
        Map<UUID, List<MarkerRecord>> marks = new HashMap<>();
        if (!latest.isEmpty()) {
            for (TaskRatingRecord r : store.taskRatings(study)) {
                if (r.instrument().equals("seq") && r.scaleMin() == 1 && (r.scaleMax() == 5 || r.scaleMax() == 7)) {
                    ratings.put(r.sessionId() + "\u0000" + r.task(), r);
                }
            }
            for (MarkerRecord m : store.markers(study)) {
                if (m.attemptId() != null) {
                    marks.computeIfAbsent(m.attemptId(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        // The plan's time specification per task: the SUM's time component (none without a plan).
        Map<String, Double> specs = new HashMap<>();
        if (plan != null) {
            plan.plan().tasks().stream().filter(t -> t.timeSpecSeconds() != null)
                    .forEach(t -> specs.put(t.id(), t.timeSpecSeconds()));
        }
        for (AttemptRecord a : latest.values()) {
            rows.add(row(a, ratings.get(a.sessionId() + "\u0000" + a.task()), marks.getOrDefault(a.attemptId(),
                    List.of()), expert.get(a.candidate() + "\u0000" + a.task()), specs.get(a.task())));
        }
        Map<String, SusRow> sus = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (SusRecord s : store.susAnswers(study)) {
                SessionRecord session = sessions.get(s.sessionId());
                if (session != null && !session.pilot() && (candidate == null || candidate.equals(session.candidate()))
                        && (plan == null || plan.plan().candidates().contains(session.candidate()))) {
                    sus.put(session.participant() + "\u0000" + session.candidate(),
                            new SusRow(session.participant(), session.candidate(), s.answers()));
                }
            }
        }
        // A mark counts where the candidate made no attempt at the task (an earlier suite version may have bound it).
        java.util.Set<String> attempted = new java.util.HashSet<>();
        rows.forEach(r -> attempted.add(r.candidate() + "\u0000" + r.task()));
        Map<String, NotApplicableRow> notApplicable = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (NotApplicableRecord m : store.notApplicable(study, candidate)) {
                String key = m.candidate() + "\u0000" + m.task();
                if (!attempted.contains(key) && (plan == null || plan.plan().taskIds().contains(m.task()))) {
                    notApplicable.putIfAbsent(key, new NotApplicableRow(m.candidate(), m.task(), m.reason()));
                }
            }
        }
        return new Selection(List.copyOf(rows), List.copyOf(latest.values()), new ArrayList<>(sus.values()),
                List.copyOf(notApplicable.values()), plan, pilots.size());
    }

    /** Writes a selection as ATTEMPTS.csv, which {@code bedside analyze} reads back to the same analysis. */
    public static String attemptsCsv(Selection s) {
        return csv(b -> StudyCsvExport.writeAttempts(s.rows(), b, s.simulated()));
    }

    /** Writes a selection's n/a marks as NOT_APPLICABLE.csv. */
    public static String notApplicableCsv(Selection s) {
        return csv(b -> StudyCsvExport.writeNotApplicable(s.notApplicable(), b));
    }

    /** Writes a selection's questionnaires as SUS.csv. */
    public static String susCsv(Selection s) {
        return csv(b -> StudyCsvExport.writeSus(s.sus(), b));
    }

    /** Writes the plan's weights as WEIGHTS.csv, or null without a plan (equal weights). */
    public static String weightsCsv(Selection s) {
        return s.weights() == null ? null : csv(b -> StudyCsvExport.writeWeights(s.weights(), b));
    }

    /**
     * The study's scores (of one candidate when given) as one row per candidate × task under the column names of ONC's
     * Certified Health IT Product List for safety-enhanced design, 170.315(g)(3) ({@link ChplSedCsv}), each task
     * described by its title in the scored suite version.
     */
    public String chplCsv(String study, String candidate) {
        return chplCsvOf(study, analyze(study, candidate));
    }

    /** As above, for an analysis of the study already made (the bootstrap is not run again). */
    public String chplCsvOf(String study, StudyAnalysis a) {
        Map<String, String> descriptions = new HashMap<>();
        // The title: the stored instruction is the suite's template, its ${parameters} unfilled.
        suiteTasks(study).forEach(t -> descriptions.put(t.id(), t.title()));
        return csv(b -> ChplSedCsv.write(a, descriptions, b));
    }

    /**
     * The tasks of the suite version the study is scored on, as participants read them: the locked plan's version;
     * without one, the latest run's (an unplanned study's runs may differ). Empty when the study has neither.
     */
    public List<TaskText> suiteTasks(String study) {
        String hash = store.plan(study).filter(StoredPlan::locked).map(p -> p.plan().suite().hash())
                .orElseGet(() -> store.runs(study).stream()
                        .max(java.util.Comparator.comparing(bedside.results.RunRecord::startedAt))
                        .map(bedside.results.RunRecord::suiteHash).orElse(null));
        return hash == null ? List.of()
                : store.suiteTasks(hash.startsWith("sha256:") ? hash.substring("sha256:".length()) : hash);
    }

    /** The participants' table's columns (NISTIR 7742's participant table, as Bedside's session panel asks it). */
    public static final List<String> PARTICIPANT_COLUMNS = List.of("participant", "role", "years_in_role",
            "ehr_experience_years", "ehr_systems_used", "age_band", "assistive_technology", "consented_at", "pilot",
            "simulated");

    /**
     * The study's participants as the session panel took their details, one row each (never the expert path): pilot
     * when every session of theirs was a pilot (kept out of every score), simulated as stored.
     */
    public String participantsCsv(String study) {
        Map<String, Boolean> onlyPilots = new HashMap<>();
        for (SessionRecord s : store.sessionsOfStudy(study)) {
            onlyPilots.merge(s.participant(), s.pilot(), Boolean::logicalAnd);
        }
        return csv(b -> {
            try (CSVPrinter out = new CSVPrinter(b,
                    CSVFormat.RFC4180.builder()
                            .setHeader(PARTICIPANT_COLUMNS.toArray(String[]::new)).get())) {
                for (bedside.results.ParticipantRecord p : store.participants(study)) {
                    if (p.code().equals(EXPERT_PATH)) {
                        continue;
                    }
                    out.printRecord(p.code(), p.role(), p.yearsInRole(), p.ehrExperienceYears(), p.ehrSystemsUsed(),
                            p.ageBand(), p.assistiveTechnology(), p.consentedAt(),
                            onlyPilots.getOrDefault(p.code(), false) ? 1 : 0, p.simulated() ? 1 : 0);
                }
            }
        });
    }

    /** The participant code a scripted expert-path run is stored under: not a participant. */
    static final String EXPERT_PATH = "expert-path";

    private interface CsvWriter {
        void write(StringBuilder b) throws java.io.IOException;
    }

    private static String csv(CsvWriter writer) {
        StringBuilder b = new StringBuilder();
        try {
            writer.write(b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    /**
     * /scores as {@code bedside analyze} gives it on the exported files: without what only the store knows (the
     * basis, the plan, the pilots left out, and the warnings about them).
     */
    public static ObjectNode withoutStoreFields(com.fasterxml.jackson.databind.JsonNode scores) {
        ObjectNode copy = scores.deepCopy();
        copy.remove(List.of("basis", "plan", "pilot_sessions_not_scored"));
        com.fasterxml.jackson.databind.node.ArrayNode warnings = copy.putArray("warnings");
        for (com.fasterxml.jackson.databind.JsonNode w : scores.path("warnings")) {
            if (!w.asText().endsWith(PILOTS_NOT_SCORED) && !w.asText().contains(NO_LOCKED_PLAN)) {
                warnings.add(w);
            }
        }
        return copy;
    }

    /** One scored attempt as an analysis row. Any stored shape is accepted: time 0, no events, no rating. */
    static AttemptRow row(AttemptRecord a, TaskRatingRecord rating) {
        return row(a, rating, List.of(), null, null);
    }

    /**
     * One scored attempt as an analysis row, with the observer's markers on it, the expert path it is compared with
     * (null: none) and its task's time specification (null: none).
     */
    static AttemptRow row(AttemptRecord a, TaskRatingRecord rating, List<MarkerRecord> marks, AttemptRecord expert,
                          Double timeSpec) {
        boolean success = a.outcome() == Outcome.SUCCESS;
        int slips = (int) marks.stream().filter(m -> m.kind().equals("slip") || m.kind().equals("mistake")).count();
        int criticalMarks = (int) marks.stream().filter(m -> m.kind().equals("critical")).count();
        int critical = Math.max(criticalMarks, a.outcome() == Outcome.CRITICAL_USE_ERROR ? 1 : 0);
        // A success needs a time > 0 in the statistics; a failure's time is not used.
        Double time = a.timeMs() > 0 ? Double.valueOf(a.timeMs() / 1000.0) : success ? Double.valueOf(0.001) : null;
        boolean session = a.session() != null;
        // A path of no steps (Done at once) has no length to compare: left empty, as the statistics' input requires.
        Integer steps = session && a.clicks() + a.keystrokes() > 0 ? a.clicks() + a.keystrokes() : null;
        Integer optimalSteps = session && expert != null && expert.clicks() + expert.keystrokes() > 0
                ? expert.clicks() + expert.keystrokes() : null;
        Double optimalTime = session && expert != null && expert.klmMs() > 0 ? expert.klmMs() / 1000.0 : null;
        return new AttemptRow(a.participant(), a.candidate(), a.task(), success, time,
                Math.max(0, a.validationErrors()) + slips + critical, critical, rating == null ? null : rating.rating(),
                rating == null ? 7 : rating.scaleMax(), steps, optimalSteps, optimalTime, timeSpec, null);
    }
}
