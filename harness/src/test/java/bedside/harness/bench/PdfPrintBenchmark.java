package bedside.harness.bench;

import bedside.harness.browser.PdfPrinter;
import bedside.harness.browser.PdfPrinterIT;
import bedside.reports.analysis.StudyHtml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long printing a report to PDF takes ({@link PdfPrinter}): the browser's start, the first report printed in it,
 * the next ones (a command printing 3–4 reports reuses one browser), closing it, and {@link PdfPrinter#print} for
 * one report with a browser of its own. The report is PdfPrinterIT's: 3 candidates × 12 tasks, several A4 pages.
 *
 * <pre>
 * cd harness && mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.bench.PdfPrintBenchmark 10
 * </pre>
 */
public final class PdfPrintBenchmark {
    private PdfPrintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("bedside-pdf-bench-");
        Path html = dir.resolve("analysis.html");
        Files.writeString(html, StudyHtml.render(PdfPrinterIT.study()), StandardCharsets.UTF_8);
        List<Double> start = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> next = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        // one warm-up of each (class loading, the disk cache)
        PdfPrinter.print(html, dir.resolve("warm.pdf"), "warm-up");
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            PdfPrinter printer = PdfPrinter.open();
            long t1 = System.nanoTime();
            printer.printPage(html, dir.resolve("a.pdf"), "run " + r);
            long t2 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                printer.printPage(html, dir.resolve("b" + i + ".pdf"), "run " + r);
            }
            long t3 = System.nanoTime();
            printer.close();
            long t4 = System.nanoTime();
            PdfPrinter.print(html, dir.resolve("c.pdf"), "run " + r);
            long t5 = System.nanoTime();
            start.add(ms(t1 - t0));
            first.add(ms(t2 - t1));
            next.add(ms(t3 - t2) / 3);
            close.add(ms(t4 - t3));
            whole.add(ms(t5 - t4));
        }
        System.out.printf(Locale.ROOT, "report: %d bytes of HTML, PDF %d bytes%n", Files.size(html),
                Files.size(dir.resolve("a.pdf")));
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s%n", "ms (" + runs + " runs)", "median", "min", "max");
        row("browser start (open)", start);
        row("first report printed", first);
        row("each next report", next);
        row("browser close", close);
        row("PdfPrinter.print, whole", whole);
        for (Path p : Files.list(dir).toList()) {
            Files.delete(p);
        }
        Files.delete(dir);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void row(String what, List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "%-28s %8.0f %8.0f %8.0f%n", what, median, s.get(0), s.get(s.size() - 1));
    }
}
