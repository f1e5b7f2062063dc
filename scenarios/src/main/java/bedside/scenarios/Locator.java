package bedside.scenarios;

/**
 * How a binding step finds an element, in the order a reviewer would prefer them: by accessible role and
 * name, by label, by visible text, then by css or xpath when nothing user-facing identifies it.
 *
 * @param name for {@link Kind#ROLE} only: the accessible name, or null for any
 */
public record Locator(Kind kind, String value, String name, Position at) {
    public enum Kind { ROLE, LABEL, TEXT, CSS, XPATH }

    public String describe() {
        return switch (kind) {
            case ROLE -> "role=" + value + (name == null ? "" : " name=\"" + name + "\"");
            case LABEL -> "label=\"" + value + "\"";
            case TEXT -> "text=\"" + value + "\"";
            case CSS -> "css=" + value;
            case XPATH -> "xpath=" + value;
        };
    }
}
