package bedside.harness.cli;

import bedside.reports.analysis.AnalyzeTool;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bedside analyze}: usability statistics from attempt records (CSV in, documented JSON out). All the
 * work is done by {@link AnalyzeTool}; see reports/README.md for the CSV columns, the JSON fields and the
 * methods. Exit codes: 0 ok, 1 bad input (every error printed as {@code file:line: error: message}, nothing
 * written), 2 usage.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Compute usability measures per candidate and task (completion, time, errors, ratings, SUS,"
                + " SUM, weighted composite with bootstrap interval and P(best)) and compare candidates.",
            "Bad input rows are all reported as file:line: error: message, and nothing is written.",
            "Methods, CSV columns and every JSON field: reports/README.md."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  analysis written",
                "  1  bad input: every error printed, nothing written",
                "  2  usage error"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--attempts", required = true, paramLabel = "ATTEMPTS.csv",
            description = "Attempt records: participant,candidate,task,success,time_s,errors[,rating,steps,"
                    + "optimal_steps,optimal_time_s,rating_scale,critical_errors,time_spec_s,error_opportunities].")
    Path attempts;

    @Option(names = "--sus", paramLabel = "SUS.csv", description = "SUS questionnaires: participant,candidate,q1..q10 (1-5).")
    Path sus;

    @Option(names = "--weights", paramLabel = "WEIGHTS.csv",
            description = "Composite task weights: task,weight (or task,criticality,frequency). Default: equal weights.")
    Path weights;

    @Option(names = "--not-applicable", paramLabel = "NOT_APPLICABLE.csv",
            description = "Tasks that do not apply to a candidate: candidate,task,reason. They are shown as n/a, left out "
                    + "of that candidate's composite (the other weights renormalised) and of comparisons.")
    Path notApplicable;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 1).")
    Long seed;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples of the composite (default: "
            + "10000; a study plan states its own, and 'bedside export' prints them).")
    Integer resamples;

    @Option(names = "--json", required = true, paramLabel = "OUT.json", description = "Where to write the analysis.")
    Path json;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/index.html, a self-contained page.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AnalyzeTool.run(attempts, sus, weights, notApplicable, seed, json, report,
                resamples == null ? bedside.reports.analysis.StudyAnalyzer.DEFAULT_RESAMPLES : resamples,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
