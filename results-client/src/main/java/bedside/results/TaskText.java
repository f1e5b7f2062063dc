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
 * @param contentHash SHA-256 (lower-case hex, optionally prefixed {@code sha256:}) over the task's text
 */
public record TaskText(String id, String title, String instruction, String contentHash) {
    public TaskText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(contentHash, "contentHash");
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
