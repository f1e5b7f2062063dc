package bedside.scenarios;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Something wrong (or suspicious) in a scenario file, where it is, and how to fix it.
 *
 * <p>{@link #toString()} gives the compiler-like form editors and terminals understand:
 * <pre>
 * suites/sed-core/suite.yaml:39:5: error: unknown key `sucessCriteria` in task
 *   hint: did you mean `successCriteria`?
 * </pre>
 * A problem about a whole file or folder has line 0 and prints without line and column.
 *
 * @param hint how to fix it, or null
 */
public record Problem(Position at, Severity severity, String message, String hint) {

    /** By file, then line, then column; problems at the same place keep their order when sorted stably. */
    public static final Comparator<Problem> BY_POSITION = Comparator
            .comparing((Problem p) -> p.at().file().toString().replace('\\', '/'))
            .thenComparingInt(p -> p.at().line())
            .thenComparingInt(p -> p.at().column());

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return format(null);
    }

    /** As {@link #toString()}, with the file shown relative to {@code base} (when it lies under it). */
    public String format(Path base) {
        Path file = at.file();
        if (base != null) {
            Path b = base.toAbsolutePath().normalize();
            Path f = file.toAbsolutePath().normalize();
            if (f.startsWith(b) && !f.equals(b)) file = b.relativize(f);
        }
        String where = file.toString().replace('\\', '/') + (at.line() > 0 ? ":" + at.line() + ":" + at.column() : "");
        return where + ": " + severity.label() + ": " + message + (hint == null ? "" : "\n  hint: " + hint);
    }
}
