package bedside.scenarios;

import java.nio.file.Path;

/** Where something stands in a scenario file: 1-based line and column, as editors show them. */
public record Position(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
