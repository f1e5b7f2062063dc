package bedside.reports.analysis;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code analyze} entry point behind the CLI: reads the CSV files, reports every input error at once,
 * analyses the study and writes OUT.json (and, with a report directory, {@code index.html} in it). Nothing
 * is written when any input is bad.
 *
 * <pre>analyze --attempts ATTEMPTS.csv [--sus SUS.csv] [--weights WEIGHTS.csv] [--not-applicable NOT_APPLICABLE.csv]
 *         [--seed N] --json OUT.json [--report DIR]</pre>
 */
public final class AnalyzeTool {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: bad input (errors printed as {@code file:line: error: message}). */
    public static final int BAD_INPUT = 1;
    /** Exit code: usage error. */
    public static final int USAGE = 2;

    private AnalyzeTool() {
    }

    /**
     * Runs the analysis with 10,000 bootstrap resamples.
     *
     * @param attempts ATTEMPTS.csv (required)
     * @param sus SUS.csv or null
     * @param weights WEIGHTS.csv or null (equal weights)
     * @param seed bootstrap seed or null (default 1)
     * @param json OUT.json to write (required)
     * @param reportDir directory for index.html, or null
     * @param out where the one-line summary goes
     * @param err where errors and warnings go
     * @return {@link #OK}, {@link #BAD_INPUT} or {@link #USAGE}
     */
    public static int run(Path attempts, Path sus, Path weights, Long seed, Path json, Path reportDir, PrintStream out,
            PrintStream err) {
        return run(attempts, sus, weights, seed, json, reportDir, StudyAnalyzer.DEFAULT_RESAMPLES, out, err);
    }

    /** As {@link #run(Path, Path, Path, Long, Path, Path, PrintStream, PrintStream)} with a resample count. */
    public static int run(Path attempts, Path sus, Path weights, Long seed, Path json, Path reportDir, int resamples,
            PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return run(attempts, sus, weights, seed, json, reportDir, resamples, o, e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** As {@link #run(Path, Path, Path, Long, Path, Path, PrintStream, PrintStream)} for picocli's writers. */
    public static int run(Path attempts, Path sus, Path weights, Long seed, Path json, Path reportDir, PrintWriter out,
            PrintWriter err) {
        return run(attempts, sus, weights, seed, json, reportDir, StudyAnalyzer.DEFAULT_RESAMPLES, out, err);
    }

    public static int run(Path attempts, Path sus, Path weights, Long seed, Path json, Path reportDir, int resamples,
            PrintWriter out, PrintWriter err) {
        return run(attempts, sus, weights, null, seed, json, reportDir, resamples, out, err);
    }

    /** As above with NOT_APPLICABLE.csv ({@code candidate,task,reason}) or null. */
    public static int run(Path attempts, Path sus, Path weights, Path notApplicable, Long seed, Path json, Path reportDir,
            PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return run(attempts, sus, weights, notApplicable, seed, json, reportDir, StudyAnalyzer.DEFAULT_RESAMPLES, o, e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The implementation: every other overload ends here. */
    public static int run(Path attempts, Path sus, Path weights, Path notApplicable, Long seed, Path json, Path reportDir,
            int resamples, PrintWriter out, PrintWriter err) {
        if (attempts == null || json == null) {
            err.println("usage: analyze --attempts ATTEMPTS.csv [--sus SUS.csv] [--weights WEIGHTS.csv]"
                    + " [--not-applicable NOT_APPLICABLE.csv] [--seed N] --json OUT.json [--report DIR]");
            return USAGE;
        }
        if (resamples < 1) {
            err.println("error: resamples must be >= 1");
            return USAGE;
        }
        String aLabel = attempts.toString();
        StudyCsv.Parsed<AttemptRow> a = StudyCsv.readAttempts(attempts, aLabel);
        StudyCsv.Parsed<SusRow> s = sus == null ? null : StudyCsv.readSus(sus, sus.toString());
        StudyCsv.Parsed<TaskWeight> w = weights == null ? null : StudyCsv.readWeights(weights, weights.toString());
        StudyCsv.Parsed<NotApplicableRow> na = notApplicable == null ? null
                : StudyCsv.readNotApplicable(notApplicable, notApplicable.toString());
        List<InputError> errors = new ArrayList<>(a.errors());
        if (a.ok() && a.rows().isEmpty()) {
            errors.add(new InputError(aLabel, 1, "no attempts (header only)"));
        }
        if (s != null) {
            errors.addAll(s.errors());
        }
        if (w != null) {
            errors.addAll(w.errors());
        }
        if (na != null) {
            errors.addAll(na.errors());
        }
        List<NotApplicableRow> marks = na == null ? List.of() : na.rows();
        errors.addAll(StudyCsv.crossCheck(a, s, sus == null ? null : sus.toString(), w,
                weights == null ? null : weights.toString(), marks));
        if (na != null) {
            errors.addAll(StudyCsv.crossCheckNotApplicable(a, aLabel, w, na, notApplicable.toString()));
        }
        if (!errors.isEmpty()) {
            errors.forEach(x -> err.println(x));
            err.println(errors.size() + (errors.size() == 1 ? " error" : " errors") + "; nothing written");
            return BAD_INPUT;
        }
        StudyAnalysis result;
        try {
            result = StudyAnalyzer.analyze(a.rows(), s == null ? List.of() : s.rows(), w == null ? null : w.rows(), marks,
                    new StudyAnalyzer.Options(seed == null ? StudyAnalyzer.DEFAULT_SEED : seed, resamples));
        } catch (IllegalArgumentException e) {
            err.println(aLabel + ": error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (StudyCsv.simulated(attempts, aLabel)) {
            result = result.asSimulated();
        }
        String jsonText = StudyJson.toJson(result);
        String html = reportDir == null ? null : StudyHtml.render(result);
        try {
            writeAtomically(json, jsonText);
            if (reportDir != null) {
                Files.createDirectories(reportDir);
                writeAtomically(reportDir.resolve("index.html"), html);
            }
        } catch (IOException e) {
            err.println("error: cannot write output: " + e);
            return BAD_INPUT;
        }
        result.warnings().forEach(x -> err.println("warning: " + x));
        out.println("analyzed " + a.rows().size() + " attempts, " + result.candidates().size() + " candidate(s), design "
                + result.design() + "; wrote " + json + (reportDir == null ? "" : " and " + reportDir.resolve("index.html")));
        return OK;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".bedside-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
