package bedside.scenarios;

import java.util.List;

/**
 * What {@link SuiteReader#read} found: the suite, or null when there is at least one error, and every
 * problem (errors and warnings) sorted by file and position.
 */
public record ReadResult(Suite suite, List<Problem> problems) {

    public ReadResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return suite != null;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
