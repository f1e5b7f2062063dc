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

    /** Keys that refine a locator (name, how it is matched, where, which one), never a locator on their own. */
    static final List<String> MODIFIERS = List.of("name", "match", "within", "nth");

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
            String beside = inline.isEmpty() ? MODIFIERS.stream().filter(o::has).findFirst().orElse(null) : inline.get(0);
            if (beside != null) {
                error(o.src, o.keys.get(beside), "`" + beside
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
        Locator.Match match = match(o, "a locator");
        if (o.has("match") && (kind.equals("css") || kind.equals("xpath") || kind.equals("role") && name == null)) {
            error(s, o.keys.get("match"), "`match` says how a role's `name`, a `label` or a `text` is compared; "
                    + (kind.equals("role") ? "this role has no `name`" : "`" + kind + "` is matched as written"), null);
        }
        String compared = kind.equals("role") ? name : kind.equals("label") || kind.equals("text") ? value : null;
        if (match == Locator.Match.REGEX && compared != null && !compared.contains("${")) {
            regexError(compared).ifPresent(e -> error(s, o.get(kind.equals("role") ? "name" : kind), e, null));
        }
        Locator within = o.has("within") ? locator(s, o.get("within"), scope) : null;
        Long nth = integer(o, "nth", false, "a locator");
        if (nth != null && nth < 1) {
            error(s, o.get("nth"), "`nth` counts from 1 (the first match in the page's order)", null);
        }
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
        return new Locator(Locator.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), value, name, match, within,
                nth == null || nth < 1 || nth > Integer.MAX_VALUE ? null : nth.intValue(), s.at(o.node));
    }

    /** {@code match: exact|contains|regex} in {@code o}: exact when absent; null after an error. */
    Locator.Match match(Obj o, String what) {
        if (!o.has("match")) return Locator.Match.EXACT;
        String m = str(o, "match", true, what, null);
        if (m == null) return null;
        if (!SuiteReader.MATCHES.contains(m)) {
            String hint = Suggest.didYouMean(m, SuiteReader.MATCHES);
            error(o.src, o.get("match"), "`match` is one of exact, contains, regex, not `" + m + "`", hint);
            return null;
        }
        return Locator.Match.valueOf(m.toUpperCase(Locale.ROOT));
    }

    /** Why {@code regex} is not a regular expression a page can use, if it is not. */
    static java.util.Optional<String> regexError(String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
            return java.util.Optional.empty();
        } catch (java.util.regex.PatternSyntaxException e) {
            return java.util.Optional.of("not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
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
