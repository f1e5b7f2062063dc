package bedside.scenarios;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A suite of clinician tasks with its data sets and its bindings to candidate systems.
 *
 * @param source      the file or folder it was read from
 * @param contentHash SHA-256 over the suite's files as read, so results point to the exact text used
 * @param dataSets    data set id to its values (nested maps, addressed as {@code patient.nhsNumber})
 * @param defaultDataSet the data set tasks use unless they name one
 */
public record Suite(
        String id,
        String title,
        String version,
        String description,
        List<String> candidates,
        String defaultDataSet,
        TaskOrder order,
        Map<String, Map<String, Object>> dataSets,
        List<Task> tasks,
        Map<String, Binding> bindings,
        Path source,
        String contentHash) {

    public Optional<Task> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** How tasks are ordered for participant sessions. */
    public record TaskOrder(Mode mode, Long seed) {
        public enum Mode { FIXED, RANDOM, LATIN_SQUARE }

        public static TaskOrder fixed() {
            return new TaskOrder(Mode.FIXED, null);
        }
    }
}
