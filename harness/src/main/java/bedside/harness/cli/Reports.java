package bedside.harness.cli;

import bedside.harness.run.AttemptResult;
import bedside.results.server.StoredEvents;
import bedside.harness.run.CandidateTarget;
import bedside.reports.run.RunReport;
import bedside.results.AttemptRecord;
import bedside.results.RunRecord;
import bedside.scenarios.Suite;
import bedside.harness.run.Shot;
import bedside.results.EventRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.util.List;

/** Turns a run's stored records into the report module's input and writes the run report. */
final class Reports {
    private Reports() {}

    static Path writeRunReport(Path dir, RunRecord run, Suite suite, List<CandidateTarget> candidates,
                               List<AttemptResult> attempts) throws IOException {
        return writeRunReport(dir, run, suite, candidates, attempts, List.of());
    }

    static Path writeRunReport(Path dir, RunRecord run, Suite suite, List<CandidateTarget> candidates,
                               List<AttemptResult> attempts, List<bedside.reports.analysis.NotApplicableRow> notApplicable)
            throws IOException {
        return writeRunReport(dir, run, suite, candidates, attempts, notApplicable, List.of());
    }

    /** @param related pages written beside the report (a demo's study pages), linked from its top */
    static Path writeRunReport(Path dir, RunRecord run, Suite suite, List<CandidateTarget> candidates,
                               List<AttemptResult> attempts, List<bedside.reports.analysis.NotApplicableRow> notApplicable,
                               List<bedside.reports.pages.Pages.Link> related) throws IOException {
        RunReport.Run meta = new RunReport.Run(run.runId().toString(), run.study(), suite.id(), suite.title(), suite.version(),
                suite.contentHash(), run.startedAt(), run.finishedAt(),
                "headless Chromium " + Environment.chromiumVersion() + ", Java " + Runtime.version().feature() + ", "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        List<RunReport.Candidate> cs = candidates.stream()
                .map(c -> new RunReport.Candidate(c.id(), c.displayName(), c.vendor())).toList();
        List<RunReport.Task> ts = suite.tasks().stream()
                .map(t -> new RunReport.Task(t.id(), t.title(), bedside.scenarios.Parameters.resolve(t.instruction(),
                        bedside.scenarios.Parameters.effectiveValues(suite, t)), t.timeSpecSeconds()))
                .toList();
        Map<java.util.UUID, String> replays = ReplayFiles.writeBeside(dir, run.study(), attempts);
        List<RunReport.Row> rows = attempts.stream().map(a -> row(a, replays.get(a.attempt().attemptId()))).toList();
        List<RunReport.ClickMap> maps = new ArrayList<>();
        for (AttemptResult a : attempts) {
            maps.addAll(clickMaps(dir, a));
        }
        return RunReport.write(dir, meta, cs, ts, rows, maps, notApplicable, audit(attempts), related);
    }

    /** The accessibility audit's events of the attempts, one fault per candidate × rule × element × screen. */
    static RunReport.Audit audit(List<AttemptResult> attempts) {
        List<RunReport.AuditedScreen> screens = new ArrayList<>();
        Map<String, RunReport.Fault> faults = new LinkedHashMap<>();
        for (AttemptResult a : attempts) {
            String candidate = a.attempt().candidate();
            for (var screen : StoredEvents.audits(candidate, a.attempt().task(), a.events())) {
                screens.add(new RunReport.AuditedScreen(candidate, screen.screen(), screen.picture()));
                screen.faults().forEach(f -> faults.putIfAbsent(candidate + "\u0000" + f.rule() + "\u0000" + f.selector()
                        + "\u0000" + f.screen(), f));
            }
        }
        return new RunReport.Audit(screens, List.copyOf(faults.values()));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The attempt's timed pointer clicks grouped by the top-level document (screen) they landed on, each group drawn on
     * the last screenshot that shows that document. Clicks inside frames and on screens without a screenshot are left
     * out, and so are clicks no pointer made (they have no place).
     */
    static List<RunReport.ClickMap> clickMaps(Path reportDir, AttemptResult attempt) {
        if (attempt.shots().isEmpty()) {
            return List.of();
        }
        Map<String, Shot> lastShot = new LinkedHashMap<>();
        for (Shot s : attempt.shots()) {
            if (s.doc() != null && s.width() > 0) {
                lastShot.put(s.doc(), s);
            }
        }
        Map<String, List<RunReport.Dot>> dots = new LinkedHashMap<>();
        Map<String, String> screen = new LinkedHashMap<>();
        int n = 0;
        for (EventRecord e : attempt.events()) {
            if (!e.type().equals("click")) {
                continue;
            }
            JsonNode j;
            try {
                j = JSON.readTree(e.json());
            } catch (IOException ex) {
                continue;
            }
            if (!"task".equals(j.path("phase").asText())) {
                continue;
            }
            // Only a pointer's click has a place on the screen (a keyboard's, a forwarded one or WebDriver's click on
            // an option has none: recorder.js `via`); recordings made before `via` have only such clicks with places.
            if (j.hasNonNull("via") && !"pointer".equals(j.path("via").asText())) {
                continue;
            }
            n++;
            String doc = j.path("doc").asText();
            Shot shot = lastShot.get(doc);
            if (!j.path("top").asBoolean(true) || shot == null) {
                continue;
            }
            double vw = j.path("vw").asDouble(shot.width());
            double vh = j.path("vh").asDouble(shot.height());
            double x = j.path("x").asDouble() * (vw > 0 ? shot.width() / vw : 1);
            double y = j.path("y").asDouble() * (vh > 0 ? shot.height() / vh : 1);
            String target = j.path("target").path("name").asText(null);
            dots.computeIfAbsent(doc, d -> new ArrayList<>()).add(new RunReport.Dot(n, x, y, target));
            screen.putIfAbsent(doc, e.page());
        }
        List<RunReport.ClickMap> maps = new ArrayList<>();
        AttemptRecord a = attempt.attempt();
        for (var d : dots.entrySet()) {
            Shot shot = lastShot.get(d.getKey());
            String image = reportDir.toAbsolutePath().relativize(shot.file().toAbsolutePath()).toString().replace('\\', '/');
            maps.add(new RunReport.ClickMap(a.candidate(), a.task(), a.attemptNo(), pathOf(screen.get(d.getKey())), image,
                    shot.width(), shot.height(), d.getValue()));
        }
        return maps;
    }

    private static String pathOf(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (RuntimeException e) {
            return String.valueOf(url);
        }
    }

    /** @param replay the link of the attempt's replay page beside the report, or null */
    static RunReport.Row row(AttemptResult result, String replay) {
        AttemptRecord a = result.attempt();
        return new RunReport.Row(a.candidate(), a.task(), a.attemptNo(), a.outcome().code(), a.reason(), a.timeMs(), a.clicks(),
                a.keystrokes(), a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(),
                a.klmMs(), stepPicture(result), replay);
    }

    /** The picture of the window where a step could not be done (AttemptEvidence), as a data address; or null. */
    private static String stepPicture(AttemptResult result) {
        return bedside.results.server.StoredEvents.screenshots(result.events())
                .get(bedside.results.server.StoredEvents.FOUND_AT_STEP);
    }
}
