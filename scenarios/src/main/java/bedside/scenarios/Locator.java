package bedside.scenarios;

import java.util.function.UnaryOperator;

/**
 * How a binding step finds an element, in the order a reviewer would prefer them: by accessible role and
 * name, by label, by visible text, then by css or xpath when nothing user-facing identifies it.
 *
 * <p>A step that acts on an element needs exactly one: when several visible elements match (an "Add item" per
 * section, a button and the dialog over it), the step fails and lists them, unless {@code nth} picks one or
 * {@code within} narrows the search to a region, landmark, dialog or table row.
 *
 * @param name   for {@link Kind#ROLE} only: the accessible name, or null for any
 * @param match  how {@code name} (role), the label or the text is compared: exactly (the default, spaces
 *               normalised), as a part, or as a regular expression
 * @param within the element to search inside (itself a locator), or null for the whole page
 * @param nth    which of several matches, counting from 1 in document order, or null when exactly one must match
 */
public record Locator(Kind kind, String value, String name, Match match, Locator within, Integer nth, Position at) {
    public enum Kind { ROLE, LABEL, TEXT, CSS, XPATH }

    /** How a name, label or text is compared with what the page shows. */
    public enum Match {
        EXACT, CONTAINS, REGEX;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Locator {
        match = match == null ? Match.EXACT : match;
    }

    /** An exact locator on the whole page (one element must match). */
    public Locator(Kind kind, String value, String name, Position at) {
        this(kind, value, name, Match.EXACT, null, null, at);
    }

    /** The same locator with {@code f} applied to its value, name and its scope's (filling parameters). */
    public Locator map(UnaryOperator<String> f) {
        return new Locator(kind, f.apply(value), name == null ? null : f.apply(name), match,
                within == null ? null : within.map(f), nth, at);
    }

    public String describe() {
        String how = match == Match.EXACT ? "" : " match=" + match.key();
        String base = switch (kind) {
            case ROLE -> "role=" + value + (name == null ? "" : " name=\"" + name + "\"" + how);
            case LABEL -> "label=\"" + value + "\"" + how;
            case TEXT -> "text=\"" + value + "\"" + how;
            case CSS -> "css=" + value;
            case XPATH -> "xpath=" + value;
        };
        return base + (nth == null ? "" : " nth=" + nth) + (within == null ? "" : " within " + within.describe());
    }
}
