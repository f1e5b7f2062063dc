package bedside.scenarios;

import static bedside.scenarios.SuiteReader.LOCATOR_KEYS;
import static bedside.scenarios.SuiteReader.LOCATOR_KINDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The element a step or check acts on (its locator, checked for ARIA roles, css and xpath) and what the
 * element must hold. Shared by {@link StepParser} and {@link CheckParser}: steps and checks find elements alike.
 */
final class LocatorParser extends NodeParser {

    LocatorParser(Problems problems, SuiteDraft draft) {
        super(problems, draft);
    }

    /**
     * The element a step or check acts on: {@code target: {...}} or locator keys written directly.
     *
     * @param textIsContent in waitFor, assert and dom checks, {@code text} beside another locator key is the
     *                      text the element must hold; alone it locates by visible text
     */
    Locator target(Obj o, String what, boolean textIsContent, Scope scope) {
        List<String> inline = LOCATOR_KINDS.stream().filter(o::has).toList();
        if (textIsContent && (inline.size() > 1 || o.has("target")) && inline.contains("text")) {
            inline = inline.stream().filter(k -> !k.equals("text")).toList();
        }
        if (o.has("target")) {
            if (!inline.isEmpty() || o.has("name")) {
                error(o.src, o.keys.get(inline.isEmpty() ? "name" : inline.get(0)), "`" + (inline.isEmpty() ? "name" : inline.get(0))
                        + "` beside `target`: write the locator either inside `target:` or directly, not both", null);
                return null;
            }
            return locator(o.src, o.get("target"), scope);
        }
        if (inline.isEmpty()) {
            if (!o.misspelled.isEmpty()) return null;
            error(o.src, o.node, what + " needs a locator: one of `role`, `label`, `text`, `css`, `xpath`",
                    "e.g. `{role: button, name: Save}` or `{label: Surname}`");
            return null;
        }
        return locatorFrom(o, inline, scope);
    }

    Locator locator(Src s, Node n, Scope scope) {
        Obj o = obj(s, n, "a locator", LOCATOR_KEYS);
        if (o == null) return null;
        List<String> kinds = LOCATOR_KINDS.stream().filter(o::has).toList();
        if (kinds.isEmpty()) {
            error(s, o.node, "a locator needs one of `role`, `label`, `text`, `css`, `xpath`", null);
            return null;
        }
        return locatorFrom(o, kinds, scope);
    }

    Locator locatorFrom(Obj o, List<String> kinds, Scope scope) {
        Src s = o.src;
        if (kinds.size() > 1) {
            error(s, o.keys.get(kinds.get(1)), "a locator has exactly one of `role`, `label`, `text`, `css`, `xpath`, not both `"
                    + kinds.get(0) + "` and `" + kinds.get(1) + "`", null);
            return null;
        }
        String kind = kinds.get(0);
        if (o.has("name") && !kind.equals("role")) {
            error(s, o.keys.get("name"), "`name` only goes with `role` (the accessible name)", null);
            return null;
        }
        String value = str(o, kind, true, "a locator", scope);
        String name = kind.equals("role") ? str(o, "name", false, "a locator", scope) : null;
        if (value == null) return null;
        Node vn = o.get(kind);
        switch (kind) {
            case "role" -> {
                if (!value.contains("${") && !Syntax.ARIA_ROLES.contains(value)) {
                    String hint = Suggest.didYouMean(value, Syntax.ARIA_ROLES.stream().sorted().toList());
                    error(s, vn, "`" + value + "` is not an ARIA role",
                            hint != null ? hint : "e.g. button, link, textbox, checkbox, combobox, tab, heading, dialog");
                }
            }
            case "css" -> Syntax.cssError(value).ifPresent(e -> error(s, vn, e, e.contains("browser")
                    ? "to find an element by its text use `text:` (or `role:` with `name:`), or xpath `contains(., '...')`" : null));
            case "xpath" -> Syntax.xpathError(value).ifPresent(e -> error(s, vn, e, null));
            default -> {
                if (value.isBlank()) error(s, vn, "`" + kind + "` is empty", null);
            }
        }
        return new Locator(Locator.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), value, name, s.at(o.node));
    }

    record TextValueCount(String text, String value, Integer count) {}

    /** The at-most-one of text/value/count of a dom check or assert step; null after an error. */
    TextValueCount textValueCount(Obj d, String what, Scope scope) {
        boolean textIsContent = d.has("text") && LOCATOR_KINDS.stream().anyMatch(k -> !k.equals("text") && d.has(k))
                || d.has("text") && d.has("target");
        List<String> present = new ArrayList<>();
        if (textIsContent) present.add("text");
        if (d.has("value")) present.add("value");
        if (d.has("count")) present.add("count");
        if (present.size() > 1) {
            error(d.src, d.keys.get(present.get(1)), what + " checks one of `text`, `value` or `count`, not both `"
                    + present.get(0) + "` and `" + present.get(1) + "`", null);
            return null;
        }
        Long count = integer(d, "count", false, what);
        if (count != null && count < 0) {
            error(d.src, d.get("count"), "`count` cannot be negative", null);
        } else if (count != null && count > Integer.MAX_VALUE) {
            error(d.src, d.get("count"), "`count` is too large", null);
        }
        return new TextValueCount(textIsContent ? str(d, "text", true, what, scope) : null, str(d, "value", false, what, scope),
                count == null ? null : count.intValue());
    }
}
