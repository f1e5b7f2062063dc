package bedside.scenarios;

import static bedside.scenarios.SuiteReader.AUTH_KEYS;
import static bedside.scenarios.SuiteReader.BINDING_KEYS;
import static bedside.scenarios.SuiteReader.FHIR_READER_KEYS;
import static bedside.scenarios.SuiteReader.READER_KEYS;
import static bedside.scenarios.SuiteReader.FRAGMENT_KEYS;
import static bedside.scenarios.SuiteReader.PARAM_NAME;
import static bedside.scenarios.SuiteReader.TASK_BINDING_KEYS;

import bedside.scenarios.Scope.FragmentScope;
import bedside.scenarios.Scope.TaskScope;
import bedside.scenarios.SuiteDraft.BindingInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One candidate's binding, from {@code bindings/<candidate>.yaml} or under a single-file suite's
 * {@code bindings:}: its warning selectors, fragments and per-task steps. Whether it fits the suite is
 * {@link BindingResolver}'s job.
 */
final class BindingParser extends NodeParser {
    private final StepParser stepParser;

    BindingParser(Problems problems, SuiteDraft draft, StepParser steps) {
        super(problems, draft);
        this.stepParser = steps;
    }

    void parseBindingFile(Src s) {
        Obj o = obj(s, s.root, "a binding file", BINDING_KEYS);
        if (o == null) return;
        String fileCandidate = s.path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String candidate = str(o, "candidate", true, "the binding file", null);
        if (candidate != null && !candidate.equals(fileCandidate)) {
            error(s, o.get("candidate"), "candidate `" + candidate + "` does not match the file name `"
                    + s.path.getFileName() + "`", "a binding for `" + candidate + "` lives in bindings/" + candidate + ".yaml");
        }
        parseBinding(s, o, candidate == null ? fileCandidate : candidate, o.has("candidate") ? o.get("candidate") : o.node, false);
    }

    /** {@code reset: {request: {method, url}, steps: [...]}}: at least one of the two. */
    private Binding.Reset reset(Src s, Node n, BindingInfo b) {
        String what = "`reset`";
        Obj r = obj(s, n, what, SuiteReader.RESET_KEYS);
        if (r == null) return Binding.Reset.NONE;
        if (!r.has("request") && !r.has("steps")) {
            error(s, r.node, what + " needs `request` (sent before each attempt), `steps` (run before each attempt) or both",
                    "e.g. `reset: {request: {method: DELETE, url: /api/test-data}}`");
        }
        Binding.Request request = null;
        if (r.has("request")) {
            Obj q = obj(s, r.get("request"), "`request`", SuiteReader.REQUEST_KEYS);
            if (q != null) {
                String method = str(q, "method", false, "`request`", null);
                String url = str(q, "url", true, "`request`", null);
                if (method != null && !SuiteReader.METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
                    error(s, q.get("method"), "`" + method + "` is not an HTTP method for a reset",
                            "one of " + String.join(", ", SuiteReader.METHODS));
                }
                if (url != null) {
                    request = new Binding.Request(method == null ? "POST" : method.toUpperCase(java.util.Locale.ROOT), url,
                            s.at(q.node));
                }
            }
        }
        // Reset steps run before any task's setup, with the values of the task about to be attempted (unchecked here:
        // a value a task lacks fails that attempt as a script error).
        List<Step> steps = r.has("steps") ? stepParser.steps(r, "steps", false, what, b, null) : List.of();
        return new Binding.Reset(request, steps);
    }

    void parseBinding(Src s, Obj o, String candidate, Node candidateNode, boolean inline) {
        if (inline && o.has("candidate")) {
            String named = str(o, "candidate", false, "a binding", null);
            if (named != null && !named.equals(candidate)) {
                error(s, o.get("candidate"), "candidate `" + named + "` does not match its key `" + candidate + "`", null);
            }
        }
        BindingInfo b = new BindingInfo(s, candidate, candidateNode, o.keys.get("tasks"), o.node, inline);
        for (BindingInfo other : draft.bindings) {
            if (other.candidate.equals(candidate)) {
                error(s, candidateNode, "a second binding for candidate `" + candidate + "`",
                        "the first is in " + other.src.relative + " at line " + other.src.at(other.candidateNode).line());
            }
        }
        draft.bindings.add(b);
        selectors(s, o, "warnings", candidate, b.warnings, "e.g. `#interaction-warning` or `.cds-alert`");
        selectors(s, o, "patientData", candidate, b.patientData, "e.g. `.patient-banner` or `#patient-name`");
        if (o.has("readers")) {
            b.readers = readers(s, o.get("readers"));
        }
        if (o.has("reset") && !isNull(o.get("reset"))) {
            b.reset = reset(s, o.get("reset"), b);
        }
        idMap(s, o.get("fragments"), "`fragments`", "fragment").forEach((id, e) -> {
            b.fragmentKeys.put(id, e.getKey());
            Obj f = obj(s, e.getValue(), "fragment `" + id + "`", FRAGMENT_KEYS);
            if (f == null) return;
            List<String> params = new ArrayList<>();
            List<Node> paramNodes = seq(f, "params", false, "fragment `" + id + "`");
            if (paramNodes != null) {
                for (Node pn : paramNodes) {
                    String p = scalarText(s, pn, "a parameter name", null);
                    if (p == null) continue;
                    if (!PARAM_NAME.matcher(p).matches()) {
                        error(s, pn, "`" + p + "` is not a parameter name", "use letters, digits, `_` and `-`, e.g. `user`");
                    } else if (params.contains(p)) {
                        error(s, pn, "parameter `" + p + "` is listed twice", null);
                    } else {
                        params.add(p);
                        b.paramNodes.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(p, pn);
                    }
                }
            }
            b.fragments.put(id, new Binding.Fragment(id, List.copyOf(params),
                    stepParser.steps(f, "steps", true, "fragment `" + id + "`", b, new FragmentScope(b, id)), s.at(e.getKey())));
        });
        Node tasksNode = o.get("tasks");
        b.tasksIsMap = tasksNode instanceof MappingNode || isNull(tasksNode);
        if (tasksNode == null) {
            missing(o, "tasks", "the binding for `" + candidate + "`");
        }
        idMap(s, tasksNode, "`tasks`", "task").forEach((id, e) -> {
            b.taskKeys.put(id, e.getKey());
            Obj t = obj(s, e.getValue(), "task binding `" + id + "`", TASK_BINDING_KEYS);
            if (t == null) return;
            Scope scope = new TaskScope(id);
            if (t.has("notApplicable")) {
                notApplicable(s, t, id, b);
                if (!t.has("setup") && !t.has("steps")) return;
            }
            // `notAplicable:` is reported as a typo; asking for steps as well would only confuse
            if (t.misspelled.contains("notApplicable") && !t.has("steps")) return;
            List<Step> setup = t.has("setup") ? stepParser.steps(t, "setup", false, "`setup`", b, scope) : List.of();
            List<Step> steps = stepParser.steps(t, "steps", true, "task binding `" + id + "`", b, scope);
            Map<String, List<Step>> readBack = t.has("readBack") ? readBack(s, t, id, b, scope) : Map.of();
            if (!t.has("notApplicable")) {
                b.taskBindings.put(id, new Binding.TaskBinding(id, setup, steps, readBack, s.at(e.getKey())));
            }
        });
    }

    /**
     * {@code readBack: {"<check description>": [steps...]}}: how this candidate's UI answers a check of the task. The
     * descriptions are matched to the task's checks once the suite is read ({@link BindingResolver}).
     */
    private Map<String, List<Step>> readBack(Src s, Obj t, String id, BindingInfo b, Scope scope) {
        Map<String, List<Step>> out = new LinkedHashMap<>();
        if (isNull(t.get("readBack"))) return out;
        Obj r = obj(s, t.get("readBack"), "`readBack`", null);
        if (r == null) return out;
        r.values.forEach((description, n) -> {
            List<Step> steps = stepParser.steps(r, description, true, "the read-back of '" + description + "'", b, scope);
            if (!steps.isEmpty() && !(steps.get(steps.size() - 1) instanceof Step.Assert)) {
                error(s, r.keys.get(description), "the read-back of '" + description + "' must end with the `assert` that"
                        + " answers the check", "e.g. `- assert: {role: row, name: \"${allergy.allergen}\", match: contains}`");
            }
            out.put(description, steps);
            b.readBackKeys.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(description, r.keys.get(description));
        });
        return out;
    }

    /** {@code <task>: {notApplicable: "reason"}}: the candidate cannot do the task; a reason is required, steps are not allowed. */
    private void notApplicable(Src s, Obj t, String id, BindingInfo b) {
        Node n = t.get("notApplicable");
        String reason = null;
        if (isNull(n) || n instanceof ScalarNode sn && sn.getValue().isBlank()) {
            error(s, isNull(n) ? t.keys.get("notApplicable") : n, "`notApplicable` needs a reason",
                    "say why the candidate cannot do task `" + id + "`, e.g. notApplicable: \"no imaging module (vendor statement 2026-11-02)\"");
        } else if (n instanceof ScalarNode sn && sn.getTag().equals(Tag.BOOL)) {
            error(s, n, "`notApplicable` must be the reason as text, not " + kindOf(n),
                    "say why the candidate cannot do task `" + id + "`, e.g. notApplicable: \"no imaging module\"");
        } else {
            reason = str(t, "notApplicable", true, "task binding `" + id + "`", null);
        }
        if (t.has("setup") || t.has("steps")) {
            error(s, t.keys.get("notApplicable"), "task `" + id + "` is marked `notApplicable` and also has "
                    + (t.has("steps") ? "`steps`" : "`setup`"),
                    "a task either applies to the candidate (give its `steps:`) or not (give only `notApplicable:`)");
            return;
        }
        if (reason != null) b.notApplicable.put(id, new Binding.NotApplicable(id, reason.strip(), s.at(t.keys.get("notApplicable"))));
    }

    /** {@code readers: {fhir: {base: /fhir, auth: {bearerTokenFile: F | bearerTokenEnv: VAR}}}}. */
    private Binding.Readers readers(Src s, Node n) {
        if (isNull(n)) return Binding.Readers.NONE;
        Obj r = obj(s, n, "`readers`", READER_KEYS);
        if (r == null || !r.has("fhir")) return Binding.Readers.NONE;
        Obj f = obj(s, r.get("fhir"), "`fhir`", FHIR_READER_KEYS);
        if (f == null) return Binding.Readers.NONE;
        String base = str(f, "base", true, "the fhir reader", null);
        if (base != null && base.isBlank()) {
            error(s, f.get("base"), "`base` is empty", "the FHIR R4 API's base, e.g. `/fhir` or `https://ehr.example/fhir/r4`");
        }
        String file = null;
        String env = null;
        if (f.has("auth")) {
            Node an = f.get("auth");
            Obj a = obj(s, an, "`auth`", null);
            if (a != null) {
                for (String key : a.keys.keySet()) {
                    if (!AUTH_KEYS.contains(key)) {
                        boolean secret = key.toLowerCase(java.util.Locale.ROOT).matches(".*(token|password|secret|key).*");
                        error(s, a.keys.get(key), secret ? "`" + key + "` would put a secret in the binding"
                                : "unknown key `" + key + "` in `auth`", secret
                                ? "name where the token is: `bearerTokenFile: <file>` or `bearerTokenEnv: <VARIABLE>`"
                                : "expected one of: " + String.join(", ", AUTH_KEYS));
                    }
                }
                file = str(a, "bearerTokenFile", false, "`auth`", null);
                env = str(a, "bearerTokenEnv", false, "`auth`", null);
                if ((file == null) == (env == null) && a.keys.keySet().stream().allMatch(AUTH_KEYS::contains)) {
                    error(s, an, "`auth` has exactly one of `bearerTokenFile` or `bearerTokenEnv`",
                            "e.g. `auth: {bearerTokenEnv: EHR_FHIR_TOKEN}`");
                }
                if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    error(s, a.get("bearerTokenEnv"), "`" + env + "` is not an environment variable name",
                            "e.g. `EHR_FHIR_TOKEN`");
                }
            }
        }
        return base == null ? Binding.Readers.NONE
                : new Binding.Readers(new Binding.FhirReader(base, file, env, s.at(f.node)));
    }

    /** A binding-level list of CSS selectors ({@code warnings}, {@code patientData}) into {@code into}: each once, none empty. */
    private void selectors(Src s, Obj o, String key, String candidate, List<String> into, String example) {
        List<Node> nodes = seq(o, key, false, "the binding for `" + candidate + "`");
        if (nodes == null) {
            return;
        }
        for (Node n : nodes) {
            String css = scalarText(s, n, "a CSS selector", null);
            if (css == null) continue;
            if (css.isBlank()) {
                error(s, n, "an empty CSS selector", example);
            } else if (into.contains(css)) {
                error(s, n, "selector `" + css + "` is listed twice", null);
            } else {
                into.add(css);
            }
        }
    }
}
