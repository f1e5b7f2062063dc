package bedside.results.server;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.NotApplicableRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.StudyCsvExport;
import bedside.reports.analysis.StudyJson;
import bedside.reports.analysis.SusRow;
import bedside.results.AttemptRecord;
import bedside.results.NotApplicableRecord;
import bedside.results.Outcome;
import bedside.results.SessionRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.ResultsStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A study's scores: its stored attempts (and questionnaire answers) through the statistics module
 * ({@link StudyAnalyzer}), answered as the analysis JSON ({@link StudyJson}, schema {@code bedside.analysis/1}).
 * The study pages and the CSV export read the same {@link Selection}, so every count agrees.
 *
 * <p>How stored attempts become the analysis rows: an attempt with a system or script error is never scored
 * (the run, the browser, the machine, the candidate's server or the binding failed, not the candidate's
 * usability) and is reported apart with its reason; of several scored attempts by one participant at one task
 * on one candidate (repeated runs, second tries) the most recent counts; success is outcome {@code success};
 * time is the task time; errors are the validation errors, plus one for a critical use error (which is also
 * counted as critical); the rating is the session's {@code seq} rating of the task when it is on a 1–5 or 1–7
 * scale.
 */
public final class Scores {
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
     */
    public record Selection(List<AttemptRow> rows, List<AttemptRecord> counted, List<SusRow> sus,
                            List<NotApplicableRow> notApplicable) {
        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** The analysis JSON of the study, or of one candidate's attempts only when {@code candidate} is given. */
    String json(String study, String candidate) {
        return StudyJson.toJson(analyze(study, candidate));
    }

    /** The analysis, or a 409 problem when nothing is stored yet. */
    public StudyAnalysis analyze(String study, String candidate) {
        Selection s = select(study, candidate);
        if (s.empty()) {
            throw ApiProblem.conflict("nothing-to-score", "Nothing to score",
                    "study " + study + (candidate == null ? " has no attempts yet" : " has no attempts of candidate "
                            + candidate));
        }
        return analyze(study, s);
    }

    static StudyAnalysis analyze(String study, Selection s) {
        try {
            return StudyAnalyzer.analyze(s.rows(), s.sus(), null, s.notApplicable(), StudyAnalyzer.Options.defaults());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.conflict("cannot-score", "Cannot score", "the stored results of study " + study
                    + " cannot be scored: " + e.getMessage());
        }
    }

    /** The rows of a study (of one candidate when given) as the statistics see them. */
    public Selection select(String study, String candidate) {
        List<AttemptRow> rows = new ArrayList<>();
        Map<String, AttemptRecord> latest = new LinkedHashMap<>();
        for (AttemptRecord a : store.attemptsOfStudy(study, candidate)) {
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
        if (!latest.isEmpty()) {
            for (TaskRatingRecord r : store.taskRatings(study)) {
                if (r.instrument().equals("seq") && r.scaleMin() == 1 && (r.scaleMax() == 5 || r.scaleMax() == 7)) {
                    ratings.put(r.sessionId() + "\u0000" + r.task(), r);
                }
            }
        }
        for (AttemptRecord a : latest.values()) {
            rows.add(row(a, ratings.get(a.sessionId() + "\u0000" + a.task())));
        }
        Map<UUID, SessionRecord> sessions = new LinkedHashMap<>();
        Map<String, SusRow> sus = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            store.sessionsOfStudy(study).forEach(s -> sessions.put(s.sessionId(), s));
            for (SusRecord s : store.susAnswers(study)) {
                SessionRecord session = sessions.get(s.sessionId());
                if (session != null && (candidate == null || candidate.equals(session.candidate()))) {
                    sus.put(session.participant() + "\u0000" + session.candidate(),
                            new SusRow(session.participant(), session.candidate(), s.answers()));
                }
            }
        }
        // A mark counts where the candidate made no attempt at the task (an earlier suite version may have bound it).
        java.util.Set<String> attempted = new java.util.HashSet<>();
        rows.forEach(r -> attempted.add(r.candidate() + "\u0000" + r.task()));
        Map<String, NotApplicableRow> marks = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (NotApplicableRecord m : store.notApplicable(study, candidate)) {
                String key = m.candidate() + "\u0000" + m.task();
                if (!attempted.contains(key)) {
                    marks.putIfAbsent(key, new NotApplicableRow(m.candidate(), m.task(), m.reason()));
                }
            }
        }
        return new Selection(List.copyOf(rows), List.copyOf(latest.values()), new ArrayList<>(sus.values()),
                List.copyOf(marks.values()));
    }

    /** Writes a selection as ATTEMPTS.csv, which {@code bedside analyze} reads back to the same analysis. */
    public static String attemptsCsv(Selection s) {
        StringBuilder b = new StringBuilder();
        try {
            StudyCsvExport.writeAttempts(s.rows(), b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    /** Writes a selection's n/a marks as NOT_APPLICABLE.csv. */
    public static String notApplicableCsv(Selection s) {
        StringBuilder b = new StringBuilder();
        try {
            StudyCsvExport.writeNotApplicable(s.notApplicable(), b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toString();
    }

    /** Writes a selection's questionnaires as SUS.csv. */
    public static String susCsv(Selection s) {
        StringBuilder b = new StringBuilder();
        try {
            StudyCsvExport.writeSus(s.sus(), b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toString();
    }

    /** One scored attempt as an analysis row. Any stored shape is accepted: time 0, no events, no rating. */
    static AttemptRow row(AttemptRecord a, TaskRatingRecord rating) {
        boolean success = a.outcome() == Outcome.SUCCESS;
        boolean critical = a.outcome() == Outcome.CRITICAL_USE_ERROR;
        // A success needs a time > 0 in the statistics; a failure's time is not used.
        Double time = a.timeMs() > 0 ? Double.valueOf(a.timeMs() / 1000.0) : success ? Double.valueOf(0.001) : null;
        return new AttemptRow(a.participant(), a.candidate(), a.task(), success, time,
                Math.max(0, a.validationErrors()) + (critical ? 1 : 0), critical ? 1 : 0,
                rating == null ? null : rating.rating(), rating == null ? 7 : rating.scaleMax(), null, null, null, null,
                null);
    }
}
