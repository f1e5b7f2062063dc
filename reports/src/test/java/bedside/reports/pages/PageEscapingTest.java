package bedside.reports.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.StudyHtml;
import bedside.reports.run.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page escapes what comes from data: a task id, title, candidate name or reason that is markup shows as text,
 * in a tag body and in an attribute, and never reaches the page as markup (string-level; no page has a script).
 */
class PageEscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String QUOTES = "\" onmouseover=\"x";
    static final String HOSTILE = SCRIPT + QUOTES;

    @TempDir
    Path dir;

    static void assertEscaped(String html) {
        assertThat(html).doesNotContain(SCRIPT).doesNotContain(QUOTES).doesNotContain("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&#34; onmouseover=&#34;x");
    }

    static RunReport.Run run(String text) {
        return new RunReport.Run("run-" + text, "study " + text, "suite", "Suite " + text, "1.0", "abc123",
                Instant.parse("2026-11-25T09:00:00Z"), null, "env " + text);
    }

    static RunReport.Row row(String candidate, String task, int no, String outcome, String reason, int clicks) {
        return new RunReport.Row(candidate, task, no, outcome, reason, 12_300 + 1000L * clicks, clicks, 10, 3, 2, 0, 0, 0,
                400, 9_800 + 700L * clicks);
    }

    @Test
    void theAccessibilityAuditIsEscapedAndLinksOnlyToHttps() throws IOException {
        RunReport.Audit audit = new RunReport.Audit(List.of(new RunReport.AuditedScreen("plain", "/a",
                        "data:image/jpeg;base64,/9j/4AAQSkZJRg=="),
                new RunReport.AuditedScreen("plain", "/b")), List.of(
                new RunReport.Fault("plain", "serious", "rule-" + HOSTILE, "help " + HOSTILE, "javascript:alert(1)",
                        List.of("1.4.3"), "/a" + HOSTILE, "#x" + HOSTILE, "<input value=\"•••\">" + HOSTILE, "t", "3"),
                new RunReport.Fault("plain", "critical", "label", "Form elements must have labels",
                        "https://dequeuniversity.com/rules/axe/4.10/label", List.of("4.1.2"), "/a", "#f", "<input>", "t", "start")));
        Path index = RunReport.write(dir.resolve("audit"), run("x"), List.of(new RunReport.Candidate("plain", "Plain", "V")),
                List.of(new RunReport.Task("t", "T", "Do it.", null)), List.of(row("plain", "t", 1, "success", null, 2)),
                List.of(), List.of(), audit);
        String html = Files.readString(index);
        assertEscaped(html);
        assertThat(html).doesNotContain("javascript:").contains("<a href=\"https://dequeuniversity.com/rules/axe/4.10/label\">label</a>")
                .contains("2 screen(s) audited, 1 without a fault; 2 fault(s): 1 critical 1 serious.");
        // the gravest first
        assertThat(html.indexOf(">critical<")).isLessThan(html.indexOf(">serious<"));
        // the screen with a fault pictured as audited, linked from its fault; /b (clean) and the hostile screen have none
        assertThat(html).containsOnlyOnce("<figure id=\"a11y-")
                .containsPattern("<a href=\"#(a11y-[0-9a-f]+-1)\">the screen as audited</a>")
                .contains("class=\"a11y-picture\"><img class=\"evidence\" src=\"data:image/jpeg;base64,/9j/4AAQSkZJRg==\"");
    }

    @Test
    void aStepsPictureIsShownUnderTheReasonAndCanOnlyEverBeAnImage() throws IOException {
        String picture = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";
        RunReport.Row failed = new RunReport.Row("plain", "t", 1, "script-error", "step 2: no element", 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, picture);
        Path index = RunReport.write(dir.resolve("pictured"), run("x"), List.of(new RunReport.Candidate("plain", "Plain",
                "V")), List.of(new RunReport.Task("t", "T", "Do it.", null)), List.of(failed));
        assertThat(Files.readString(index)).contains("<img class=\"evidence\" src=\"" + picture + "\"",
                "The window when the step could not be done");
        for (String bad : List.of("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", picture + "\" onerror=\"x")) {
            assertThatThrownBy(() -> new RunReport.Row("plain", "t", 1, "script-error", "r", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anAttemptsReplayIsLinkedBesideTheReportAndOnlyThere() throws IOException {
        String link = "replays/0b6f3c1e-5d2a-4f7e-9c4b-2a1d3e5f7a9b.html";
        RunReport.Row failed = new RunReport.Row("plain", "t", 1, "script-error", "step 2: no element", 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, null, link);
        RunReport.Row plain = row("plain", "t", 2, "success", null, 2);
        Path index = RunReport.write(dir.resolve("replayed"), run("x"), List.of(new RunReport.Candidate("plain", "Plain",
                "V")), List.of(new RunReport.Task("t", "T", "Do it.", null)), List.of(failed, plain));
        String html = Files.readString(index);
        assertThat(html).contains("<a href=\"" + link + "\"");
        assertThat(html.split("class=\"replay\"", -1)).hasSize(2); // the attempt without a replay links none
        for (String bad : List.of("javascript:alert(1)", "../../secret.html", "https://example.org/r.html",
                "replays/x.html\" onclick=\"x", "/replays/a.html")) {
            assertThatThrownBy(() -> new RunReport.Row("plain", "t", 1, "script-error", "r", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    null, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theRunReportEscapesTaskIdTitleCandidateAndReason() throws IOException {
        String task = "task-" + HOSTILE;
        String candidate = "cand-" + HOSTILE;
        List<RunReport.Row> rows = List.of(
                row(candidate, task, 1, "success", null, 3),
                row("plain", task, 1, "failure", "reason " + HOSTILE, 16),
                row("plain", task, 2, "system-error", "crashed " + HOSTILE, 0),
                row("plain", task, 3, "odd-" + HOSTILE, null, 1));
        List<RunReport.ClickMap> maps = List.of(new RunReport.ClickMap(candidate, task, 1, "/screen/" + HOSTILE,
                "shots/a.png", 800, 600, List.of(new RunReport.Dot(1, 10, 20, "button " + HOSTILE))));
        Path index = RunReport.write(dir.resolve("run"), run(HOSTILE),
                List.of(new RunReport.Candidate(candidate, "Name " + HOSTILE, "Vendor " + HOSTILE),
                        new RunReport.Candidate("plain", "Plain EHR", "Acme")),
                List.of(new RunReport.Task(task, "Title " + HOSTILE, "Do " + HOSTILE, 60.0)), rows, maps);
        String html = Files.readString(index);

        assertEscaped(html);
        assertThat(html).contains("Title &lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x")
                .contains("Name &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<div class=\"reason\">reason &lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x</div>")
                .contains("<span class=\"id\">task-&lt;script&gt;alert(1)&lt;/script&gt;")
                // in attributes, jte escapes < and quotes
                .contains("class=\"o odd-&lt;script>alert(1)&lt;/script>&#34; onmouseover=&#34;x\"");
    }

    @Test
    void theRunReportKeepsWhatTheHarnessLooksFor() throws IOException {
        List<RunReport.Row> rows = List.of(row("streamlined", "t1", 1, "success", null, 3),
                row("legacy", "t1", 1, "success", null, 16), row("legacy", "t1", 2, "script-error", "no such field", 0));
        List<RunReport.ClickMap> maps = List.of(
                new RunReport.ClickMap("streamlined", "t1", 1, "/find", "shots/s-1.png", 1280, 800,
                        List.of(new RunReport.Dot(1, 100, 200, "Find"), new RunReport.Dot(2, 300.25, 400, null))),
                new RunReport.ClickMap("legacy", "t1", 1, "/main.do", "shots/l-1.png", 1280, 800,
                        List.of(new RunReport.Dot(1, 50, 60, "Menu"))));
        String html = Files.readString(RunReport.write(dir.resolve("run"), run("x"),
                List.of(new RunReport.Candidate("streamlined", "Streamlined EHR (sample)", "Sample"),
                        new RunReport.Candidate("legacy", "Legacy-style EHR (sample)", "Sample")),
                List.of(new RunReport.Task("t1", "Record a medication allergy", "Record it.", null)), rows, maps));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>body{", "Record a medication allergy",
                "Streamlined EHR (sample)", "Legacy-style EHR (sample)", "<svg", "Click maps", "class=\"clickmap\"",
                "<image href=\"shots/s-1.png\"", "<title>2 click(s) on /find</title>", "Streamlined EHR (sample) · <code>/find</code> · 2 clicks",
                "Legacy-style EHR (sample) · <code>/main.do</code> · 1 click<",
                "<circle cx=\"300.3\" cy=\"400.0\"", "<title>click 1: Find</title>", "<title>click 2</title>",
                "Clicks and keystrokes", "Predicted skilled time (KLM) and scripted time",
                "<td class=\"not-scored\">1 attempt not scored: script error</td>", "<td class=\"not-scored\">0</td>",
                "not finished", "2026-11-25 09:00:00 UTC");
        assertThat(Pattern.compile("<g class=\"dot\">").matcher(html).results().count()).isEqualTo(3);
        // the legacy attempt with a script error is shown but not summed: 1 scored attempt, 16 clicks
        assertThat(html).contains("<tr><td>Legacy-style EHR (sample)</td><td>Sample</td><td class=\"n\">1</td>"
                + "<td class=\"n\">1</td><td class=\"n\">16</td>");
    }

    @Test
    void theAnalysisPageEscapesCandidateAndTaskIds() {
        String candidate = "cand-" + HOSTILE;
        String task = "task-" + HOSTILE;
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            rows.add(AttemptRow.of("P" + p, candidate, task, p != 2, p != 2 ? 20.0 + p : null, 0));
            rows.add(AttemptRow.of("P" + p, "plain", task, true, 30.0 + p, 1));
        }
        rows.add(AttemptRow.notScored("P5", candidate, task, Exclusion.SYSTEM_ERROR));
        String html = StudyHtml.render(StudyAnalyzer.analyze(rows, List.of(), null, new StudyAnalyzer.Options(1, 200)));

        assertEscaped(html);
        assertThat(html).contains("<h2>cand-&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x</h2>")
                .contains("task-&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x: 1 system error)")
                .contains("<svg").doesNotContain("class=\"plan\"").doesNotContain("banner simulated");

        // A stored study's page: what its scores follow, escaped; simulated data under its banner.
        StudyAnalysis simulated = StudyAnalyzer.analyze(rows, List.of(), null, new StudyAnalyzer.Options(1, 200))
                .asSimulated();
        String stored = StudyHtml.render(simulated, "Scored as the locked plan " + HOSTILE);
        assertEscaped(stored);
        assertThat(stored).contains("<p class=\"plan\">Scored as the locked plan &lt;script&gt;")
                .contains("<div class=\"banner simulated\" role=\"alert\"><b>SIMULATED DATA.</b>")
                .contains("Warning: SIMULATED DATA: every participant is a simulated participant");
    }
}
