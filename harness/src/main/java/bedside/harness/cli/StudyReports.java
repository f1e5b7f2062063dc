package bedside.harness.cli;

import bedside.harness.browser.PdfPrinter;
import bedside.results.CandidateRecord;
import bedside.results.server.ReportDocuments;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A study's reports written side by side into one folder: the board's decision page ({@code board.html}, linking
 * each candidate's report) and one report per candidate ({@code ID.html}), each also printed to A4 PDF in one
 * headless browser.
 */
final class StudyReports {
    private StudyReports() {
    }

    /**
     * @param pdfs        whether the PDFs were printed (when not, the reason was said)
     * @param candidates  each candidate's report, by code
     */
    record Written(Path board, boolean pdfs, Map<String, Path> candidates) {
        static Path pdfOf(Path html) {
            return html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html$", ".pdf"));
        }
    }

    static Written write(ResultsStore store, String study, Path dir, PrintStream out) throws IOException {
        ReportDocuments documents = new ReportDocuments(store);
        Instant now = Instant.now();
        ReportDocuments.Scored scored = documents.score(study);
        Path board = dir.resolve("board.html");
        OutputFile.write(board, documents.board(scored, c -> c + ".html", now).render());
        Map<String, Path> candidates = new LinkedHashMap<>();
        for (CandidateRecord c : store.candidates(study)) {
            Path page = dir.resolve(c.code() + ".html");
            bedside.reports.documents.VendorReport report = documents.vendor(scored, c.code(), now,
                    ReportDocuments.BESIDE);
            OutputFile.write(page, report.render());
            ReplayFiles.writeBeside(store, study, dir, report.replays().keySet()); // the use errors' replays it links
            candidates.put(c.code(), page);
        }
        try (PdfPrinter printer = PdfPrinter.open()) {
            printer.printPage(board, Written.pdfOf(board), "Bedside · study " + study + " · board's decision page");
            for (Map.Entry<String, Path> c : candidates.entrySet()) {
                printer.printPage(c.getValue(), Written.pdfOf(c.getValue()),
                        "Bedside · study " + study + " · candidate " + c.getKey());
            }
            return new Written(board, true, candidates);
        } catch (IOException e) {
            out.println("The reports could not be printed to PDF (the HTML files stand): " + e.getMessage());
            return new Written(board, false, candidates);
        }
    }
}
