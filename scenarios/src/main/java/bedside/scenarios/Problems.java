package bedside.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** The problems found while reading one suite, in the order they were found. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void error(Position at, String message, String hint) {
        found.add(new Problem(at, Severity.ERROR, message, hint));
    }

    void warning(Position at, String message, String hint) {
        found.add(new Problem(at, Severity.WARNING, message, hint));
    }

    void error(Src s, Node node, String message, String hint) {
        error(s.at(node), message, hint);
    }

    /** By file and position; the sort is stable, so problems at one place keep the order they were found in. */
    List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Problem.BY_POSITION);
        return sorted;
    }
}
