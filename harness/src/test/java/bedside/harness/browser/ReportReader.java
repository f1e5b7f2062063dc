package bedside.harness.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Reads a report back as its reader gets it: the composite chart as Chromium lays it out, a PDF as its text. */
public final class ReportReader {
    private ReportReader() {
    }

    /** A candidate's composite as the board page's chart draws it. */
    public record Drawn(String candidate, double lo, double hi, double point) {
    }

    /**
     * The board page's composite chart, read off the drawing: each row's interval ends and point, turned back into
     * composite points through the axis's own 0 and 100 ticks.
     */
    @SuppressWarnings("unchecked")
    public static List<Drawn> compositeChart(WebDriver driver) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                const svg = document.querySelector('#ranking svg.intervals');
                const ticks = [...svg.querySelectorAll(':scope > text')];
                const x = (label) => Number(ticks.find(t => t.textContent === label).getAttribute('x'));
                const x0 = x('0'), x100 = x('100');
                const at = (px) => (Number(px) - x0) / (x100 - x0) * 100;
                return [...svg.querySelectorAll('g')].map(g => ({
                  label: g.querySelector('text').textContent,
                  lo: at(g.querySelector('line').getAttribute('x1')), hi: at(g.querySelector('line').getAttribute('x2')),
                  point: at(g.querySelector('circle').getAttribute('cx'))}));""");
        return rows.stream().map(r -> new Drawn((String) r.get("label"), ((Number) r.get("lo")).doubleValue(),
                ((Number) r.get("hi")).doubleValue(), ((Number) r.get("point")).doubleValue())).toList();
    }

    /** A PDF's text and page count. */
    public record Printed(int pages, float firstPageWidth, String text) {
    }

    public static Printed pdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new Printed(doc.getNumberOfPages(), doc.getPage(0).getMediaBox().getWidth(),
                    new PDFTextStripper().getText(doc));
        }
    }
}
