package bedside.scenarios;

import static bedside.scenarios.SuiteReader.CHECK_KEYS;
import static bedside.scenarios.SuiteReader.DEFAULT_CHECK_TIMEOUT_SECONDS;
import static bedside.scenarios.SuiteReader.EXPECT_KEYS;
import static bedside.scenarios.SuiteReader.HTTP_KEYS;
import static bedside.scenarios.SuiteReader.LOCATOR_KEYS;
import static bedside.scenarios.SuiteReader.URL_KEYS;

import bedside.scenarios.LocatorParser.TextValueCount;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** A task's success criteria and critical checks: {@code dom}, {@code url} or {@code http}, with their expectations. */
final class CheckParser extends NodeParser {
    private final LocatorParser locators;

    CheckParser(Problems problems, SuiteDraft draft, LocatorParser locators) {
        super(problems, draft);
        this.locators = locators;
    }

    Check check(Src s, Node n, Scope scope) {
        Obj o = obj(s, n, "a check", CHECK_KEYS);
        if (o == null) return null;
        String desc = trimEnd(str(o, "description", true, "a check", scope));
        Double timeout = num(o, "timeout", false, "a check");
        if (timeout != null && timeout <= 0) error(s, o.get("timeout"), "`timeout` must be more than 0 seconds", null);
        double t = timeout == null || timeout <= 0 ? DEFAULT_CHECK_TIMEOUT_SECONDS : timeout;
        List<String> kinds = o.keys.keySet().stream().filter(k -> List.of("dom", "url", "http").contains(k)).toList();
        if (kinds.isEmpty()) {
            error(s, o.node, "a check needs one of `dom`, `url` or `http`", "e.g. `dom: {text: Allergy recorded}`");
            return null;
        }
        if (kinds.size() > 1) {
            error(s, o.keys.get(kinds.get(1)), "a check has one of `dom`, `url` or `http`, not both `" + kinds.get(0)
                    + "` and `" + kinds.get(1) + "`", "make it two checks");
            return null;
        }
        Position at = s.at(o.node);
        switch (kinds.get(0)) {
            case "dom" -> {
                Obj d = obj(s, o.get("dom"), "`dom`", concat(LOCATOR_KEYS, List.of("target", "value", "count")));
                if (d == null) return null;
                Locator target = locators.target(d, "`dom`", true, scope);
                TextValueCount tvc = locators.textValueCount(d, "`dom`", scope);
                if (tvc == null) return null;
                return new Check.Dom(desc, target, tvc.text(), tvc.value(), tvc.count(), t, at);
            }
            case "url" -> {
                Obj u = obj(s, o.get("url"), "`url`", URL_KEYS);
                if (u == null) return null;
                if (u.keys.size() != 1) {
                    error(s, u.node, "`url` has exactly one of `contains` or `matches`", null);
                    return null;
                }
                String contains = str(u, "contains", false, "`url`", scope);
                String matches = str(u, "matches", false, "`url`", scope);
                if (matches != null) {
                    Syntax.regexError(matches).ifPresent(e -> error(s, u.get("matches"), e, null));
                }
                return new Check.Url(desc, contains, matches, t, at);
            }
            default -> {
                Obj h = obj(s, o.get("http"), "`http`", HTTP_KEYS);
                if (h == null) return null;
                String get = str(h, "get", true, "`http`", scope);
                Long status = integer(h, "status", false, "`http`");
                if (status != null && (status < 100 || status > 599)) {
                    error(s, h.get("status"), "`status` must be an HTTP status code (100 to 599)", null);
                }
                List<Check.JsonExpectation> expect = new ArrayList<>();
                List<Node> items = seq(h, "expect", false, "`http`");
                if (items != null) for (Node item : items) expect.add(expectation(s, item, scope));
                return new Check.Http(desc, get, status == null ? 200 : status.intValue(), nonNull(expect), t, at);
            }
        }
    }

    private Check.JsonExpectation expectation(Src s, Node n, Scope scope) {
        Obj e = obj(s, n, "an expectation", EXPECT_KEYS);
        if (e == null) return null;
        String path = str(e, "path", true, "an expectation", scope);
        if (path != null) Syntax.jsonPathError(path).ifPresent(m -> error(s, e.get("path"), m, null));
        List<String> kinds = e.keys.keySet().stream().filter(k -> !k.equals("path")).toList();
        if (kinds.size() != 1) {
            error(s, kinds.size() > 1 ? e.keys.get(kinds.get(1)) : e.node,
                    "an expectation has exactly one of `equals`, `contains`, `count` or `exists`", null);
            return null;
        }
        String equals = str(e, "equals", false, "an expectation", scope);
        String contains = str(e, "contains", false, "an expectation", scope);
        Long count = integer(e, "count", false, "an expectation");
        if (count != null && count < 0) error(s, e.get("count"), "`count` cannot be negative", null);
        Boolean exists = bool(e, "exists");
        return new Check.JsonExpectation(path, equals, contains, count == null ? null : count.intValue(), exists, s.at(e.node));
    }
}
