package bedside.scenarios;

import static bedside.scenarios.SuiteReader.CHECK_KEYS;
import static bedside.scenarios.SuiteReader.DEFAULT_CHECK_TIMEOUT_SECONDS;
import static bedside.scenarios.SuiteReader.EXPECT_KEYS;
import static bedside.scenarios.SuiteReader.FHIR_KEYS;
import static bedside.scenarios.SuiteReader.IDENTIFIER_KEYS;
import static bedside.scenarios.SuiteReader.HTTP_KEYS;
import static bedside.scenarios.SuiteReader.LOCATOR_KEYS;
import static bedside.scenarios.SuiteReader.URL_KEYS;

import bedside.scenarios.LocatorParser.TextValueCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A task's success criteria and critical checks: {@code dom}, {@code url}, {@code http} or {@code fhir}, with their
 * expectations.
 */
final class CheckParser extends NodeParser {
    /** A FHIR resource type: a capitalised name, e.g. {@code AllergyIntolerance}. */
    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]+");

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
        List<String> kinds = o.keys.keySet().stream().filter(k -> List.of("dom", "url", "http", "fhir").contains(k)).toList();
        if (kinds.isEmpty()) {
            error(s, o.node, "a check needs one of `dom`, `url`, `http` or `fhir`", "e.g. `dom: {text: Allergy recorded}`");
            return null;
        }
        if (kinds.size() > 1) {
            error(s, o.keys.get(kinds.get(1)), "a check has one of `dom`, `url`, `http` or `fhir`, not both `" + kinds.get(0)
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
            case "fhir" -> {
                return fhir(s, o.get("fhir"), desc, t, at, scope);
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

    private Check fhir(Src s, Node n, String desc, double t, Position at, Scope scope) {
        Obj f = obj(s, n, "`fhir`", FHIR_KEYS);
        if (f == null) return null;
        String search = str(f, "search", true, "`fhir`", null);
        if (search != null && !RESOURCE_TYPE.matcher(search).matches()) {
            error(s, f.get("search"), "`search` names a FHIR resource type, not `" + search + "`",
                    "e.g. `search: AllergyIntolerance`");
        }
        Check.Identifier patient = identifier(s, f, "patient", scope);
        Check.Identifier identifier = identifier(s, f, "identifier", scope);
        if ("Patient".equals(search) && patient != null) {
            error(s, f.keys.get("patient"), "a Patient search names the patients by `identifier`, not `patient`",
                    "e.g. `identifier: {system: \"https://fhir.nhs.uk/Id/nhs-number\", value: \"${patient.nhsNumber}\"}`");
        } else if (search != null && !"Patient".equals(search) && identifier != null) {
            error(s, f.keys.get("identifier"), "`identifier` is for `search: Patient`; a " + search
                    + " search names its patient by `patient`", "e.g. `patient: {system: ..., value: ...}`");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (f.has("params")) {
            Obj p = obj(s, f.get("params"), "`params`", null);
            if (p != null) {
                for (String key : p.keys.keySet()) {
                    if (List.of("patient", "subject", "identifier", "_format").contains(key)) {
                        error(s, p.keys.get(key), "`" + key + "` is set by the reader, not by `params`",
                                "name the patient by `patient:` (or, for `search: Patient`, `identifier:`)");
                        continue;
                    }
                    String v = str(p, key, true, "`params`", scope);
                    if (v != null) params.put(key, v);
                }
            }
        }
        String where = str(f, "where", false, "`fhir`", scope);
        if (where != null && where.isBlank()) error(s, f.get("where"), "`where` is empty", "a FHIRPath expression, e.g. `status = 'active'`");
        Long count = integer(f, "count", false, "`fhir`");
        if (count != null && count < 0) error(s, f.get("count"), "`count` cannot be negative", null);
        Boolean exists = bool(f, "exists");
        if (f.has("count") && f.has("exists")) {
            error(s, f.keys.get("exists"), "`fhir` has `count` or `exists`, not both", "`exists: false` is `count: 0`");
        }
        if (search == null) return null;
        return new Check.Fhir(desc, search, patient, identifier, java.util.Collections.unmodifiableMap(params), where,
                count == null ? null : count.intValue(), exists, t, at);
    }

    private Check.Identifier identifier(Src s, Obj f, String key, Scope scope) {
        if (!f.has(key)) return null;
        Obj i = obj(s, f.get(key), "`" + key + "`", IDENTIFIER_KEYS);
        if (i == null) return null;
        String system = str(i, "system", true, "`" + key + "`", scope);
        String value = str(i, "value", true, "`" + key + "`", scope);
        return system == null || value == null ? null : new Check.Identifier(system, value);
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
