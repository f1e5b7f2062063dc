package bedside.harness.cli;

import bedside.results.server.Scores;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedside export STUDY --attempts A.csv [--sus S.csv]}: what the study's scores are computed from, as the
 * CSV files {@code bedside analyze} reads — the same rows as {@code /api/studies/STUDY/scores}, attempts not
 * scored included with their outcome — so that the scores can be recomputed, or checked, anywhere.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a stored study as the CSV files 'bedside analyze' reads.",
                "Per participant, candidate and task the attempt that counts, and every",
                "attempt not scored (system or script error, not checked) with its outcome;",
                "the SUS questionnaires; the tasks marked not applicable. Then",
                "  bedside analyze --attempts A.csv --sus S.csv --not-applicable N.csv --json OUT.json",
                "gives exactly the study's scores (GET /api/studies/STUDY/scores)."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written", "  1  the study is unknown or has no attempts, or a file cannot be written",
                "  2  usage error"})
public final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "The study's code.")
    String study;

    @Option(names = "--attempts", required = true, paramLabel = "ATTEMPTS.csv", description = "Where to write the attempts.")
    Path attempts;

    @Option(names = "--sus", paramLabel = "SUS.csv", description = "Where to write the SUS questionnaires.")
    Path sus;

    @Option(names = "--not-applicable", paramLabel = "NOT_APPLICABLE.csv",
            description = "Where to write the tasks the candidates' bindings mark as not applicable.")
    Path notApplicable;

    @Option(names = "--weights", paramLabel = "WEIGHTS.csv",
            description = "Where to write the locked plan's task weights (a study without a locked plan has none: equal "
                    + "weights).")
    Path weights;

    @Option(names = "--chpl", paramLabel = "CHPL.csv",
            description = "Where to write the scores as one row per candidate and task under the column names of ONC's "
                    + "Certified Health IT Product List for safety-enhanced design, 170.315(g)(3).")
    Path chpl;

    @Option(names = "--participants", paramLabel = "PARTICIPANTS.csv",
            description = "Where to write the participants' table: the details the session panel took, pilot and "
                    + "simulated flags (never the expert path).")
    Path participants;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return LocalDatabase.with(spec, "export", db -> {
            ResultsStore store = new ResultsStore(db);
            if (store.study(study).isEmpty()) {
                err.println("bedside export: no study " + study + " (bedside study list shows them)");
                return BedsideCli.PROBLEM;
            }
            Scores.Selection selection = new Scores(store).select(study, null);
            if (selection.empty()) {
                err.println("bedside export: study " + study + " has no attempts yet; nothing written");
                return BedsideCli.PROBLEM;
            }
            try {
                OutputFile.write(attempts, Scores.attemptsCsv(selection));
                if (sus != null) {
                    OutputFile.write(sus, Scores.susCsv(selection));
                }
                if (notApplicable != null) {
                    OutputFile.write(notApplicable, Scores.notApplicableCsv(selection));
                }
                if (weights != null && selection.plan() != null) {
                    OutputFile.write(weights, Scores.weightsCsv(selection));
                }
                if (chpl != null) {
                    OutputFile.write(chpl, new Scores(store).chplCsv(study, null));
                }
                if (participants != null) {
                    OutputFile.write(participants, new Scores(store).participantsCsv(study));
                }
            } catch (IOException e) {
                err.println("bedside export: cannot write: " + e.getMessage());
                return BedsideCli.PROBLEM;
            }
            store.audit("cli:" + System.getProperty("user.name", "unknown"), "export.read", study, "study", study, null);
            long notScored = selection.rows().stream().filter(r -> !r.scored()).count();
            out.printf("Wrote %s: %d scored attempt(s), %d not scored%s.%n", attempts, selection.counted().size(),
                    notScored, sus == null ? "" : "; " + sus + ": " + selection.sus().size() + " questionnaire(s)");
            if (selection.simulated()) {
                out.println("SIMULATED DATA: every participant in these files is a simulated participant (the demo's "
                        + "panel model), not a person; the attempts file's simulated column says so on every row.");
            }
            if (selection.plan() != null) {
                out.printf("Scored as the locked plan %s says: bedside analyze with%s --seed %d --resamples %d gives "
                                + "its scores.%n", selection.plan().hash(), weights == null ? " --weights (see --weights)"
                                : " --weights " + weights, selection.plan().plan().analysis().seed(),
                        selection.plan().plan().analysis().resamples());
            } else if (weights != null) {
                out.println("No locked plan: no weights file written (the scores use equal weights).");
            }
            return BedsideCli.OK;
        });
    }
}
