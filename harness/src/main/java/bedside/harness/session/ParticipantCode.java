package bedside.harness.session;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A participant's pseudonymous code (P07, N-03): the only way results name a person. Never a name or contact detail:
 * what looks like an e-mail address or a name with a space is refused, saying why, before anything is stored.
 */
public final class ParticipantCode {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private ParticipantCode() {}

    /** Why {@code code} cannot be a participant code, or empty when it can. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("a participant code is needed, e.g. P07");
        }
        String c = code.strip();
        if (c.contains("@")) {
            return Optional.of("`" + c + "` looks like an e-mail address: results must not name a participant;"
                    + " use a code such as P07 and keep the key to codes apart from the results");
        }
        if (c.matches(".*\\s.*")) {
            return Optional.of("`" + c + "` has a space, as a name has: results must not name a participant;"
                    + " use a code such as P07 and keep the key to codes apart from the results");
        }
        if (c.equalsIgnoreCase("expert-path")) {
            return Optional.of("`expert-path` is Bedside's own code for the scripted expert path, not a participant's");
        }
        if (!CODE.matcher(c).matches()) {
            return Optional.of("`" + c + "` is not a participant code: up to 32 letters, digits, `-`, `_` and `.`,"
                    + " starting with a letter or digit, e.g. P07");
        }
        return Optional.empty();
    }

    /** The code as stored (surrounding spaces dropped); throws {@link IllegalArgumentException} with the reason. */
    public static String of(String code) {
        problem(code).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return code.strip();
    }
}
