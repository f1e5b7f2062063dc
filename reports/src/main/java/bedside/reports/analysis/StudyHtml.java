package bedside.reports.analysis;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.Comparison;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A modest self-contained HTML page of a {@link StudyAnalysis}: tables and two inline SVG interval charts
 * (completion rate and geometric-mean time per task and candidate). Pure: returns a string.
 */
public final class StudyHtml {
    private StudyHtml() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(Double v, int digits) {
        return v == null ? "—" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String ci(Interval i, int digits, double scale) {
        return i == null ? "—" : "[" + f(i.lo() * scale, digits) + ", " + f(i.hi() * scale, digits) + "]";
    }

    /** Renders the page. */
    public static String render(StudyAnalysis a) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bedside analysis</title>\n")
                .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;white-space:nowrap;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                        + ".warn{color:#8a5300}</style></head><body>\n");
        b.append("<h1>Usability analysis</h1>\n<p>Design: <b>").append(esc(a.design())).append("</b>-subjects. ")
                .append("All intervals are 95%. Bootstrap: ").append(a.bootstrap().resamples()).append(" resamples (")
                .append(esc(a.bootstrap().resampling())).append("), seed ").append(a.bootstrap().seed()).append(".</p>\n");
        for (String w : a.warnings()) {
            b.append("<p class=\"warn\">Warning: ").append(esc(w)).append("</p>\n");
        }
        b.append("<h2>Candidates</h2>\n<table><tr><th>Candidate</th><th>Participants</th><th>Composite</th>"
                + "<th>95% CI</th><th>P(best)</th><th>SUM</th><th>SUS</th><th>SUS 95% CI</th><th>Grade</th>"
                + "<th>Percentile (approx.)</th><th>Not scored</th></tr>\n");
        for (CandidateAnalysis c : a.candidates()) {
            b.append("<tr><td>").append(esc(c.candidate())).append("</td><td>").append(c.participants())
                    .append("</td><td>").append(f(c.composite().score(), 1)).append("</td><td>")
                    .append(ci(c.composite().ci95(), 1, 1)).append("</td><td>").append(f(c.composite().pBest(), 3))
                    .append("</td><td>").append(f(c.sum().score(), 1)).append("</td><td>").append(f(c.sus().mean(), 1))
                    .append("</td><td>").append(ci(c.sus().ci95(), 1, 1)).append("</td><td>")
                    .append(c.sus().grade() == null ? "—" : esc(c.sus().grade())).append("</td><td>")
                    .append(f(c.sus().percentile(), 0)).append("</td><td>")
                    .append(c.notScored().isEmpty() ? "0" : esc(c.notScoredSummary())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (CandidateAnalysis c : a.candidates()) {
            b.append("<h2>").append(esc(c.candidate())).append("</h2>\n");
            if (!c.notScored().isEmpty()) {
                b.append("<p class=\"warn not-scored\">").append(esc(c.notScoredSummary()))
                        .append(" — left out of every measure below (");
                for (int i = 0; i < c.notScored().size(); i++) {
                    StudyAnalysis.NotScored n = c.notScored().get(i);
                    b.append(i == 0 ? "" : "; ").append(esc(n.task())).append(": ").append(n.attempts()).append(' ')
                            .append(n.reason().label());
                }
                b.append(")</p>\n");
            }
            b.append("<table><tr><th>Task</th><th>n</th>"
                    + "<th>Completion</th><th>95% CI</th><th>Geo. mean time (s)</th><th>95% CI</th><th>Median (s)</th>"
                    + "<th>Errors/attempt</th><th>Critical</th><th>Rating</th><th>Path dev.</th><th>Time dev.</th>"
                    + "<th>SUM</th></tr>\n");
            for (TaskAnalysis t : c.tasks()) {
                b.append("<tr><td>").append(esc(t.task())).append("</td><td>").append(t.attempts()).append("</td><td>")
                        .append(t.completion().rate() == null ? "—" : f(100 * t.completion().rate(), 0) + "%")
                        .append("</td><td>").append(ci(t.completion().ci95(), 0, 100)).append("</td><td>")
                        .append(f(t.time().geomean(), 1)).append("</td><td>").append(ci(t.time().geomeanCi95(), 1, 1))
                        .append("</td><td>").append(f(t.time().median(), 1)).append("</td><td>")
                        .append(f(t.errors().mean(), 2)).append("</td><td>")
                        .append(t.criticalErrors().total() == null ? "—" : t.criticalErrors().total())
                        .append("</td><td>")
                        .append(t.rating() == null ? "—" : f(t.rating().estimate().mean(), 2) + " / " + t.rating().scale())
                        .append("</td><td>")
                        .append(t.pathDeviation() == null ? "—" : f(t.pathDeviation().ratio(), 2)).append("</td><td>")
                        .append(t.timeDeviation() == null ? "—" : f(t.timeDeviation().ratio(), 2)).append("</td><td>")
                        .append(f(t.sum().score(), 1)).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<h2>Completion rate (95% adjusted-Wald interval)</h2>\n");
        b.append(chart(a, true));
        b.append("<h2>Task time of successful attempts (geometric mean, 95% interval)</h2>\n");
        b.append(chart(a, false));
        if (!a.comparisons().isEmpty()) {
            b.append("<h2>Comparisons</h2>\n<table><tr><th>Task</th><th>A</th><th>B</th><th>Measure</th><th>Test</th>"
                    + "<th>Statistic</th><th>p</th><th>p (Holm)</th><th>Effect</th></tr>\n");
            for (Comparison c : a.comparisons()) {
                b.append("<tr><td>").append(esc(c.task())).append("</td><td>").append(esc(c.a())).append("</td><td>")
                        .append(esc(c.b())).append("</td><td>").append(c.measure()).append("</td><td>")
                        .append(c.result().test()).append("</td><td>").append(f(c.result().statistic(), 3))
                        .append("</td><td>").append(f(c.result().p(), 4)).append("</td><td>").append(f(c.pHolm(), 4))
                        .append("</td><td>").append(f(c.result().effect(), 3)).append(' ')
                        .append(c.result().effectMeasure().startsWith("geomean") ? "(time ratio A/B)" : "(rate A−B)")
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<p>Methods and field definitions: reports/README.md.</p>\n</body></html>\n");
        return b.toString();
    }

    private static String chart(StudyAnalysis a, boolean completion) {
        record Bar(String label, Double point, Interval ci) {
        }
        List<Bar> bars = new ArrayList<>();
        for (CandidateAnalysis c : a.candidates()) {
            for (TaskAnalysis t : c.tasks()) {
                String label = c.candidate() + " · " + t.task();
                bars.add(completion ? new Bar(label, t.completion().rate(), t.completion().ci95())
                        : new Bar(label, t.time().geomean(), t.time().geomeanCi95()));
            }
        }
        double max = 1;
        if (!completion) {
            max = bars.stream().mapToDouble(x -> x.ci() != null ? x.ci().hi() : x.point() != null ? x.point() : 0)
                    .max().orElse(1);
            max = max <= 0 ? 1 : max * 1.05;
        }
        int rowH = 18;
        int left = 220;
        int width = 420;
        int h = bars.size() * rowH + 30;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + width + 20).append("\" height=\"")
                .append(h).append("\" role=\"img\">\n");
        for (int i = 0; i <= 4; i++) {
            double x = left + width * i / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n", x, x, h - 20, x,
                    h - 6, completion ? (25 * i) + "%" : String.format(Locale.ROOT, "%.0f s", max * i / 4)));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowH + rowH / 2;
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(esc(bar.label())).append("</text>");
            if (bar.ci() != null) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#36c\""
                        + " stroke-width=\"3\"/>", left + width * bar.ci().lo() / max, y,
                        left + width * bar.ci().hi() / max, y));
            }
            if (bar.point() != null) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#123\"/>",
                        left + width * bar.point() / max, y));
            }
            s.append('\n');
        }
        return s.append("</svg>\n").toString();
    }
}
