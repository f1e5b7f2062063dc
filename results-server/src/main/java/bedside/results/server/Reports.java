package bedside.results.server;

import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.StudyRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Simple self-contained HTML report pages: per task, how many attempts were scored, how many succeeded, the median
 * time of successful attempts, mean clicks, keystrokes and KLM time, and what was not scored and why — the counts
 * of /scores, from the same {@link Scores.Selection}. Aggregates only: no participant appears on a page.
 */
final class Reports {
    private Reports() {
    }

    /** The comparison page of a study: one table per candidate, from the same selection and analysis as /scores. */
    static String study(StudyRecord study, List<CandidateRecord> candidates, Scores.Selection selection,
                        StudyAnalysis analysis) {
        StringBuilder b = head("Study " + study.code() + ": " + study.title());
        b.append("<h1>").append(esc(study.title())).append("</h1>\n<p>Study <code>").append(esc(study.code()))
                .append("</code>").append(study.locked() ? " — locked " + study.lockedAt() + " (final evidence)"
                        : " — data collection open").append("</p>\n");
        for (CandidateRecord c : candidates) {
            b.append("<h2>").append(esc(c.displayName())).append(" <small>(").append(esc(c.code())).append(")</small></h2>\n");
            table(b, c.code(), selection, analysis);
        }
        return b.append("</body></html>\n").toString();
    }

    /** One candidate's page. */
    static String candidate(StudyRecord study, CandidateRecord c, Scores.Selection selection, StudyAnalysis analysis) {
        StringBuilder b = head(c.displayName() + " in study " + study.code());
        b.append("<h1>").append(esc(c.displayName())).append("</h1>\n<p>Candidate <code>").append(esc(c.code()))
                .append("</code> in study <code>").append(esc(study.code())).append("</code>: ")
                .append(esc(study.title())).append("</p>\n");
        table(b, c.code(), selection, analysis);
        return b.append("</body></html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;"
                        + "color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}"
                        + ".not-scored{color:#8a5300}</style></head><body>\n");
    }

    /**
     * Per task: the scored attempts, successes, critical use errors and median time of successful attempts (as
     * in /scores), the machine measures of the counted attempts, and what was not scored, with why.
     */
    private static void table(StringBuilder b, String candidate, Scores.Selection selection, StudyAnalysis analysis) {
        CandidateAnalysis ca = analysis == null ? null : analysis.candidates().stream()
                .filter(x -> x.candidate().equals(candidate)).findFirst().orElse(null);
        if (ca == null) {
            b.append("<p>No attempts stored yet.</p>\n");
            return;
        }
        if (!ca.notScored().isEmpty()) {
            b.append("<p class=\"not-scored\">").append(esc(ca.notScoredSummary()))
                    .append(" — not counted for or against the candidate.</p>\n");
        }
        Map<String, List<AttemptRecord>> counted = new LinkedHashMap<>();
        selection.counted().stream().filter(a -> a.candidate().equals(candidate))
                .forEach(a -> counted.computeIfAbsent(a.task(), k -> new ArrayList<>()).add(a));
        Set<String> tasks = new LinkedHashSet<>();
        ca.tasks().forEach(t -> tasks.add(t.task()));
        ca.notScored().forEach(n -> tasks.add(n.task()));
        b.append("<table><tr><th>Task</th><th>Attempts scored</th><th>Successes</th><th>Critical use errors</th>"
                + "<th>Median time of successes (s)</th><th>Mean clicks</th><th>Mean keystrokes</th><th>Mean KLM (s)</th>"
                + "<th>Not scored</th></tr>\n");
        for (String task : tasks) {
            TaskAnalysis t = ca.tasks().stream().filter(x -> x.task().equals(task)).findFirst().orElse(null);
            List<AttemptRecord> list = counted.getOrDefault(task, List.of());
            b.append("<tr><td>").append(esc(task)).append("</td><td>").append(t == null ? 0 : t.attempts())
                    .append("</td><td>").append(t == null ? "—" : String.valueOf(t.completion().successes()))
                    .append("</td><td>").append(t == null || t.criticalErrors().attemptsWith() == null ? "—"
                            : String.valueOf(t.criticalErrors().attemptsWith()))
                    .append("</td><td>").append(t == null || t.time().median() == null ? "—" : f(t.time().median()))
                    .append("</td><td>").append(mean(list, a -> a.clicks()))
                    .append("</td><td>").append(mean(list, a -> a.keystrokes()))
                    .append("</td><td>").append(mean(list, a -> a.klmMs() / 1000.0))
                    .append("</td><td>").append(esc(Exclusion.summary(ca.excluded(task)))).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String mean(List<AttemptRecord> list, ToDoubleFunction<AttemptRecord> f) {
        return list.isEmpty() ? "—" : f(list.stream().mapToDouble(f).average().orElse(0));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
