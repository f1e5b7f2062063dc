package bedside.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.documents.BoardReport;
import bedside.reports.documents.ReportFixtures;
import bedside.reports.documents.VendorReport;
import bedside.reports.pages.Fmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.bidi.module.LogInspector;

/**
 * The vendor's report and the board's page as a reader's browser shows them (real headless Chromium): markup that
 * came in through a suite, a participant's details, a comment, an observer's note or an import runs nothing and shows
 * as text; the intervals drawn are the analysis's numbers; nothing is logged to the console; printed to A4, the PDF
 * carries the same numbers. A screenshot of each page at 1280 px is kept in {@code target/report-pages/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesIT {
    /** Markup in every field from data: a script, an event handler on an image and on an SVG, a broken attribute. */
    static final String PAYLOAD = "<script>window.__pwned=1</script>\"><img src=x onerror=\"window.__pwned=2\">"
            + "<svg onload=\"window.__pwned=3\"></svg>";
    static final Path SHOTS = Path.of("target", "report-pages");

    @TempDir
    Path dir;
    private Browsers.Session browser;
    private LogInspector log;
    private final List<String> console = new ArrayList<>();

    @BeforeAll
    void open() {
        browser = Browsers.start(BrowserSettings.local(), true);
        log = new LogInspector(browser.driver());
        log.onConsoleEntry(e -> console.add("console " + e.getLevel() + ": " + e.getText()));
        log.onJavaScriptLog(e -> console.add("js " + e.getLevel() + ": " + e.getText()));
    }

    @AfterAll
    void close() {
        if (log != null) {
            log.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    Object load(String name, String html) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".html"), html);
        WebDriver d = browser.driver();
        d.manage().window().setSize(new Dimension(1280, 900));
        d.get(file.toUri().toString());
        return ((JavascriptExecutor) d).executeScript("return document.readyState");
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    @Test
    void markupFromDataRunsNothingAndShowsAsText() throws Exception {
        for (Map.Entry<String, String> page : Map.of(
                "vendor-hostile", ReportFixtures.vendor(PAYLOAD, true).render(),
                "board-hostile", ReportFixtures.board(PAYLOAD, false).render()).entrySet()) {
            console.clear();
            assertThat(load(page.getKey(), page.getValue())).isEqualTo("complete");
            Thread.sleep(300); // an onerror or onload would have run by now
            assertThat(js("return typeof window.__pwned")).as(page.getKey()).isEqualTo("undefined");
            assertThat(js("return document.scripts.length")).as(page.getKey()).isEqualTo(0L);
            // the only images are the evidence pictures, as data (the fixture's one), never one from the payload
            assertThat(js("return [...document.images].every(i => i.className === 'evidence'"
                    + " && i.src.startsWith('data:image/jpeg;base64,'))")).as(page.getKey()).isEqualTo(true);
            assertThat(js("return document.querySelectorAll('[onerror],[onload],[onmouseover]').length"))
                    .as(page.getKey()).isEqualTo(0L);
            assertThat((String) js("return document.body.innerText")).as(page.getKey())
                    .contains("<script>window.__pwned=1</script>");
            assertThat(console).as(page.getKey()).isEmpty();
        }
    }

    @Test
    void theBoardPageDrawsTheAnalysisIntervalsAndPrintsThemToA4() throws Exception {
        BoardReport r = ReportFixtures.board("", true);
        console.clear();
        load("board", r.render());
        for (String section : List.of("ranking", "tasks", "critical", "sensitivity", "adequacy", "reports")) {
            assertThat(js("return !!document.getElementById('" + section + "')")).as(section).isEqualTo(true);
        }
        // The composite chart: each candidate's interval and point where the axis puts the analysis's numbers.
        List<ReportReader.Drawn> rows = ReportReader.compositeChart(browser.driver());
        assertThat(rows).hasSize(2);
        for (ReportReader.Drawn row : rows) {
            CandidateAnalysis c = r.analysis().candidates().stream()
                    .filter(x -> x.candidate().equals(row.candidate())).findFirst().orElseThrow();
            assertThat(row.lo()).isCloseTo(c.composite().ci95().lo(), org.assertj.core.data.Offset.offset(0.1));
            assertThat(row.hi()).isCloseTo(c.composite().ci95().hi(), org.assertj.core.data.Offset.offset(0.1));
            assertThat(row.point()).isCloseTo(c.composite().score(), org.assertj.core.data.Offset.offset(0.1));
        }
        assertThat(console).isEmpty();
        screenshot("board");

        String text = printed("board", r.render());
        for (CandidateAnalysis c : r.analysis().candidates()) {
            assertThat(text).contains(Fmt.f(c.composite().score(), 1) + " " + Fmt.ci(c.composite().ci95(), 1, 1));
        }
        assertThat(text).contains("Page 1 of", "Usability: the board's decision page", "Critical use errors");
    }

    @Test
    void theVendorReportShowsEverySectionAndPrintsToA4() throws Exception {
        VendorReport r = ReportFixtures.vendor("", false);
        console.clear();
        load("vendor", r.render());
        for (String section : List.of("summary", "method", "results", "sus", "use-errors", "paths", "limits")) {
            assertThat(js("return !!document.getElementById('" + section + "')")).as(section).isEqualTo(true);
        }
        // The path map and a click map are drawn (vectors with their titles), not left empty.
        assertThat((Long) js("return document.querySelectorAll('#paths svg').length")).isGreaterThanOrEqualTo(2L);
        assertThat(console).isEmpty();
        screenshot("vendor");
        String text = printed("vendor", r.render());
        assertThat(text).contains("Executive summary", "What the data does not show", "Page 1 of",
                "SUS " + Fmt.f(r.analysis().sus().mean(), 1));
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        js("document.documentElement.style.overflow = 'hidden'");
        long height = (Long) js("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 6000)));
        Files.write(SHOTS.resolve(name + "-1280.png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    /** The page printed to A4 by the report command's printer, as text. */
    String printed(String name, String html) throws Exception {
        Path page = Files.writeString(dir.resolve(name + "-print.html"), html);
        Path pdf = SHOTS.resolve(name + ".pdf");
        Files.createDirectories(SHOTS);
        PdfPrinter.print(page, pdf, "Bedside · " + name);
        ReportReader.Printed printed = ReportReader.pdf(pdf);
        assertThat(printed.pages()).isGreaterThanOrEqualTo(2);
        assertThat(printed.firstPageWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        return printed.text();
    }
}
