package bedside.reports.run;

import bedside.reports.analysis.Exclusion;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report of one run: per task, each candidate's outcome and measures side by side, with charts of
 * the effort each candidate asked for. Pure rendering: the rows come in, one self-contained HTML file
 * (inline SVG charts, no scripts, no network) goes out, so it can be mailed or archived as evidence.
 */
public final class RunReport {
    private RunReport() {}

    /** What the run was: the exact suite version used and when. */
    public record Run(String runId, String study, String suiteId, String suiteTitle, String suiteVersion, String suiteHash,
                      Instant startedAt, Instant finishedAt, String environment) {}

    public record Candidate(String id, String displayName, String vendor) {}

    public record Task(String id, String title, String instruction, Double timeSpecSeconds) {}

    /** One attempt's summary. Times in milliseconds. */
    public record Row(String candidate, String task, int attemptNo, String outcome, String reason, long timeMs, int clicks,
                      int keystrokes, int screens, int pageLoads, long scrollPx, int dialogs, int validationErrors,
                      long systemResponseMs, long klmMs) {}

    /**
     * The clicks of one attempt on one screen, drawn as numbered dots over the screenshot of that screen.
     *
     * @param image  the screenshot's path relative to the report folder
     * @param width  the screenshot's size in pixels (the dots are in the same pixels)
     */
    public record ClickMap(String candidate, String task, int attemptNo, String screen, String image, int width, int height,
                           List<Dot> dots) {}

    /** One click: its number in the attempt (1 = first), where, and on what. */
    public record Dot(int n, double x, double y, String target) {}

    public static Path write(Path dir, Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows) throws IOException {
        return write(dir, run, candidates, tasks, rows, List.of());
    }

    public static Path write(Path dir, Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows,
                             List<ClickMap> clickMaps) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        Files.writeString(index, html(run, candidates, tasks, rows, clickMaps), StandardCharsets.UTF_8);
        return index;
    }

    static String html(Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows) {
        return html(run, candidates, tasks, rows, List.of());
    }

    /** Numbered dots over a screenshot, as SVG (the PNG stays a separate file in the report folder). */
    static String clickMap(ClickMap m, Map<String, Candidate> byId) {
        StringBuilder h = new StringBuilder(1024);
        Candidate c = byId.get(m.candidate());
        int shown = Math.min(m.width(), 600);
        h.append("<figure class=\"clickmap\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(m.width()).append(' ').append(m.height()).append("\" width=\"").append(shown).append("\" height=\"")
                .append(m.width() == 0 ? 0 : Math.round((double) m.height() * shown / m.width())).append("\"><title>")
                .append(esc(m.dots().size() + " click(s) on " + m.screen())).append("</title><image href=\"")
                .append(esc(m.image())).append("\" x=\"0\" y=\"0\" width=\"").append(m.width()).append("\" height=\"")
                .append(m.height()).append("\"/>");
        for (Dot d : m.dots()) {
            String x = String.format(Locale.ROOT, "%.1f", d.x());
            String y = String.format(Locale.ROOT, "%.1f", d.y());
            h.append("<g class=\"dot\"><title>").append(esc("click " + d.n() + (d.target() == null ? "" : ": " + d.target())))
                    .append("</title><circle cx=\"").append(x).append("\" cy=\"").append(y)
                    .append("\" r=\"13\" fill=\"#e53e3e\" fill-opacity=\"0.85\" stroke=\"#fff\" stroke-width=\"2\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" dy=\"5\" text-anchor=\"middle\" ")
                    .append("font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\" fill=\"#fff\">").append(d.n())
                    .append("</text></g>");
        }
        h.append("</svg><figcaption>").append(esc(c == null ? m.candidate() : c.displayName()))
                .append(m.attemptNo() > 1 ? " #" + m.attemptNo() : "").append(" · <code>").append(esc(m.screen()))
                .append("</code> · ").append(m.dots().size()).append(m.dots().size() == 1 ? " click" : " clicks")
                .append("</figcaption></figure>");
        return h.toString();
    }

    static String html(Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows, List<ClickMap> clickMaps) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Bedside run report — ").append(esc(run.suiteTitle())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>Bedside run report</h1><p class=\"sub\">").append(esc(run.suiteTitle()))
                .append(" · version ").append(esc(run.suiteVersion())).append("</p></header>\n<main>\n");

        h.append("<section><h2>About this run</h2><dl class=\"meta\">")
                .append(dt("Run", run.runId())).append(dt("Study", run.study()))
                .append(dt("Suite", run.suiteId() + " " + run.suiteVersion()))
                .append(dt("Suite content (SHA-256)", run.suiteHash()))
                .append(dt("Started", fmt(run.startedAt()))).append(dt("Finished", run.finishedAt() == null ? "not finished" : fmt(run.finishedAt())))
                .append(dt("Participant", "scripted expert path (one skilled user, no errors intended)"))
                .append(dt("Environment", run.environment()))
                .append("</dl>")
                .append("<p class=\"note\">Counts are what the browser recorded inside the candidate's pages (pointer presses, key ")
                .append("presses, page loads), not what the script intended. <b>Task time</b> is the scripted expert path's time, which ")
                .append("runs at machine speed; <b>KLM</b> is the Keystroke-Level Model's prediction of a skilled clinician's time for the ")
                .append("same recorded actions (Card, Moran &amp; Newell 1983), the figure to compare candidates on.</p></section>\n");

        h.append("<section><h2>Candidates</h2><table><thead><tr><th>Candidate</th><th>Vendor</th><th>Attempts scored</th><th>Successes</th>")
                .append("<th>Clicks</th><th>Keystrokes</th><th>KLM (s)</th><th>Not scored</th></tr></thead><tbody>");
        for (Candidate c : candidates) {
            // Attempts with a system or script error are shown below but never summed here (Exclusion decides).
            List<Row> all = rows.stream().filter(r -> r.candidate().equals(c.id())).toList();
            List<Row> mine = all.stream().filter(r -> Exclusion.scored(r.outcome())).toList();
            String notScored = Exclusion.summary(all.stream().map(r -> Exclusion.ofOutcome(r.outcome()))
                    .flatMap(java.util.Optional::stream).toList());
            h.append("<tr><td>").append(esc(c.displayName())).append("</td><td>").append(esc(c.vendor())).append("</td><td class=\"n\">")
                    .append(mine.size()).append("</td><td class=\"n\">").append(mine.stream().filter(r -> r.outcome().equals("success")).count())
                    .append("</td><td class=\"n\">").append(mine.stream().mapToInt(Row::clicks).sum())
                    .append("</td><td class=\"n\">").append(mine.stream().mapToInt(Row::keystrokes).sum())
                    .append("</td><td class=\"n\">").append(secs(mine.stream().mapToLong(Row::klmMs).sum()))
                    .append("</td><td class=\"not-scored\">").append(notScored.isEmpty() ? "0" : esc(notScored)).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");

        for (Task t : tasks) {
            List<Row> mine = rows.stream().filter(r -> r.task().equals(t.id())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            h.append("<section class=\"task\"><h2>").append(esc(t.title())).append(" <span class=\"id\">").append(esc(t.id()))
                    .append("</span></h2><blockquote>").append(esc(t.instruction())).append("</blockquote>");
            h.append("<table><thead><tr><th>Candidate</th><th>#</th><th>Outcome</th><th>Task time (s)</th><th>KLM (s)</th>")
                    .append("<th>Clicks</th><th>Keystrokes</th><th>Screens</th><th>Page loads</th><th>Dialogs</th>")
                    .append("<th>Validation msgs</th><th>System response (s)</th><th>Scroll (px)</th></tr></thead><tbody>");
            for (Row r : mine) {
                Candidate c = byId.get(r.candidate());
                h.append("<tr><td>").append(esc(c == null ? r.candidate() : c.displayName())).append("</td><td class=\"n\">")
                        .append(r.attemptNo()).append("</td><td><span class=\"o ").append(esc(r.outcome())).append("\">")
                        .append(esc(r.outcome())).append("</span>");
                if (r.reason() != null && !r.reason().isBlank()) {
                    h.append("<div class=\"reason\">").append(esc(r.reason())).append("</div>");
                }
                h.append("</td>").append(num(secs(r.timeMs()))).append(num(secs(r.klmMs()))).append(num(r.clicks()))
                        .append(num(r.keystrokes())).append(num(r.screens())).append(num(r.pageLoads())).append(num(r.dialogs()))
                        .append(num(r.validationErrors())).append(num(secs(r.systemResponseMs()))).append(num(r.scrollPx()))
                        .append("</tr>");
            }
            h.append("</tbody></table><div class=\"charts\">")
                    .append(chart("Clicks and keystrokes", "count", mine,
                            orderedMap("Clicks", r -> r.clicks(), "Keystrokes", r -> r.keystrokes())))
                    .append(chart("Predicted skilled time (KLM) and scripted time", "seconds", mine,
                            orderedMap("KLM (s)", r -> r.klmMs() / 1000.0, "Task time (s)", r -> r.timeMs() / 1000.0)))
                    .append("</div>");
            List<ClickMap> maps = clickMaps.stream().filter(m -> m.task().equals(t.id())).toList();
            if (!maps.isEmpty()) {
                h.append("<h3>Click maps</h3><p class=\"note\">Each screen as it looked after the step before its clicks, ")
                        .append("with every recorded click drawn where it landed, numbered in the order of the attempt.</p>")
                        .append("<div class=\"maps\">");
                maps.forEach(m -> h.append(clickMap(m, byId)));
                h.append("</div>");
            }
            h.append("</section>\n");
        }
        h.append("</main><footer>Written by Bedside. Outcomes: success · failure (criteria not met or time limit) · ")
                .append("critical-use-error (a patient-safety check violated) · system-error (Bedside, the browser, the machine ")
                .append("or the candidate's server failed) · script-error (the binding no longer fits the candidate). System and ")
                .append("script errors are never counted for or against a candidate.</footer></body></html>\n");
        return h.toString();
    }

    private static Map<String, ToDoubleFunction<Row>> orderedMap(String k1, ToDoubleFunction<Row> v1, String k2,
                                                                 ToDoubleFunction<Row> v2) {
        Map<String, ToDoubleFunction<Row>> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /**
     * A grouped bar chart (series = measures, in the map's order; categories = candidates) as inline SVG,
     * drawn by JFreeChart.
     */
    static String chart(String title, String axis, List<Row> rows, Map<String, ToDoubleFunction<Row>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (var s : series.entrySet()) {
            for (Row r : rows) {
                // Ids, not display names: short enough for the axis; the table names them in full.
                String label = r.candidate() + (r.attemptNo() > 1 ? " #" + r.attemptNo() : "");
                data.addValue(s.getValue().applyAsDouble(r), s.getKey(), label);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF7F8FA));
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x2B6CB0));
        renderer.setSeriesPaint(1, new Color(0xDD8B2C));
        int width = 520;
        int height = 120 + 36 * rows.size();
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new java.awt.Rectangle(0, 0, width, height));
        return "<figure>" + g.getSVGElement() + "</figure>";
    }

    private static String dt(String term, String value) {
        return "<dt>" + esc(term) + "</dt><dd>" + esc(value) + "</dd>";
    }

    private static String num(Object v) {
        return "<td class=\"n\">" + esc(String.valueOf(v)) + "</td>";
    }

    static String secs(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String fmt(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(t);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1a202c;background:#fff}
            header{background:#1f3b57;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}.sub{margin:4px 0 0;opacity:.85}
            main{padding:8px 32px 32px;max-width:1200px}section{margin-top:24px}h2{font-size:18px;border-bottom:1px solid #e2e8f0;padding-bottom:4px}
            .id{font-size:12px;color:#718096;font-weight:normal;font-family:monospace}
            table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e2e8f0;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f7fafc;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:14px}dt{color:#4a5568}dd{margin:0;font-family:monospace;word-break:break-all}
            blockquote{margin:8px 0 12px;padding:8px 12px;background:#f7fafc;border-left:4px solid #90cdf4;font-size:14px}
            .o{padding:2px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}.o.success{background:#c6f6d5;color:#22543d}
            .o.failure{background:#fefcbf;color:#744210}.o.critical-use-error{background:#fed7d7;color:#822727}
            .o.system-error{background:#e9d8fd;color:#44337a}.o.script-error{background:#e2e8f0;color:#2d3748}
            .reason{font-size:12px;color:#4a5568;margin-top:4px;max-width:420px}.note{font-size:13px;color:#4a5568}
            .charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:12px}figure{margin:0}
            .maps{display:flex;flex-wrap:wrap;gap:16px}.clickmap svg{border:1px solid #cbd5e0;max-width:100%;height:auto}
            figcaption{font-size:12px;color:#4a5568;margin-top:4px}h3{font-size:15px;margin-top:16px}
            footer{padding:16px 32px;font-size:12px;color:#718096;border-top:1px solid #e2e8f0}
            """;
}
