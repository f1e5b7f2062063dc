package bedside.reports.bench;

import bedside.reports.analysis.AnalyzeTool;
import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.TaskWeight;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a unit test): a within-subjects study of 5 candidates × 20 tasks × 60 participants analysed
 * with 10,000 bootstrap resamples. First times one cold end-to-end {@link AnalyzeTool#run} in this fresh JVM
 * (write the study as CSV, read and check it, analyse, write OUT.json and the HTML page), then the analysis
 * alone, warm, a few times. Arguments: [runs (default 5)] [within|between].
 *
 * <p>Run from /work/main:
 * <pre>mvn -q -pl reports test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp reports/target/classes:reports/target/test-classes:$(cat reports/target/cp.txt) bedside.reports.bench.CompositeBenchmark</pre>
 */
public final class CompositeBenchmark {
    private CompositeBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean within = args.length <= 1 || !args[1].equals("between");
        List<AttemptRow> attempts = SyntheticStudy.attempts(5, 20, 60, within, 7);
        List<TaskWeight> weights = SyntheticStudy.weights(20);
        var sus = SyntheticStudy.sus(5, 60, within, 8);
        System.out.printf(Locale.ROOT, "study: 5 candidates x 20 tasks x 60 participants (%s), %d attempts, 10,000 "
                + "resamples, %d cores, %s%n", within ? "within" : "between", attempts.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        try {
            Path dir = Files.createTempDirectory("bedside-bench");
            Path csv = dir.resolve("attempts.csv");
            StringBuilder b = new StringBuilder("participant,candidate,task,success,time_s,errors,critical_errors,"
                    + "rating,steps,optimal_steps,optimal_time_s,time_spec_s,error_opportunities\n");
            for (AttemptRow x : attempts) {
                b.append(x.participant()).append(',').append(x.candidate()).append(',').append(x.task()).append(',')
                        .append(x.success() ? 1 : 0).append(',').append(x.timeS()).append(',').append(x.errors())
                        .append(',').append(x.criticalErrors()).append(',').append(x.rating()).append(',')
                        .append(x.steps()).append(',').append(x.optimalSteps()).append(',').append(x.optimalTimeS())
                        .append(',').append(x.timeSpecS()).append(',').append(x.errorOpportunities()).append('\n');
            }
            Files.writeString(csv, b);
            Path w = dir.resolve("weights.csv");
            StringBuilder wb = new StringBuilder("task,weight\n");
            weights.forEach(x -> wb.append(x.task()).append(',').append(x.weight()).append('\n'));
            Files.writeString(w, wb);
            long t0 = System.nanoTime();
            int code = AnalyzeTool.run(csv, null, w, 1L, dir.resolve("out.json"), dir.resolve("report"),
                    new PrintStream(OutputStream.nullOutputStream()), System.err);
            System.out.printf(Locale.ROOT, "cold end-to-end AnalyzeTool.run (CSV in, JSON + HTML out): %.3f s (exit %d)%n",
                    (System.nanoTime() - t0) / 1e9, code);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= runs; r++) {
            long t0 = System.nanoTime();
            StudyAnalysis a = StudyAnalyzer.analyze(attempts, sus, weights, new StudyAnalyzer.Options(1, 10_000));
            double s = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                best = Math.min(best, s);
            }
            System.out.printf(Locale.ROOT, "%s run %d: %.3f s (composite C0 = %.2f, p_best C4 = %.3f)%n",
                    r == 0 ? "first" : "timed", r, s, a.candidates().get(0).composite().score(),
                    a.candidates().get(4).composite().pBest());
        }
        System.out.printf(Locale.ROOT, "best of %d: %.3f s for the whole analysis%n", runs, best);
    }
}
