package bedside.results;

import java.util.Objects;

/**
 * The exact text of one task in one suite version, stored with the suite version so that results point
 * to the instruction the participant actually read.
 *
 * @param contentHash SHA-256 (lower-case hex, optionally prefixed {@code sha256:}) over the task's text
 */
public record TaskText(String id, String title, String instruction, String contentHash) {
    public TaskText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
