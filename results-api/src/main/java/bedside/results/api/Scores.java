package bedside.results.api;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.StudyJson;
import bedside.reports.analysis.SusRow;
import bedside.results.AttemptRecord;
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
 *
 * <p>How stored attempts become the analysis rows: script errors are left out (they are the evaluator's to fix,
 * never the candidate's); of several attempts by one participant at one task on one candidate (repeated runs,
 * second tries) the most recent counts; success is outcome {@code success}; time is the task time; errors are
 * the validation errors, plus one for a critical use error (which is also counted as critical); the rating is
 * the session's {@code seq} rating of the task when it is on a 1–5 or 1–7 scale.
 */
final class Scores {
    private final ResultsStore store;

    Scores(ResultsStore store) {
        this.store = store;
    }

    /** The analysis JSON of the study, or of one candidate's attempts only when {@code candidate} is given. */
    String json(String study, String candidate) {
        StudyAnalysis analysis = analyze(study, candidate);
        return StudyJson.toJson(analysis);
    }

    StudyAnalysis analyze(String study, String candidate) {
        Map<String, AttemptRecord> latest = new LinkedHashMap<>();
        for (AttemptRecord a : store.attemptsOfStudy(study, candidate)) {
            if (a.outcome() == Outcome.SCRIPT_ERROR) {
                continue;
            }
            String key = a.participant() + "\u0000" + a.candidate() + "\u0000" + a.task();
            latest.remove(key); // keep insertion order of the most recent
            latest.put(key, a);
        }
        if (latest.isEmpty()) {
            throw ApiProblem.conflict("nothing-to-score", "Nothing to score",
                    "study " + study + (candidate == null ? "" : " has no scorable attempts of candidate " + candidate)
                            + (candidate == null ? " has no scorable attempts yet" : ""));
        }
        Map<String, TaskRatingRecord> ratings = new LinkedHashMap<>();
        for (TaskRatingRecord r : store.taskRatings(study)) {
            if (r.instrument().equals("seq") && r.scaleMin() == 1 && (r.scaleMax() == 5 || r.scaleMax() == 7)) {
                ratings.put(r.sessionId() + "\u0000" + r.task(), r);
            }
        }
        List<AttemptRow> rows = new ArrayList<>();
        for (AttemptRecord a : latest.values()) {
            boolean success = a.outcome() == Outcome.SUCCESS;
            boolean critical = a.outcome() == Outcome.CRITICAL_USE_ERROR;
            Double time = a.timeMs() > 0 ? a.timeMs() / 1000.0 : (success ? 0.001 : null);
            TaskRatingRecord r = ratings.get(a.sessionId() + "\u0000" + a.task());
            rows.add(new AttemptRow(a.participant(), a.candidate(), a.task(), success, time,
                    a.validationErrors() + (critical ? 1 : 0), critical ? 1 : 0, r == null ? null : r.rating(),
                    r == null ? 7 : r.scaleMax(), null, null, null, null, null));
        }
        Map<UUID, SessionRecord> sessions = new LinkedHashMap<>();
        store.sessionsOfStudy(study).forEach(s -> sessions.put(s.sessionId(), s));
        Map<String, SusRow> sus = new LinkedHashMap<>();
        for (SusRecord s : store.susAnswers(study)) {
            SessionRecord session = sessions.get(s.sessionId());
            if (session != null && (candidate == null || candidate.equals(session.candidate()))) {
                sus.put(session.participant() + "\u0000" + session.candidate(),
                        new SusRow(session.participant(), session.candidate(), s.answers()));
            }
        }
        try {
            return StudyAnalyzer.analyze(rows, new ArrayList<>(sus.values()), null, StudyAnalyzer.Options.defaults());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.conflict("cannot-score", "Cannot score", "the stored results of study " + study
                    + " cannot be scored: " + e.getMessage());
        }
    }
}
