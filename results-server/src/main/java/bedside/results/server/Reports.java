package bedside.results.server;

import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.pages.Fmt;
import bedside.reports.pages.ResultsPages;
import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.StudyRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Simple self-contained HTML report pages: per task, how many attempts were scored, how many succeeded, the median
 * time of successful attempts, mean clicks, keystrokes and KLM time, and what was not scored and why — the counts
 * of /scores, from the same {@link Scores.Selection}. Aggregates only: no participant appears on a page. The pages
 * are the templates {@code results/study.jte} and {@code results/candidate.jte} of the reports module's page layer.
 */
final class Reports {
    private Reports() {
    }

    /** The comparison page of a study: one table per candidate, from the same selection and analysis as /scores. */
    static String study(StudyRecord study, List<CandidateRecord> candidates, Scores.Selection selection,
                        StudyAnalysis analysis) {
        return ResultsPages.study(new ResultsPages.Study(study.code(), study.title(),
                study.locked() ? " — locked " + study.lockedAt() + " (final evidence)" : " — data collection open",
                plan(selection), selection.simulated(),
                candidates.stream().map(c -> candidate(c, selection, analysis)).toList()));
    }

    /** One candidate's page. */
    static String candidate(StudyRecord study, CandidateRecord c, Scores.Selection selection, StudyAnalysis analysis) {
        return ResultsPages.candidate(new ResultsPages.CandidatePage(study.code(), study.title(), plan(selection),
                selection.simulated(), candidate(c, selection, analysis)));
    }

    /** What the page's figures follow: the locked plan's hash, or that they follow none. */
    private static String plan(Scores.Selection selection) {
        return selection.plan() == null
                ? "No locked plan: the figures below are scripted expert-path runs (machine speed), not participants."
                : "Scored as the study plan " + selection.plan().hash() + " (locked " + selection.plan().lockedAt()
                + ") says; expert-path runs and " + selection.pilotSessions() + " pilot session(s) not counted.";
    }

    /**
     * Per task: the scored attempts, successes, critical use errors and median time of successful attempts (as
     * in /scores), the machine measures of the counted attempts, and what was not scored, with why.
     */
    private static ResultsPages.Candidate candidate(CandidateRecord c, Scores.Selection selection, StudyAnalysis analysis) {
        CandidateAnalysis ca = analysis == null ? null : analysis.candidates().stream()
                .filter(x -> x.candidate().equals(c.code())).findFirst().orElse(null);
        if (ca == null) {
            return new ResultsPages.Candidate(c.code(), c.displayName(), "", null);
        }
        Map<String, List<AttemptRecord>> counted = new LinkedHashMap<>();
        selection.counted().stream().filter(a -> a.candidate().equals(c.code()))
                .forEach(a -> counted.computeIfAbsent(a.task(), k -> new ArrayList<>()).add(a));
        Set<String> tasks = new LinkedHashSet<>();
        ca.tasks().forEach(t -> tasks.add(t.task()));
        ca.notScored().forEach(n -> tasks.add(n.task()));
        List<ResultsPages.TaskLine> lines = new ArrayList<>();
        for (String task : tasks) {
            TaskAnalysis t = ca.tasks().stream().filter(x -> x.task().equals(task)).findFirst().orElse(null);
            List<AttemptRecord> list = counted.getOrDefault(task, List.of());
            lines.add(new ResultsPages.TaskLine(task, t == null ? 0 : t.attempts(),
                    t == null ? Fmt.NONE : String.valueOf(t.completion().successes()),
                    t == null || t.criticalErrors().attemptsWith() == null ? Fmt.NONE
                            : String.valueOf(t.criticalErrors().attemptsWith()),
                    t == null ? Fmt.NONE : Fmt.f(t.time().median(), 2),
                    mean(list, a -> a.clicks()), mean(list, a -> a.keystrokes()), mean(list, a -> a.klmMs() / 1000.0),
                    Exclusion.summary(ca.excluded(task))));
        }
        return new ResultsPages.Candidate(c.code(), c.displayName(), ca.notScoredSummary(), lines);
    }

    private static String mean(List<AttemptRecord> list, ToDoubleFunction<AttemptRecord> f) {
        return list.isEmpty() ? Fmt.NONE : Fmt.f(list.stream().mapToDouble(f).average().orElse(0), 2);
    }
}
