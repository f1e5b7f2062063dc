package bedside.harness.cli;

import bedside.harness.browser.PdfPrinter;
import bedside.results.server.ReportDocuments;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedside report STUDY --board|--candidate ID [--html FILE] [--pdf FILE]}: the board's decision page or a
 * candidate's report, made from the stored study as the results server makes it, written as a self-contained HTML
 * file and, with {@code --pdf}, printed to A4 by headless Chromium (fonts embedded, page numbers, charts as vectors).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a study's report (the board's or a candidate's) from the stored data.",
                "As the results server serves it:",
                "  --board      the board's decision page (GET /api/studies/STUDY/report)",
                "  --candidate  one candidate's report (GET .../candidates/ID/report)",
                "as a self-contained HTML file and, with --pdf, an A4 PDF. Without --html the",
                "HTML goes to $BEDSIDE_HOME/reports/STUDY/ (board.html or ID.html), where the",
                "board's page links each candidate's report."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written", "  1  the study or candidate is unknown, or a file cannot be written",
                "  2  usage error", "  3  --pdf, and the machine has no Chromium (it says what to install)"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "The study's code.")
    String study;

    static final class Which {
        @Option(names = "--board", required = true, description = "The board's decision page: every candidate ranked.")
        boolean board;

        @Option(names = "--candidate", required = true, paramLabel = "ID",
                description = "One candidate's report (NISTIR 7742 / ISO/IEC 25062 structure), for its vendor.")
        String candidate;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--html", paramLabel = "FILE", description = "Where to write the HTML.")
    Path html;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Also print it to this PDF (A4).")
    Path pdf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String noBrowser = pdf == null ? null : bedside.harness.browser.BrowserSettings.local().problem();
        if (noBrowser != null) {
            throw new BedsideCli.EnvironmentProblem("report --pdf prints with headless Chromium. " + noBrowser);
        }
        return LocalDatabase.with(spec, "report", db -> {
            ResultsStore store = new ResultsStore(db);
            if (store.study(study).isEmpty()) {
                err.println("bedside report: no study " + study + " (bedside study list shows them)");
                return BedsideCli.PROBLEM;
            }
            if (which.candidate != null && store.candidate(study, which.candidate).isEmpty()) {
                err.println("bedside report: study " + study + " has no candidate " + which.candidate + " (it has: "
                        + String.join(", ", store.candidates(study).stream().map(c -> c.code()).toList()) + ")");
                return BedsideCli.PROBLEM;
            }
            ReportDocuments documents = new ReportDocuments(store);
            bedside.reports.documents.VendorReport vendor = which.board ? null
                    : documents.vendor(study, which.candidate, Instant.now());
            String page = which.board ? documents.board(study, c -> c + ".html", Instant.now()).render() : vendor.render();
            Path target = html != null ? html
                    : Home.data().resolve("reports").resolve(study).resolve((which.board ? "board" : which.candidate) + ".html");
            int replays = 0;
            try {
                OutputFile.write(target, page);
                if (vendor != null) { // the use errors' replays it links, as replays/ID.html beside it
                    replays = ReplayFiles.writeBeside(store, study, target.toAbsolutePath().getParent(),
                            vendor.replays().keySet());
                }
            } catch (IOException e) {
                err.println("bedside report: cannot write " + target + " (" + e.getClass().getSimpleName() + ")");
                return BedsideCli.PROBLEM;
            }
            store.audit("cli:" + System.getProperty("user.name", "unknown"), "report.read", study,
                    which.board ? "study" : "candidate", which.board ? study : which.candidate, null);
            out.println((which.board ? "Board's decision page: " : "Report for " + which.candidate + ": ")
                    + target.toAbsolutePath());
            if (replays > 0) {
                out.println("Replays of its use errors' attempts (" + replays + "): "
                        + target.toAbsolutePath().resolveSibling("replays"));
            }
            if (which.board) {
                java.util.List<String> missing = store.candidates(study).stream().map(c -> c.code())
                        .filter(c -> !Files.exists(target.toAbsolutePath().resolveSibling(c + ".html"))).toList();
                if (!missing.isEmpty()) {
                    out.println("It links each candidate's report as ID.html beside it; not there yet: " + String.join(", ",
                            missing) + " (bedside report " + study + " --candidate ID --html "
                            + target.toAbsolutePath().resolveSibling("ID.html") + ")");
                }
            }
            if (pdf != null) {
                try {
                    PdfPrinter.print(target.toAbsolutePath(), pdf.toAbsolutePath(), "Bedside · study " + study
                            + (which.board ? " · board's decision page" : " · candidate " + which.candidate));
                } catch (IOException e) {
                    err.println("bedside report: cannot print " + pdf + ": " + e.getMessage());
                    return BedsideCli.PROBLEM;
                }
                out.println("PDF: " + pdf.toAbsolutePath());
            }
            return BedsideCli.OK;
        });
    }
}
