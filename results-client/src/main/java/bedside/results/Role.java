package bedside.results;

import java.util.Locale;

/**
 * What a bearer of an API token may see and do.
 * <ul>
 *   <li>{@link #ADMIN}: everything, every study; makes studies and tokens.</li>
 *   <li>{@link #EVALUATOR}: a study's full data (or every study's, when not bound to one): uploads results,
 *       reads attempts, events, participants and questionnaires, locks the study.</li>
 *   <li>{@link #VENDOR}: bound to one candidate of one study: that candidate's own attempts, events, scores
 *       and report only; another candidate's data, or even its name, is never shown (its ids answer 404).</li>
 *   <li>{@link #BOARD}: a procurement board: the comparison (scores and reports of every candidate), never
 *       per-participant rows or events.</li>
 * </ul>
 */
public enum Role {
    ADMIN, EVALUATOR, VENDOR, BOARD;

    /** The lower-case form used in the database, JSON and the CLI. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException if {@code code} names no role */
    public static Role fromCode(String code) {
        for (Role r : values()) {
            if (r.code().equalsIgnoreCase(code.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "': use admin, evaluator, vendor or board");
    }
}
