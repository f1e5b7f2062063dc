package bedside.results.api;

import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.Outcome;
import bedside.results.StudyRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Simple self-contained HTML report pages: per task, how many attempts, how many succeeded, the median task
 * time, mean clicks, keystrokes and KLM time. Aggregates only: no participant appears on a page.
 */
final class Reports {
    private Reports() {
    }

    /** The comparison page of a study: one table per candidate. */
    static String study(StudyRecord study, List<CandidateRecord> candidates, List<AttemptRecord> attempts) {
        StringBuilder b = head("Study " + study.code() + ": " + study.title());
        b.append("<h1>").append(esc(study.title())).append("</h1>\n<p>Study <code>").append(esc(study.code()))
                .append("</code>").append(study.locked() ? " — locked " + study.lockedAt() + " (final evidence)"
                        : " — data collection open").append("</p>\n");
        for (CandidateRecord c : candidates) {
            b.append("<h2>").append(esc(c.displayName())).append(" <small>(").append(esc(c.code())).append(")</small></h2>\n");
            table(b, attempts.stream().filter(a -> a.candidate().equals(c.code())).toList());
        }
        return b.append("</body></html>\n").toString();
    }

    /** One candidate's page. */
    static String candidate(StudyRecord study, CandidateRecord c, List<AttemptRecord> attempts) {
        StringBuilder b = head(c.displayName() + " in study " + study.code());
        b.append("<h1>").append(esc(c.displayName())).append("</h1>\n<p>Candidate <code>").append(esc(c.code()))
                .append("</code> in study <code>").append(esc(study.code())).append("</code>: ")
                .append(esc(study.title())).append("</p>\n");
        table(b, attempts);
        return b.append("</body></html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;"
                        + "color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}"
                        + "</style></head><body>\n");
    }

    private static void table(StringBuilder b, List<AttemptRecord> attempts) {
        if (attempts.isEmpty()) {
            b.append("<p>No attempts stored yet.</p>\n");
            return;
        }
        Map<String, List<AttemptRecord>> byTask = new LinkedHashMap<>();
        attempts.forEach(a -> byTask.computeIfAbsent(a.task(), k -> new ArrayList<>()).add(a));
        b.append("<table><tr><th>Task</th><th>Attempts</th><th>Successes</th><th>Critical use errors</th>"
                + "<th>Median time (s)</th><th>Mean clicks</th><th>Mean keystrokes</th><th>Mean KLM (s)</th></tr>\n");
        byTask.forEach((task, list) -> {
            long ok = list.stream().filter(a -> a.outcome() == Outcome.SUCCESS).count();
            long critical = list.stream().filter(a -> a.outcome() == Outcome.CRITICAL_USE_ERROR).count();
            double[] times = list.stream().mapToDouble(a -> a.timeMs() / 1000.0).sorted().toArray();
            double median = times.length % 2 == 1 ? times[times.length / 2]
                    : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
            b.append("<tr><td>").append(esc(task)).append("</td><td>").append(list.size()).append("</td><td>")
                    .append(ok).append("</td><td>").append(critical).append("</td><td>")
                    .append(f(median)).append("</td><td>")
                    .append(f(list.stream().mapToInt(AttemptRecord::clicks).average().orElse(0))).append("</td><td>")
                    .append(f(list.stream().mapToInt(AttemptRecord::keystrokes).average().orElse(0)))
                    .append("</td><td>")
                    .append(f(list.stream().mapToLong(AttemptRecord::klmMs).average().orElse(0) / 1000.0))
                    .append("</td></tr>\n");
        });
        b.append("</table>\n");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @SuppressWarnings("unused")
    private static String join(String... parts) {
        return String.join(" ", Arrays.asList(parts));
    }
}
