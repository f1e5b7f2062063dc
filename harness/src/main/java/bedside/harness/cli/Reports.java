package bedside.harness.cli;

import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.reports.run.RunReport;
import bedside.results.AttemptRecord;
import bedside.results.RunRecord;
import bedside.scenarios.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns a run's stored records into the report module's input and writes the run report. */
final class Reports {
    private Reports() {}

    static Path writeRunReport(Path dir, RunRecord run, Suite suite, List<CandidateTarget> candidates,
                               List<AttemptResult> attempts) throws IOException {
        RunReport.Run meta = new RunReport.Run(run.runId().toString(), run.study(), suite.id(), suite.title(), suite.version(),
                suite.contentHash(), run.startedAt(), run.finishedAt(),
                "headless Chromium " + Environment.chromiumVersion() + ", Java " + Runtime.version().feature() + ", "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        List<RunReport.Candidate> cs = candidates.stream()
                .map(c -> new RunReport.Candidate(c.id(), c.displayName(), c.vendor())).toList();
        List<RunReport.Task> ts = suite.tasks().stream()
                .map(t -> new RunReport.Task(t.id(), t.title(), bedside.scenarios.Parameters.resolve(t.instruction(),
                        bedside.harness.run.TaskRunner.values(suite, t)), t.timeSpecSeconds()))
                .toList();
        List<RunReport.Row> rows = attempts.stream().map(AttemptResult::attempt).map(Reports::row).toList();
        return RunReport.write(dir, meta, cs, ts, rows);
    }

    static RunReport.Row row(AttemptRecord a) {
        return new RunReport.Row(a.candidate(), a.task(), a.attemptNo(), a.outcome().code(), a.reason(), a.timeMs(), a.clicks(),
                a.keystrokes(), a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(),
                a.klmMs());
    }
}
