package bedside.harness.cli;

import bedside.results.VerifyReport;
import bedside.results.store.DataDirectoryInUseException;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.io.PrintWriter;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedside verify STUDY}: re-derives the study's chain of attempt hashes from the stored rows. Exit codes:
 * 0 intact, 1 altered (the first altered row is named) or the study or database cannot be read, 2 usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks that a study's stored results are exactly as they were stored.",
                "Every attempt with its events and replay, and every questionnaire answer (task ratings, SUS), is "
                        + "re-hashed and the per-study hash chain is followed to its recorded head. Names the first "
                        + "altered row if any."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  intact", "  1  altered (the first altered row is named), or the study is unknown", "  2  usage error"})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "The study's code.")
    String study;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = Database.open(DatabaseConfig.fromEnvironment(Home.data()))) {
            ResultsStore store = new ResultsStore(db);
            VerifyReport r = store.verify(study);
            store.audit("cli:" + System.getProperty("user.name", "unknown"), "study.verify", study, "study", study,
                    "{\"intact\":" + r.intact() + "}");
            if (r.intact()) {
                out.printf("Study %s is intact: %,d attempt(s), %,d event(s), %,d task rating(s), %,d SUS answer(s), %,d"
                                + " marker(s) and %,d replay(s) match their chain%s%s.%n", study, r.attempts(), r.events(),
                        r.taskRatings(), r.susAnswers(), r.markers(), r.replays(),
                        r.headHash() == null ? "" : " (head " + r.headHash() + ")",
                        r.locked() ? "; the study is locked" : "; the study is not locked yet");
                out.println(r.planHash() == null ? "The study has no plan."
                        : "Its plan " + r.planHash() + (r.planLocked() ? " is locked, in the chain, and unchanged."
                        : " is not locked yet (unchanged)."));
                return BedsideCli.OK;
            }
            err.println("Study " + study + " is ALTERED: " + r.problem());
            if (r.planAltered()) {
                err.println("Its plan is not what its hash " + r.planHash() + " says: the plan was changed after it was "
                        + (r.planLocked() ? "locked" : "saved") + ".");
            }
            if (r.firstAlteredTable() != null) {
                err.println("First altered row: " + r.firstAlteredTable() + " " + r.firstAlteredRow()
                        + (r.firstAlteredChainNo() == null ? "" : " (chain #" + r.firstAlteredChainNo() + ")"));
            }
            err.printf("%,d attempt(s) before it are intact.%n", r.attempts());
            return BedsideCli.PROBLEM;
        } catch (NoSuchElementException e) {
            err.println("bedside verify: " + e.getMessage());
            return BedsideCli.PROBLEM;
        } catch (DataDirectoryInUseException e) {
            err.println("bedside verify: " + e.getMessage());
            return BedsideCli.PROBLEM;
        }
    }
}
