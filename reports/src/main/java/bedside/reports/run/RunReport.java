package bedside.reports.run;

import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.NotApplicableRow;
import bedside.reports.pages.BarChart;
import bedside.reports.pages.Pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The report of one run: per task, each candidate's outcome and measures side by side, with charts of
 * the effort each candidate asked for. Pure rendering: the rows come in, one self-contained HTML file
 * (inline SVG charts, no scripts, no network) goes out, so it can be mailed or archived as evidence. The page is
 * the template {@code run/report.jte} of the page layer ({@link Pages}).
 */
public final class RunReport {
    private RunReport() {}

    /** What the run was: the exact suite version used and when. */
    public record Run(String runId, String study, String suiteId, String suiteTitle, String suiteVersion, String suiteHash,
                      Instant startedAt, Instant finishedAt, String environment) {}

    public record Candidate(String id, String displayName, String vendor) {}

    public record Task(String id, String title, String instruction, Double timeSpecSeconds) {}

    /**
     * One attempt's summary. Times in milliseconds.
     *
     * @param stepPicture the window when a step could not be done, as a base64 JPEG or PNG {@code data:} address (shown
     *                    under the reason), or null
     * @param replay      where the attempt's replay page is, relative to the report ({@code replays/ID.html}), or null
     */
    public record Row(String candidate, String task, int attemptNo, String outcome, String reason, long timeMs, int clicks,
                      int keystrokes, int screens, int pageLoads, long scrollPx, int dialogs, int validationErrors,
                      long systemResponseMs, long klmMs, String stepPicture, String replay) {
        /** A relative path of plain characters: a report links nothing else (no scheme, no way out of its folder). */
        private static final java.util.regex.Pattern REPLAY_LINK =
                java.util.regex.Pattern.compile("replays/[A-Za-z0-9-]+\\.html");

        public Row {
            if (stepPicture != null && !bedside.reports.documents.VendorReport.UseError.SCREENSHOT.matcher(stepPicture).matches()) {
                throw new IllegalArgumentException("a picture is a base64 JPEG or PNG data address");
            }
            if (replay != null && !REPLAY_LINK.matcher(replay).matches()) {
                throw new IllegalArgumentException("a replay is linked as replays/ID.html: " + replay);
            }
        }

        public Row(String candidate, String task, int attemptNo, String outcome, String reason, long timeMs, int clicks,
                   int keystrokes, int screens, int pageLoads, long scrollPx, int dialogs, int validationErrors,
                   long systemResponseMs, long klmMs, String stepPicture) {
            this(candidate, task, attemptNo, outcome, reason, timeMs, clicks, keystrokes, screens, pageLoads, scrollPx,
                    dialogs, validationErrors, systemResponseMs, klmMs, stepPicture, null);
        }

        public Row(String candidate, String task, int attemptNo, String outcome, String reason, long timeMs, int clicks,
                   int keystrokes, int screens, int pageLoads, long scrollPx, int dialogs, int validationErrors,
                   long systemResponseMs, long klmMs) {
            this(candidate, task, attemptNo, outcome, reason, timeMs, clicks, keystrokes, screens, pageLoads, scrollPx,
                    dialogs, validationErrors, systemResponseMs, klmMs, null, null);
        }
    }

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
        return write(dir, run, candidates, tasks, rows, clickMaps, List.of());
    }

    /** @param notApplicable the tasks the run did not attempt on a candidate because they do not apply to it, with why */
    public static Path write(Path dir, Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows,
                             List<ClickMap> clickMaps, List<NotApplicableRow> notApplicable) throws IOException {
        return write(dir, run, candidates, tasks, rows, clickMaps, notApplicable, Audit.NONE);
    }

    /** @param audit what the accessibility audit of the paths' screens found ({@code bedside run --a11y}) */
    public static Path write(Path dir, Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows,
                             List<ClickMap> clickMaps, List<NotApplicableRow> notApplicable, Audit audit) throws IOException {
        return write(dir, run, candidates, tasks, rows, clickMaps, notApplicable, audit, List.of());
    }

    /** @param related pages written beside the report (a demo's study pages), linked from its top */
    public static Path write(Path dir, Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows,
                             List<ClickMap> clickMaps, List<NotApplicableRow> notApplicable, Audit audit,
                             List<Pages.Link> related) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        RunPage page = page(run, candidates, tasks, rows, clickMaps, notApplicable).withAudit(audit.pages(candidates))
                .withRelated(related);
        Files.writeString(index, Pages.render("run/report.jte", page), StandardCharsets.UTF_8);
        return index;
    }

    /**
     * The accessibility audit of a run: the screens audited and every fault found, one per rule × element × screen
     * however many attempts reached it (the first task and step that did is named).
     */
    public record Audit(List<AuditedScreen> screens, List<Fault> faults) {
        public static final Audit NONE = new Audit(List.of(), List.of());

        List<RunPage.Accessibility> pages(List<Candidate> candidates) {
            List<RunPage.Accessibility> out = new ArrayList<>();
            for (Candidate c : candidates) {
                long audited = screens.stream().filter(s -> s.candidate().equals(c.id())).map(AuditedScreen::screen).distinct()
                        .count();
                if (audited == 0) continue;
                List<Fault> mine = faults.stream().filter(f -> f.candidate().equals(c.id()))
                        .sorted(java.util.Comparator.comparingInt((Fault f) -> IMPACTS.indexOf(f.impact()))
                                .thenComparing(Fault::rule).thenComparing(Fault::screen)).toList();
                Map<String, Long> byImpact = new LinkedHashMap<>();
                for (String i : IMPACTS) {
                    long n = mine.stream().filter(f -> f.impact().equals(i)).count();
                    if (n > 0) byImpact.put(i, n);
                }
                long clean = screens.stream().filter(s -> s.candidate().equals(c.id())).map(AuditedScreen::screen).distinct()
                        .filter(sc -> mine.stream().noneMatch(f -> f.screen().equals(sc))).count();
                // The first picture of each screen with a fault, in the order of its gravest fault.
                Map<String, RunPage.Picture> pictures = new LinkedHashMap<>();
                for (Fault f : mine) {
                    if (pictures.containsKey(f.screen())) continue;
                    screens.stream().filter(s -> s.candidate().equals(c.id()) && s.screen().equals(f.screen())
                            && s.picture() != null).findFirst().ifPresent(s -> pictures.put(f.screen(),
                            new RunPage.Picture(f.screen(), bedside.reports.documents.Accessibility.reached(f.task(),
                                    f.step()), s.picture())));
                }
                out.add(new RunPage.Accessibility(c.displayName(), audited, clean, byImpact, mine,
                        List.copyOf(pictures.values())));
            }
            return out;
        }
    }

    /** axe-core's impacts, the gravest first. */
    static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor", "unknown");

    /** @param picture the screen as audited, its failing elements outlined ({@code data:} address), or null */
    public record AuditedScreen(String candidate, String screen, String picture) {
        public AuditedScreen(String candidate, String screen) {
            this(candidate, screen, null);
        }
    }

    /**
     * @param criteria the WCAG success criteria the rule tests, e.g. 1.4.3 (at levels A and AA: {@code Wcag#atAOrAa})
     * @param helpUrl  the rule's explanation (axe-core's, https), or null
     * @param html     the element's HTML, typed values masked
     */
    public record Fault(String candidate, String impact, String rule, String help, String helpUrl, List<String> criteria,
                        String screen, String selector, String html, String task, String step) {
        public Fault {
            helpUrl = helpUrl != null && helpUrl.startsWith("https://") ? helpUrl : null;
            criteria = bedside.reports.documents.Wcag.atAOrAa(criteria);
        }
    }

    static String html(Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows) {
        return html(run, candidates, tasks, rows, List.of());
    }

    static String html(Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows, List<ClickMap> clickMaps) {
        return Pages.render("run/report.jte", page(run, candidates, tasks, rows, clickMaps));
    }

    /** What the page shows: per candidate its scored attempts summed; per task its attempts, charts and click maps. */
    static RunPage page(Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows, List<ClickMap> clickMaps) {
        return page(run, candidates, tasks, rows, clickMaps, List.of());
    }

    static RunPage page(Run run, List<Candidate> candidates, List<Task> tasks, List<Row> rows, List<ClickMap> clickMaps,
                        List<NotApplicableRow> notApplicable) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));
        List<RunPage.CandidateLine> lines = new ArrayList<>();
        for (Candidate c : candidates) {
            // Attempts with a system or script error are shown per task but never summed here (Exclusion decides).
            List<Row> all = rows.stream().filter(r -> r.candidate().equals(c.id())).toList();
            List<Row> mine = all.stream().filter(r -> Exclusion.scored(r.outcome())).toList();
            String notScored = Exclusion.summary(all.stream().map(r -> Exclusion.ofOutcome(r.outcome()))
                    .flatMap(Optional::stream).toList());
            lines.add(new RunPage.CandidateLine(c.displayName(), c.vendor(), mine.size(),
                    mine.stream().filter(r -> r.outcome().equals("success")).count(),
                    mine.stream().mapToInt(Row::clicks).sum(), mine.stream().mapToInt(Row::keystrokes).sum(),
                    mine.stream().mapToLong(Row::klmMs).sum(), notScored.isEmpty() ? "0" : notScored,
                    (int) notApplicable.stream().filter(n -> n.candidate().equals(c.id())).count()));
        }
        List<RunPage.TaskSection> sections = new ArrayList<>();
        for (Task t : tasks) {
            List<Row> mine = rows.stream().filter(r -> r.task().equals(t.id())).toList();
            List<RunPage.NotApplicable> na = notApplicable.stream().filter(n -> n.task().equals(t.id()))
                    .map(n -> new RunPage.NotApplicable(name(byId, n.candidate()), n.reason())).toList();
            if (mine.isEmpty() && na.isEmpty()) {
                continue;
            }
            List<RunPage.Attempt> attempts = mine.stream().map(r -> new RunPage.Attempt(name(byId, r.candidate()), r)).toList();
            // Ids, not display names, on the charts' axes: short enough; the table names them in full.
            List<String> labels = mine.stream().map(r -> r.candidate() + (r.attemptNo() > 1 ? " #" + r.attemptNo() : ""))
                    .toList();
            List<BarChart> charts = mine.isEmpty() ? List.of() : List.of(
                    BarChart.of("Clicks and keystrokes", "count", labels, List.of(
                            series("Clicks", BLUE, mine, Row::clicks), series("Keystrokes", ORANGE, mine, Row::keystrokes))),
                    BarChart.of("Predicted skilled time (KLM) and scripted time", "seconds", labels, List.of(
                            series("KLM (s)", BLUE, mine, r -> r.klmMs() / 1000.0),
                            series("Task time (s)", ORANGE, mine, r -> r.timeMs() / 1000.0))));
            List<RunPage.Map> maps = clickMaps.stream().filter(m -> m.task().equals(t.id())).map(m -> {
                int shown = Math.min(m.width(), 600);
                return new RunPage.Map(name(byId, m.candidate()), m, shown,
                        m.width() == 0 ? 0 : Math.round((double) m.height() * shown / m.width()));
            }).toList();
            sections.add(new RunPage.TaskSection(t, attempts, na, charts, maps));
        }
        return new RunPage(run, lines, sections);
    }

    private static final String BLUE = "#2b6cb0";
    private static final String ORANGE = "#dd8b2c";

    private static BarChart.Series series(String name, String color, List<Row> rows, ToDoubleFunction<Row> value) {
        return new BarChart.Series(name, color, rows.stream().map(value::applyAsDouble).toList());
    }

    private static String name(Map<String, Candidate> byId, String id) {
        Candidate c = byId.get(id);
        return c == null ? id : c.displayName();
    }
}
