package bedside.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.StudyHtml;
import bedside.reports.analysis.TaskWeight;
import bedside.reports.pages.Fmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real analysis page printed by headless Chromium and read back with PDFBox: A4, several pages, the page's own
 * figures as text, the footer on every page, fonts embedded, the charts vector.
 */
public class PdfPrinterIT {
    /** A4 in PDF points. */
    static final float A4_W = 595.28f;
    static final float A4_H = 841.89f;

    @TempDir
    static Path dir;
    static StudyAnalysis study;
    static Path html;
    static Path pdf;
    static final String LABEL = "Bedside · Ward study 2026";

    /**
     * 3 candidates × 12 tasks × 10 participants: the candidates' tables and two 36-row charts fill several pages.
     * Candidate A completes task T01 8 times in 10 (80%). Simulated, so it carries the banner. Also what
     * {@code bedside.harness.bench.PdfPrintBenchmark} prints.
     */
    public static StudyAnalysis study() {
        List<AttemptRow> rows = new ArrayList<>();
        List<TaskWeight> weights = new ArrayList<>();
        String[] candidates = {"A", "B", "C"};
        for (int t = 1; t <= 12; t++) {
            String task = String.format("T%02d", t);
            weights.add(new TaskWeight(task, 1 + t % 3));
            for (int c = 0; c < candidates.length; c++) {
                for (int p = 0; p < 10; p++) {
                    boolean ok = p < 7 - c + t % 3;
                    double time = 20 + 3 * t + 5 * c + p;
                    rows.add(AttemptRow.of("P" + p, candidates[c], task, ok, ok ? time : null, ok ? 0 : 1));
                }
            }
        }
        return StudyAnalyzer.analyze(rows, List.of(), weights, new StudyAnalyzer.Options(1, 200)).asSimulated();
    }

    @BeforeAll
    static void printIt() throws IOException {
        study = study();
        html = dir.resolve("analysis.html");
        Files.writeString(html, StudyHtml.render(study), StandardCharsets.UTF_8);
        pdf = dir.resolve("out/analysis.pdf");
        PdfPrinter.print(html, pdf, LABEL);
    }

    @AfterAll
    static void noneLeftOpen() {
        Browsers.closeAll();
    }

    @Test
    void printsA4PagesWithThePagesOwnFiguresAndTheFooter() throws IOException {
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        try (Stream<Path> left = Files.list(pdf.getParent())) {
            assertThat(left).as("no temporary file left beside the PDF").containsExactly(pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int n = doc.getNumberOfPages();
            assertThat(n).as("pages").isGreaterThanOrEqualTo(2);
            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).as("page width").isCloseTo(A4_W, within(1f));
                assertThat(box.getHeight()).as("page height").isCloseTo(A4_H, within(1f));
            }
            String text = new PDFTextStripper().getText(doc);
            StudyAnalysis.CandidateAnalysis a = study.candidates().stream().filter(c -> c.candidate().equals("A"))
                    .findFirst().orElseThrow();
            // A's completion at T01 and its composite, formatted as the page shows them
            double rate = a.tasks().get(0).completion().rate();
            assertThat(rate).isEqualTo(0.8);
            assertThat(text).contains("T01 10 80% " + Fmt.ci(a.tasks().get(0).completion().ci95(), 0, 100));
            assertThat(text).contains(Fmt.f(a.composite().score(), 1));
            assertThat(text).contains("Weight sensitivity", "Completion rate (95% adjusted-Wald interval)");
            // the simulated-data banner on the first page, and the header on every page
            assertThat(pageText(doc, 1)).contains("SIMULATED DATA.");
            for (int i = 1; i <= n; i++) {
                String p = pageText(doc, i);
                assertThat(p).as("page %d", i).contains(LABEL).contains("Page " + i + " of " + n)
                        .contains("SIMULATED DATA: every participant in this report is a simulated participant");
            }
            // Chromium's default header (date, the <title> "Bedside analysis") comes with an empty header template
            assertThat(text).as("no default header or footer (date, title, file URL)").doesNotContain("file:/")
                    .doesNotContain("Bedside analysis");
        }
    }

    @Test
    void fontsAreEmbeddedAndTheChartsAreVector() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int chartPage = 0;
            int fonts = 0;
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i - 1);
                List<PDFont> used = new ArrayList<>();
                List<String> images = new ArrayList<>();
                walk(page.getResources(), used, images, 0);
                assertThat(images).as("image XObjects on page %d", i).isEmpty();
                for (PDFont f : used) {
                    assertThat(f.isEmbedded()).as("font %s embedded", f.getName()).isTrue();
                }
                fonts += used.size();
                String p = pageText(doc, i);
                if (chartPage == 0 && p.contains("Completion rate (95% adjusted-Wald interval)")) {
                    chartPage = i;
                }
            }
            assertThat(fonts).as("fonts used").isPositive();
            assertThat(chartPage).as("page of the completion chart").isPositive();
            // the chart's tick labels and row labels are text, so the chart was drawn, not pasted as a picture
            String chart = pageText(doc, chartPage) + (chartPage < doc.getNumberOfPages() ? pageText(doc, chartPage + 1) : "");
            assertThat(chart).contains("0%", "25%", "50%", "75%", "100%", "A · T01");
        }
    }

    @Test
    void theFooterLabelIsEscapedAndOneBrowserPrintsSeveral() throws IOException {
        Path second = dir.resolve("second.pdf");
        Path third = dir.resolve("third.pdf");
        Path small = dir.resolve("small.html");
        Files.writeString(small, StudyHtml.render(StudyAnalyzer.analyze(List.of(
                AttemptRow.of("P1", "A", "T1", true, 10.0, 0), AttemptRow.of("P2", "A", "T1", false, null, 1)),
                List.of(), null, new StudyAnalyzer.Options(1, 50))), StandardCharsets.UTF_8);
        try (PdfPrinter printer = PdfPrinter.open()) {
            printer.printPage(small, second, "<b>x</b> & \"y\"");
            printer.printPage(html, third, null);
        }
        try (PDDocument doc = Loader.loadPDF(second.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("<b>x</b> & \"y\"").contains("Page 1 of " + doc.getNumberOfPages())
                    .doesNotContain("SIMULATED");
        }
        try (PDDocument doc = Loader.loadPDF(third.toFile())) {
            assertThat(pageText(doc, 1)).contains("Page 1 of " + doc.getNumberOfPages());
        }
    }

    @Test
    void aMissingReportIsNamed() {
        Path missing = dir.resolve("nowhere/report.html");
        assertThatThrownBy(() -> PdfPrinter.print(missing, dir.resolve("x.pdf"), "x"))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void aBrowserThatCannotStartIsSaidWithTheReport() {
        Path pdf = dir.resolve("never.pdf");
        BrowserSettings none = new BrowserSettings(dir.resolve("no-chromium"), dir.resolve("no-chromedriver"), true, null);
        assertThatThrownBy(() -> {
            try (PdfPrinter printer = PdfPrinter.open(none)) {
                printer.printPage(html, pdf, "x");
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("could not start Chromium")
                .hasMessageContaining("no-chromium");
        assertThat(pdf).doesNotExist();
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /** The fonts and image XObjects of {@code res}, and of the forms it draws, recursively. */
    static void walk(PDResources res, List<PDFont> fonts, List<String> images, int depth) throws IOException {
        if (res == null || depth > 10) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            fonts.add(res.getFont(name));
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDImageXObject) {
                images.add(name.getName());
            } else if (x instanceof PDFormXObject form) {
                walk(form.getResources(), fonts, images, depth + 1);
            }
        }
    }
}
