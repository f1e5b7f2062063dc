package bedside.harness.cli;

import bedside.results.AttemptRecord;
import bedside.results.ReplayRecord;
import bedside.results.server.ReplayPages;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * as a self-contained page (rrweb-player, the replay and the attempt's marks inlined) that any browser opens from disk;
 * {@code bedside replay STUDY}: the study's attempts that have one, with their ids (the evaluator's own listing, so it
 * names participants; the page never does).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Writes an attempt's replay from the stored data, as the results server plays it (GET "
                + "/api/studies/STUDY/attempts/ID/replay): a self-contained page with the player, what the browser "
                + "showed during the attempt (inputs and the binding's patient data masked), and its clicks, screens, "
                + "errors and the observer's markers on the timeline. Without --html it goes to "
                + "$BEDSIDE_HOME/reports/STUDY/replays/ID.html. Without ATTEMPT it lists the study's attempts that "
                + "have a replay, with their ids."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written (or listed)",
                "  1  the study or attempt is unknown, it has no replay, or the file cannot be",
                "     written",
                "  2  usage error (an ATTEMPT that is not an id)"})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study's code.")
    String study;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ATTEMPT",
            description = "The attempt's id, as this command lists it without one (and the run report's replay links "
                    + "name it).")
    String attemptId;

    @Option(names = "--html", paramLabel = "FILE", description = "Where to write the page.")
    Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UUID attempt;
        try {
            attempt = attemptId == null ? null : UUID.fromString(attemptId);
        } catch (IllegalArgumentException e) {
            err.println("bedside replay: " + attemptId + " is not an attempt's id (it looks like "
                    + "3f2b9c1e-0d4a-4c1e-9a57-2f1d0c8b7e65; bedside replay " + study + " lists them)");
            return BedsideCli.USAGE;
        }
        if (html != null && Files.isDirectory(html)) {
            err.println("bedside replay: --html " + html + " is a directory; give the page's file name, e.g. "
                    + html.resolve((attempt == null ? "ATTEMPT" : attempt) + ".html"));
            return BedsideCli.USAGE;
        }
        return LocalDatabase.with(spec, "replay", db -> {
            ResultsStore store = new ResultsStore(db);
            if (attempt == null) {
                return list(store, out, err);
            }
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

    /** The study's attempts that have a replay, one a line: what to give as ATTEMPT. */
    private int list(ResultsStore store, PrintWriter out, PrintWriter err) {
        if (store.study(study).isEmpty()) {
            err.println("bedside replay: there is no study " + study + " (bedside study list shows them)");
            return BedsideCli.PROBLEM;
        }
        java.util.Map<UUID, Integer> replays = store.replaySizes(study);
        List<AttemptRecord> attempts = store.attemptsOfStudy(study, null).stream()
                .filter(a -> replays.containsKey(a.attemptId())).toList();
        if (attempts.isEmpty()) {
            err.println("bedside replay: study " + study + " has no attempt with a replay (recorded with --no-replay, "
                    + "or before replays were kept)");
            return BedsideCli.PROBLEM;
        }
        List<List<String>> rows = new ArrayList<>();
        for (AttemptRecord a : attempts) {
            rows.add(List.of(a.attemptId().toString(), a.candidate(), a.task(),
                    a.session() == null ? "expert path" : a.participant(), String.valueOf(a.attemptNo()),
                    a.outcome().code(), String.format(java.util.Locale.ROOT, "%.1f s", a.timeMs() / 1000.0)));
        }
        rows.add(0, List.of("ATTEMPT", "CANDIDATE", "TASK", "BY", "NO.", "OUTCOME", "TIME"));
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(i == width.length - 1 ? r.get(i) : String.format("%-" + width[i] + "s  ", r.get(i)));
            }
            out.println(line);
        }
        out.println(attempts.size() + " attempt(s) with a replay; bedside replay " + study + " ATTEMPT writes one's page.");
        return BedsideCli.OK;
    }
}
