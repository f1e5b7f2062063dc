package bedside.harness.browser;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Prints Bedside's self-contained HTML reports to PDF in headless Chromium (CDP {@code Page.printToPDF}): A4, the
 * report's own print style sheet, backgrounds printed, and a footer on every page with a label on the left and
 * "Page i of n" on the right. When the report carries the simulated-data banner, every page's header says so too, so
 * that no page taken out of the document can pass for real data.
 *
 * <p>One browser can print several reports: {@link #open()}, then {@link #printPage} for each, then {@link #close()}
 * (try-with-resources). {@link #print(Path, Path, String)} does the three for one report. The browser is started the
 * way {@link Browsers} starts every headless browser (the system's chromedriver, the headless shell when installed),
 * always headless: Chromium prints only without a window.
 */
public final class PdfPrinter implements AutoCloseable {
    /** A4 in inches, as {@code Page.printToPDF} takes it. */
    static final double A4_WIDTH_IN = 8.27;
    static final double A4_HEIGHT_IN = 11.69;
    /** 15 mm above and below (the footer sits in the bottom margin), 12 mm at the sides. */
    static final double MARGIN_TOP_BOTTOM_IN = 15 / 25.4;
    static final double MARGIN_SIDES_IN = 12 / 25.4;
    /** How long a report may take to load and lay out its fonts. */
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final Browsers.Session session;

    private PdfPrinter(Browsers.Session session) {
        this.session = session;
    }

    /** Prints one report with a browser of its own, started and closed here. */
    public static void print(Path html, Path pdf, String footerLabel) throws IOException {
        requireReport(html);
        PdfPrinter opened;
        try {
            opened = open();
        } catch (IOException e) {
            throw new IOException("could not print " + html + ": " + e.getMessage(), e);
        }
        try (PdfPrinter printer = opened) {
            printer.printPage(html, pdf, footerLabel);
        }
    }

    /** A printer on the system's Chromium ({@link BrowserSettings#local()}), for as many reports as needed. */
    public static PdfPrinter open() throws IOException {
        return open(BrowserSettings.local());
    }

    /**
     * A printer on the browser {@code settings} name, always headless. A Selenium Grid cannot print: its browser would
     * look for the reports on its own machine.
     */
    public static PdfPrinter open(BrowserSettings settings) throws IOException {
        if (settings.grid() != null) {
            throw new IllegalArgumentException("reports are printed by a local browser, not on a Selenium Grid");
        }
        BrowserSettings headless = new BrowserSettings(settings.chromium(), settings.chromedriver(), true, null);
        Browsers.Session session;
        try {
            session = Browsers.start(headless);
        } catch (RuntimeException e) {
            throw new IOException("could not start Chromium to print reports: " + firstLine(e), e);
        }
        if (!(session.driver() instanceof HasCdp)) {
            session.close();
            throw new IOException("the browser started cannot print to PDF (no DevTools protocol)");
        }
        return new PdfPrinter(session);
    }

    /**
     * Prints {@code html} to {@code pdf} (its folder made when missing; an existing file replaced whole only once the
     * new one is written).
     *
     * @param footerLabel the text at the left of every page's footer (plain text: escaped here), or null for none
     * @throws IOException naming the report when it is missing or the browser could not print it
     */
    public void printPage(Path html, Path pdf, String footerLabel) throws IOException {
        requireReport(html);
        byte[] bytes;
        try {
            WebDriver driver = session.driver();
            driver.manage().timeouts().pageLoadTimeout(LOAD_TIMEOUT).scriptTimeout(LOAD_TIMEOUT);
            driver.get(html.toAbsolutePath().normalize().toUri().toString());
            // get() returns on the load event; the fonts may still be laid out after it.
            Object simulated = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + " const ready = () => document.fonts.ready.then(() => {"
                            // A link to a file beside the page would become this machine's path in the PDF, dead
                            // wherever the PDF is sent: such links print as text naming the file.
                            + "   for (const a of document.querySelectorAll('a[href]')) {"
                            + "     const href = a.getAttribute('href');"
                            + "     if (!/^[a-z]+:/i.test(href) && !href.startsWith('#')) {"
                            + "       a.removeAttribute('href'); a.append(' (' + href.split('#')[0] + ')'); } }"
                            + "   done(document.querySelector('.banner.simulated') !== null); });"
                            + " if (document.readyState === 'complete') ready();"
                            + " else window.addEventListener('load', ready, {once: true});");
            Map<String, Object> result = ((HasCdp) driver).executeCdpCommand("Page.printToPDF",
                    printParameters(footerLabel, Boolean.TRUE.equals(simulated)));
            Object data = result == null ? null : result.get("data");
            if (!(data instanceof String)) {
                throw new IOException("Chromium returned no PDF for " + html);
            }
            bytes = Base64.getMimeDecoder().decode((String) data);
        } catch (WebDriverException e) {
            throw new IOException("Chromium could not print " + html + ": " + firstLine(e), e);
        }
        writeAtomically(pdf, bytes);
    }

    /** The parameters of {@code Page.printToPDF}. */
    static Map<String, Object> printParameters(String footerLabel, boolean simulated) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paperWidth", A4_WIDTH_IN);
        p.put("paperHeight", A4_HEIGHT_IN);
        p.put("marginTop", MARGIN_TOP_BOTTOM_IN);
        p.put("marginBottom", MARGIN_TOP_BOTTOM_IN);
        p.put("marginLeft", MARGIN_SIDES_IN);
        p.put("marginRight", MARGIN_SIDES_IN);
        p.put("printBackground", true);
        p.put("preferCSSPageSize", true);
        p.put("displayHeaderFooter", true);
        p.put("headerTemplate", headerTemplate(simulated));
        p.put("footerTemplate", footerTemplate(footerLabel));
        p.put("transferMode", "ReturnAsBase64");
        return p;
    }

    /** The templates' own style: they are laid out apart from the page, at Chromium's tiny default size otherwise. */
    private static final String TEMPLATE_STYLE = "font-family:system-ui,'DejaVu Sans',sans-serif;font-size:8.5px;"
            + "width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8mm;"
            + "-webkit-print-color-adjust:exact;print-color-adjust:exact";

    /**
     * Empty (an element, not "": Chromium puts its default date and title in for an empty template), or on a report
     * of simulated data the line that says so.
     */
    static String headerTemplate(boolean simulated) {
        if (!simulated) {
            return "<span></span>";
        }
        return "<div style=\"" + TEMPLATE_STYLE + ";color:#9b2c2c;font-weight:700\"><span>SIMULATED DATA: every"
                + " participant in this report is a simulated participant, not a person.</span></div>";
    }

    /** The label at the left, "Page i of n" at the right. */
    static String footerTemplate(String footerLabel) {
        return "<div style=\"" + TEMPLATE_STYLE + ";color:#4a5568\"><span>" + escape(footerLabel == null ? "" : footerLabel)
                + "</span><span style=\"white-space:nowrap\">Page <span class=\"pageNumber\"></span> of"
                + " <span class=\"totalPages\"></span></span></div>";
    }

    /** Text as HTML (jte's escaping, as every page's): the label is a study's or a candidate's name, never markup. */
    static String escape(String s) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        gg.jte.html.escape.Escape.htmlContent(s, out);
        return out.toString();
    }

    private static void requireReport(Path html) throws IOException {
        if (!Files.isRegularFile(html)) {
            throw new NoSuchFileException(html.toString(), null, "no HTML report to print");
        }
    }

    /** Writes beside the target, then moves over it: a reader never sees half a PDF. */
    static void writeAtomically(Path pdf, byte[] bytes) throws IOException {
        Path target = pdf.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stay on the PDF moved over the target.
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not write " + pdf + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Closes the browser. */
    @Override
    public void close() {
        session.close();
    }
}
