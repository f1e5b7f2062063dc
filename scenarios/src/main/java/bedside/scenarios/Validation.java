package bedside.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code bedside validate PATH...} does: reads every suite, prints every problem, then a one-line
 * summary, and returns the exit code.
 *
 * <p>A PATH is a suite folder (holding {@code suite.yaml}), a single-file suite, the {@code suite.yaml} or a
 * {@code bindings/*.yaml} file of a suite folder (the whole folder is checked), or a folder of suites (each
 * sub-folder holding a {@code suite.yaml}, and each {@code .yaml} file, is checked).
 */
public final class Validation {
    private Validation() {}

    /** Every suite valid (warnings allowed). */
    public static final int VALID = 0;
    /** At least one error. */
    public static final int INVALID = 1;
    /** A usage error: no path, or a path that does not exist. */
    public static final int USAGE = 2;

    /** As {@link #check(List, PrintWriter, PrintWriter)}, problems and usage errors both to {@code out}. */
    public static int check(List<Path> paths, PrintStream out) {
        return check(paths, out, out);
    }

    public static int check(List<Path> paths, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = err == out ? o : new PrintWriter(err, true);
        try {
            return check(paths, o, e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /**
     * Checks the suites at {@code paths}, printing problems and the summary to {@code out} and usage errors
     * to {@code err}.
     *
     * @return {@link #VALID}, {@link #INVALID} or {@link #USAGE}
     */
    public static int check(List<Path> paths, PrintWriter out, PrintWriter err) {
        if (paths == null || paths.isEmpty()) {
            err.println("error: give at least one suite file or folder");
            return USAGE;
        }
        boolean missing = false;
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("error: no such file or folder: " + p);
                missing = true;
            }
        }
        if (missing) return USAGE;

        List<Path> suites = new ArrayList<>();
        for (Path p : paths) {
            for (Path s : suitesAt(p)) {
                if (!suites.contains(s)) suites.add(s);
            }
        }
        int errors = 0;
        int warnings = 0;
        int invalid = 0;
        String single = null;
        for (Path s : suites) {
            ReadResult result = SuiteReader.read(s);
            result.problems().forEach(out::println);
            errors += result.errors().size();
            warnings += result.warnings().size();
            if (!result.valid()) invalid++;
            if (suites.size() == 1) {
                Suite suite = result.suite();
                single = suite != null
                        ? suite.id() + ": valid (" + count(suite.tasks().size(), "task") + ", "
                                + count(suite.candidates().size(), "candidate") + ")"
                        : nameOf(s) + ": " + count(result.errors().size(), "error");
            }
        }
        String warningText = warnings > 0 ? ", " + count(warnings, "warning") : "";
        if (single != null) {
            out.println(single + warningText);
        } else {
            out.println(count(suites.size(), "suite") + " checked: "
                    + (invalid == 0 ? "all valid" : count(errors, "error") + " in " + count(invalid, "suite")) + warningText);
        }
        out.flush();
        return invalid == 0 ? VALID : INVALID;
    }

    /** The suites a path stands for (see the class comment). */
    static List<Path> suitesAt(Path p) {
        if (Files.isRegularFile(p)) {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(SuiteReader.BINDINGS_FOLDER)
                    && Files.isRegularFile(parent.getParent().resolve(SuiteReader.SUITE_FILE))) {
                Path folder = p.getParent() == null ? null : p.getParent().getParent();
                return List.of(folder == null ? Path.of(".") : folder);
            }
            return List.of(p);
        }
        if (Files.isRegularFile(p.resolve(SuiteReader.SUITE_FILE))) return List.of(p);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(p)) {
            list.sorted().forEach(child -> {
                if (Files.isDirectory(child) && Files.isRegularFile(child.resolve(SuiteReader.SUITE_FILE))) {
                    found.add(child);
                } else if (Files.isRegularFile(child) && (child.toString().endsWith(".yaml") || child.toString().endsWith(".yml"))) {
                    found.add(child);
                }
            });
        } catch (IOException e) {
            // the reader reports the folder
        }
        return found.isEmpty() ? List.of(p) : found;
    }

    private static String nameOf(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
