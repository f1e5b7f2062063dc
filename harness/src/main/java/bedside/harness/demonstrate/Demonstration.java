package bedside.harness.demonstrate;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.AttemptListener;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.Performer;
import bedside.harness.run.TaskRunner;
import bedside.results.Outcome;
import bedside.scenarios.Binding;
import bedside.scenarios.Parameters;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A binding written by demonstration ({@code bedside record}): the task's setup brings the candidate to its starting
 * screen, the evaluator (or, in Bedside's tests, a scripted participant) performs the task once while the recorder
 * watches in demonstration mode, the steps are written into the candidate's binding file, and the new binding is
 * replayed once headless with the suite's checks. Nothing of the demonstration is stored as a result: it is authoring,
 * not evidence.
 */
public final class Demonstration {
    /**
     * What came of it.
     *
     * @param demonstration the demonstrated attempt (never stored), or null when it did not begin
     * @param steps   the steps written (empty when none were)
     * @param written the binding file written, or null
     * @param backup  the file as it was before, kept beside it, or null
     * @param replay  the new binding's replay, or null when it was not replayed
     * @param problem why nothing was written or replayed, or null
     */
    public record Result(AttemptResult demonstration, List<DemonstratedSteps.Drafted> steps, Path written, Path backup,
                         AttemptResult replay, List<String> invalid, String problem) {
        public boolean passed() {
            return problem == null && replay != null && replay.attempt().outcome() == Outcome.SUCCESS;
        }
    }

    private final BrowserSettings demonstrationBrowser;
    private final BrowserSettings replayBrowser;

    public Demonstration(BrowserSettings demonstrationBrowser, BrowserSettings replayBrowser) {
        this.demonstrationBrowser = demonstrationBrowser;
        this.replayBrowser = replayBrowser;
    }

    /**
     * @param suitePath the suite's folder or file, read again after writing (the new binding must be valid)
     * @param performer who demonstrates: the evaluator at the keyboard, or a script
     */
    public Result record(Path suitePath, Suite suite, Task task, CandidateTarget candidate, Performer performer) {
        Binding binding = suite.bindings().get(candidate.id());
        if (binding == null) {
            return failed("the suite binds no candidate " + candidate.id());
        }
        Binding.TaskBinding bound = binding.tasks().get(task.id());
        if (bound == null) {
            return failed("the binding of " + candidate.id() + " (" + binding.at().file() + ") has no entry for task "
                    + task.id() + " with its setup: add one, e.g.\n  " + task.id() + ":\n    setup:\n      - open: /"
                    + "\n    steps: []\n(the setup brings the candidate to the task's starting screen; the steps are what"
                    + " you will demonstrate)");
        }
        AttemptResult shown = TaskRunner.demonstrating(demonstrationBrowser).attempt(suite, task, candidate,
                UUID.randomUUID(), "demonstration", 1, AttemptListener.NONE, performer);
        Outcome o = shown.attempt().outcome();
        if (o == Outcome.SYSTEM_ERROR || o == Outcome.SCRIPT_ERROR) {
            return failed("the demonstration did not run: " + shown.attempt().reason());
        }
        List<DemonstratedSteps.Drafted> steps = new DemonstratedSteps(Parameters.effectiveValues(suite, task))
                .fromStored(shown.events());
        if (steps.isEmpty()) {
            return failed("nothing was done in the candidate's window between Start and Done: no step to write");
        }
        Path file = binding.at().file();
        Path backup = file.resolveSibling(file.getFileName() + ".before-record");
        try {
            String before = Files.readString(file);
            String after = BindingFile.withSteps(before, task.id(), bound.at().line(), List.of(
                    "Recorded by `bedside record` from a demonstration on " + LocalDate.now(ZoneOffset.UTC)
                            + "; read it through before a study."), List.of(), steps);
            Files.writeString(backup, before);
            Path tmp = Files.createTempFile(file.getParent(), ".record-", ".yaml");
            Files.writeString(tmp, after);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return failed("the binding file " + file + " could not be written: " + e.getMessage());
        }
        ReadResult reread = SuiteReader.read(suitePath, new SuiteReader.Selection(List.of(candidate.id()),
                List.of(task.id())));
        if (reread.suite() == null) {
            Path base = Path.of("").toAbsolutePath();
            return new Result(shown, steps, file, backup, null, reread.errors().stream().map(p -> p.format(base)).toList(),
                    "the written binding is not valid: fix it (or restore " + backup + ")");
        }
        Task again = reread.suite().task(task.id()).orElseThrow();
        AttemptResult replay = new TaskRunner(replayBrowser).attempt(reread.suite(), again, candidate, UUID.randomUUID(),
                "replay", 1, AttemptListener.NONE, Performer.EXPERT_PATH);
        return new Result(shown, steps, file, backup, replay, List.of(), null);
    }

    private static Result failed(String why) {
        return new Result(null, List.of(), null, null, null, List.of(), why);
    }
}
