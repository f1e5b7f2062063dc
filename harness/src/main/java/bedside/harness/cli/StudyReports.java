package bedside.harness.cli;

import bedside.harness.browser.PdfPrinter;
import bedside.results.CandidateRecord;
import bedside.results.server.ReportDocuments;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A study's reports written side by side into one folder: the board's decision page ({@code board.html}, linking
 * each candidate's report) and one report per candidate ({@code ID.html}), each also printed to PDF.
 */
final class StudyReports {
    private StudyReports() {
    }

    /**
     * @param boardPdf the board's page as a PDF, or null when it could not be printed (the reason was printed)
     * @param candidates each candidate's report, by code
     */
    record Written(Path board, Path boardPdf, Map<String, Path> candidates) {
    }

    static Written write(ResultsStore store, String study, Path dir, PrintWriter out) throws IOException {
        ReportDocuments documents = new ReportDocuments(store);
        Instant now = Instant.now();
        Path board = dir.resolve("board.html");
        ReportCommand.write(board, documents.board(study, c -> c + ".html", now).render());
        Map<String, Path> candidates = new LinkedHashMap<>();
        for (CandidateRecord c : store.candidates(study)) {
            Path page = dir.resolve(c.code() + ".html");
            ReportCommand.write(page, documents.vendor(study, c.code(), now).render());
            candidates.put(c.code(), page);
        }
        Path pdf = dir.resolve("board.pdf");
        try {
            PdfPrinter.print(board, pdf, "Bedside · study " + study + " · board's decision page");
        } catch (IOException | RuntimeException e) {
            out.println("The board's page could not be printed to PDF: " + e.getMessage());
            pdf = null;
        }
        return new Written(board, pdf, candidates);
    }
}
