package bedside.scenarios;

import static bedside.scenarios.SuiteReader.ACTIONS;
import static bedside.scenarios.SuiteReader.DEFAULT_WAIT_SECONDS;
import static bedside.scenarios.SuiteReader.LOCATOR_KEYS;
import static bedside.scenarios.SuiteReader.LOCATOR_KINDS;

import bedside.scenarios.LocatorParser.TextValueCount;
import bedside.scenarios.SuiteDraft.BindingInfo;
import bedside.scenarios.SuiteDraft.UseSite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The steps of a binding's fragments, setups and expert paths, one action each. A {@code use} step is
 * recorded in the draft: its fragment may be defined further down, so {@link BindingResolver} checks it later.
 */
final class StepParser extends NodeParser {
    private final LocatorParser locators;

    StepParser(Problems problems, SuiteDraft draft, LocatorParser locators) {
        super(problems, draft);
        this.locators = locators;
    }

    List<Step> steps(Obj o, String key, boolean required, String what, BindingInfo b, Scope scope) {
        List<Node> nodes = seq(o, key, required, what);
        if (nodes == null) return List.of();
        if (nodes.isEmpty() && required) {
            error(o.src, o.keys.get(key), what + " has no steps", "list the steps under `" + key + ":`, each starting with `- `");
        }
        List<Step> result = new ArrayList<>();
        for (Node n : nodes) result.add(step(o.src, n, b, scope));
        return nonNull(result);
    }

    private Step step(Src s, Node n, BindingInfo b, Scope scope) {
        if (n instanceof ScalarNode sn && !isNull(sn) && (sn.getValue().equals("acceptDialog") || sn.getValue().equals("dismissDialog"))) {
            return sn.getValue().equals("acceptDialog") ? new Step.AcceptDialog(null, null, s.at(n))
                    : new Step.DismissDialog(null, s.at(n));
        }
        if (!(n instanceof MappingNode m)) {
            error(s, n, "a step must be a map like `click: {role: button, name: Save}`, not " + kindOf(n), null);
            return null;
        }
        List<String> allowed = concat(ACTIONS, List.of("with"));
        Obj o = obj(s, m, "a step", allowed);
        if (o == null) return null;
        List<String> actions = o.keys.keySet().stream().filter(ACTIONS::contains).toList();
        if (actions.isEmpty()) {
            if (o.keys.size() == m.getValue().size()) {
                error(s, m, "a step needs an action", "one of: " + String.join(", ", ACTIONS));
            }
            return null;
        }
        if (actions.size() > 1) {
            error(s, o.keys.get(actions.get(1)), "one action per step: `" + actions.get(0) + "` and `" + actions.get(1)
                    + "` are in the same step", "start each step with its own `- `");
            return null;
        }
        String action = actions.get(0);
        if (o.has("with") && !action.equals("use")) {
            error(s, o.keys.get("with"), "`with` only goes with `use`", null);
        }
        Node v = o.get(action);
        Position at = s.at(m);
        String what = "`" + action + "`";
        if (List.of("click", "check", "waitFor", "assert").contains(action) && v instanceof ScalarNode sv && !isNull(sv)) {
            error(s, v, what + " needs a locator map, not `" + sv.getValue() + "`",
                    "e.g. `" + action + ": {text: " + sv.getValue() + "}` or `" + action + ": {role: button, name: " + sv.getValue() + "}`");
            return null;
        }
        switch (action) {
            case "open" -> {
                String url = scalarText(s, v, what, scope);
                if (url == null) return null;
                return new Step.Open(url, at);
            }
            case "click" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target")));
                if (a == null) return null;
                return new Step.Click(locators.target(a, what, false, scope), at);
            }
            case "check" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target", "checked")));
                if (a == null) return null;
                Boolean checked = bool(a, "checked");
                return new Step.Check(locators.target(a, what, false, scope), checked == null || checked, at);
            }
            case "type" -> {
                Obj a = obj(s, v, what, List.of("into", "text", "clear", "secret", "testData"));
                if (a == null) return null;
                Locator into = a.has("into") ? locators.locator(s, a.get("into"), scope) : null;
                if (!a.has("into")) missing(a, "into", what);
                String text = a.has("text") && isNull(a.get("text")) ? "" : str(a, "text", true, what, scope);
                Boolean clear = bool(a, "clear");
                Boolean secret = bool(a, "secret");
                Boolean testData = bool(a, "testData");
                if (Boolean.TRUE.equals(secret) && Boolean.TRUE.equals(testData)) {
                    error(s, a.keys.get("testData"), "a field cannot be both `secret` and `testData`",
                            "secret values are never recorded; test data may be");
                }
                return new Step.Type(into, text, Boolean.TRUE.equals(clear), Boolean.TRUE.equals(secret),
                        Boolean.TRUE.equals(testData), at);
            }
            case "select" -> {
                Obj a = obj(s, v, what, List.of("from", "option"));
                if (a == null) return null;
                Locator from = a.has("from") ? locators.locator(s, a.get("from"), scope) : null;
                if (!a.has("from")) missing(a, "from", what);
                String option = str(a, "option", true, what, scope);
                return new Step.Select(from, option, at);
            }
            case "choose" -> {
                Obj a = obj(s, v, what, List.of("from", "option", "search", "match"));
                if (a == null) return null;
                Locator from = a.has("from") ? locators.locator(s, a.get("from"), scope) : null;
                if (!a.has("from")) missing(a, "from", what);
                String option = str(a, "option", true, what, scope);
                String search = str(a, "search", false, what, scope);
                Locator.Match match = locators.match(a, what);
                if (match == Locator.Match.REGEX && option != null && !option.contains("${")) {
                    LocatorParser.regexError(option).ifPresent(e -> error(s, a.get("option"), e, null));
                }
                return new Step.Choose(from, option, search, match, at);
            }
            case "setDate" -> {
                Obj a = obj(s, v, what, List.of("into", "value", "format"));
                if (a == null) return null;
                Locator into = a.has("into") ? locators.locator(s, a.get("into"), scope) : null;
                if (!a.has("into")) missing(a, "into", what);
                String value = str(a, "value", true, what, scope);
                if (value != null && !value.contains("${")) {
                    DateValue.parse(value).ifPresent(e -> error(s, a.get("value"), e,
                            "a date 1983-07-21, a time 14:30, or both 1983-07-21T14:30"));
                }
                String format = str(a, "format", false, what, null);
                if (format != null) {
                    DateValue.formatError(format).ifPresent(e -> error(s, a.get("format"), e,
                            "e.g. DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD, HH:mm, hh:mm A"));
                }
                return new Step.SetDate(into, value, format, at);
            }
            case "press" -> {
                if (v instanceof ScalarNode) {
                    String key = scalarText(s, v, what, null);
                    if (key != null) checkKey(s, v, key);
                    return new Step.Press(key, null, at);
                }
                Obj a = obj(s, v, what, List.of("key", "on"));
                if (a == null) return null;
                String key = str(a, "key", true, what, null);
                if (key != null) checkKey(s, a.get("key"), key);
                Locator on = a.has("on") ? locators.locator(s, a.get("on"), scope) : null;
                return new Step.Press(key, on, at);
            }
            case "waitFor" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target", "timeout", "count", "gone")));
                if (a == null) return null;
                Locator target = locators.target(a, what, true, scope);
                boolean textIsContent = a.has("text") && (a.has("target") || LOCATOR_KINDS.stream().anyMatch(k -> !k.equals("text") && a.has(k)));
                String text = textIsContent ? str(a, "text", true, what, scope) : null;
                Long count = integer(a, "count", false, what);
                if (count != null && (count < 0 || count > Integer.MAX_VALUE)) {
                    error(s, a.get("count"), "`count` is a number of elements: 0 or more", null);
                    count = null;
                }
                Boolean gone = bool(a, "gone");
                if (Boolean.TRUE.equals(gone) && (count != null || text != null)) {
                    error(s, a.keys.get("gone"), "`gone` waits until no element matches: it does not go with `"
                            + (count != null ? "count" : "text") + "`", count != null ? "`count: 0` says the same" : null);
                }
                double timeout = timeout(a, what);
                return new Step.WaitFor(target, text, count == null ? null : count.intValue(), Boolean.TRUE.equals(gone),
                        timeout, at);
            }
            case "assert" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target", "value", "count", "timeout")));
                if (a == null) return null;
                Locator target = locators.target(a, what, true, scope);
                TextValueCount tvc = locators.textValueCount(a, what, scope);
                if (tvc == null) return null;
                return new Step.Assert(target, tvc.text(), tvc.value(), tvc.count(), timeout(a, what), at);
            }
            case "acceptDialog" -> {
                if (isNull(v)) return new Step.AcceptDialog(null, null, at);
                Obj a = obj(s, v, what, List.of("text", "answer"));
                if (a == null) return null;
                return new Step.AcceptDialog(str(a, "text", false, what, scope), str(a, "answer", false, what, scope), at);
            }
            case "dismissDialog" -> {
                if (isNull(v)) return new Step.DismissDialog(null, at);
                Obj a = obj(s, v, what, List.of("text"));
                if (a == null) return null;
                return new Step.DismissDialog(str(a, "text", false, what, scope), at);
            }
            case "switchTo" -> {
                Obj a = obj(s, v, what, List.of("window", "frame", "default"));
                if (a == null) return null;
                if (a.keys.size() != 1) {
                    error(s, a.keys.size() > 1 ? new ArrayList<>(a.keys.values()).get(1) : a.node,
                            "`switchTo` takes exactly one of `window`, `frame` or `default`", null);
                    return null;
                }
                if (a.has("default")) {
                    Boolean d = bool(a, "default");
                    if (Boolean.FALSE.equals(d)) {
                        error(s, a.get("default"), "`default: false` means nothing", "write `default: true` to go back to the top page");
                    }
                    return new Step.SwitchTo(null, null, true, at);
                }
                if (a.has("window")) return new Step.SwitchTo(str(a, "window", true, what, scope), null, false, at);
                return new Step.SwitchTo(null, locators.locator(s, a.get("frame"), scope), false, at);
            }
            default -> { // use
                String fragment = scalarText(s, v, what, null);
                Map<String, String> with = new LinkedHashMap<>();
                Map<String, Node> withKeys = new LinkedHashMap<>();
                if (o.has("with") && !isNull(o.get("with"))) {
                    Obj w = obj(s, o.get("with"), "`with`", null);
                    if (w != null) {
                        w.values.forEach((k, wv) -> {
                            String value = isNull(wv) ? "" : scalarText(s, wv, "`" + k + "`", scope);
                            if (value != null) {
                                with.put(k, value);
                                withKeys.put(k, w.keys.get(k));
                            }
                        });
                    }
                }
                if (fragment == null) return null;
                Step.Use use = new Step.Use(fragment, Collections.unmodifiableMap(with), at);
                draft.uses.add(new UseSite(b, s, m, v, withKeys, use, scope));
                return use;
            }
        }
    }

    /** A step's {@code timeout} in seconds (more than 0), or the default wait. */
    private double timeout(Obj a, String what) {
        Double timeout = num(a, "timeout", false, what);
        if (timeout != null && timeout <= 0) error(a.src, a.get("timeout"), "`timeout` must be more than 0 seconds", null);
        return timeout == null || timeout <= 0 ? DEFAULT_WAIT_SECONDS : timeout;
    }

    private void checkKey(Src s, Node n, String key) {
        if (Keys.seleniumName(key).isEmpty()) {
            String hint = Suggest.didYouMean(key, Keys.NAMES);
            error(s, n, "`" + key + "` is not a key name", hint != null ? hint : "e.g. Enter, Tab, Escape, ArrowDown, or one character");
        }
    }
}
