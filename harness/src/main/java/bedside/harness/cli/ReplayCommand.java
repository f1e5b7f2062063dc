package bedside.harness.cli;

import bedside.results.AttemptRecord;
import bedside.results.ReplayRecord;
import bedside.results.server.ReplayPages;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedside replay STUDY ATTEMPT [--html FILE]}: an attempt's DOM replay as the results server plays it, written
 * as a self-contained page (rrweb-player, the replay and the attempt's marks inlined) that any browser opens from disk.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Writes an attempt's replay from the stored data, as the results server plays it (GET "
                + "/api/studies/STUDY/attempts/ID/replay): a self-contained page with the player, what the browser "
                + "showed during the attempt (inputs and the binding's patient data masked), and its clicks, screens, "
                + "errors and the observer's markers on the timeline. Without --html it goes to "
                + "$BEDSIDE_HOME/reports/STUDY/replays/ID.html. The reports name each use error's attempt."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written", "  1  the study or attempt is unknown, it has no replay, or the file cannot be written",
                "  2  usage error"})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study's code.")
    String study;

    @Parameters(index = "1", paramLabel = "ATTEMPT", description = "The attempt's id (as the reports and exports give it).")
    UUID attempt;

    @Option(names = "--html", paramLabel = "FILE", description = "Where to write the page.")
    Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return LocalDatabase.with(spec, "replay", db -> {
            ResultsStore store = new ResultsStore(db);
            Optional<AttemptRecord> a = store.study(study).isEmpty() ? Optional.empty() : store.attempt(study, attempt);
            if (a.isEmpty()) {
                err.println("bedside replay: study " + study + " has no attempt " + attempt
                        + (store.study(study).isEmpty() ? " (there is no such study: bedside study list shows them)" : ""));
                return BedsideCli.PROBLEM;
            }
            Optional<ReplayRecord> replay = store.replay(attempt);
            if (replay.isEmpty()) {
                err.println("bedside replay: attempt " + attempt + " has no replay (recorded with --no-replay, or before "
                        + "replays were kept)");
                return BedsideCli.PROBLEM;
            }
            Path target = html != null ? html : Home.data().resolve("reports").resolve(study).resolve("replays")
                    .resolve(attempt + ".html");
            try {
                OutputFile.write(target, ReplayPages.render(store, study, a.get(), replay.get()));
            } catch (IOException e) {
                err.println("bedside replay: cannot write " + target + " (" + e.getClass().getSimpleName() + ")");
                return BedsideCli.PROBLEM;
            }
            store.audit("cli:" + System.getProperty("user.name", "unknown"), "replay.read", study, "attempt",
                    attempt.toString(), null);
            out.println("Replay of " + a.get().task() + " on " + a.get().candidate() + ", attempt " + a.get().attemptNo()
                    + ": " + target.toAbsolutePath());
            return BedsideCli.OK;
        });
    }
}
