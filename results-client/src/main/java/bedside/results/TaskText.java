package bedside.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The exact text of one task in one suite version, stored with the suite version so that results point
 * to the instruction the participant actually read.
 *
 * @param instruction the suite's text, its {@code ${parameters}} unfilled
 * @param contentHash SHA-256 (lower-case hex, optionally prefixed {@code sha256:}) over the task's text
 * @param given       the instruction as participants read it, the suite's data set filled in; null when not known (a
 *                    suite version stored before Bedside kept it). Not in the hash: the suite version's hash, over
 *                    its data set too, already fixes it
 */
public record TaskText(String id, String title, String instruction, String contentHash, String given) {
    public TaskText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public TaskText(String id, String title, String instruction, String contentHash) {
        this(id, title, instruction, contentHash, null);
    }

    /** What a report shows participants were asked: the text as given when known, else the suite's template. */
    public String asRead() {
        return given != null ? given : instruction;
    }

    /** The same task text (id, title, template and hash), whether or not either knows it as given. */
    public boolean sameText(TaskText other) {
        return id.equals(other.id) && title.equals(other.title) && instruction.equals(other.instruction)
                && contentHash.equals(other.contentHash);
    }

    /** @param given the instruction with the suite's data set filled in */
    public TaskText given(String given) {
        return new TaskText(id, title, instruction, contentHash, given);
    }

    /** The task's text with its hash: SHA-256 over id, title and instruction, one per line. */
    public static TaskText of(String id, String title, String instruction) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((id + "\n" + title + "\n" + instruction).getBytes(StandardCharsets.UTF_8));
            return new TaskText(id, title, instruction, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
