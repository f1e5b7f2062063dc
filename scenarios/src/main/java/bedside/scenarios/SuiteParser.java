package bedside.scenarios;

import static bedside.scenarios.SuiteReader.BINDING_KEYS;
import static bedside.scenarios.SuiteReader.CRITICALITIES;
import static bedside.scenarios.SuiteReader.DEFAULT_FREQUENCY;
import static bedside.scenarios.SuiteReader.ID;
import static bedside.scenarios.SuiteReader.ORDER_KEYS;
import static bedside.scenarios.SuiteReader.ORDER_MODES;
import static bedside.scenarios.SuiteReader.SUITE_KEYS;
import static bedside.scenarios.SuiteReader.TASK_KEYS;
import static bedside.scenarios.SuiteReader.TOP_KEYS;

import bedside.scenarios.Scope.DataSetScope;
import bedside.scenarios.Scope.TaskScope;
import bedside.scenarios.SuiteDraft.TaskInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The suite file: the suite's id, title, candidates and task order, its data sets, and its tasks with their
 * parameters, success criteria and critical checks. A single-file suite's {@code bindings:} go to
 * {@link BindingParser}.
 */
final class SuiteParser extends NodeParser {
    private final CheckParser checks;
    private final BindingParser bindings;

    SuiteParser(Problems problems, SuiteDraft draft, CheckParser checks, BindingParser bindings) {
        super(problems, draft);
        this.checks = checks;
        this.bindings = bindings;
    }

    void parseSuiteFile(Src s) {
        Obj top = obj(s, s.root, "the suite file", TOP_KEYS);
        if (top == null) return;
        draft.suiteParsed = true;
        Node meta = top.get("suite");
        if (meta == null) {
            missing(top, "suite", "the suite file");
        } else {
            Obj m = obj(s, meta, "`suite`", SUITE_KEYS);
            if (m != null) parseMeta(m);
        }
        Node ds = top.get("dataSets");
        idMap(s, ds, "`dataSets`", "data set").forEach((id, e) -> {
            Object value = data(s, e.getValue());
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) map;
                draft.dataSets.put(id, values);
            } else if (value != null || !isNull(e.getValue())) {
                error(s, e.getValue(), "data set `" + id + "` must be a map of named values, not " + kindOf(e.getValue()), null);
            } else {
                draft.dataSets.put(id, Map.of());
            }
        });
        // the only data set is the default
        if (draft.defaultDataSet == null && draft.dataSets.size() == 1) {
            draft.defaultDataSet = draft.dataSets.keySet().iterator().next();
        }
        List<Node> taskNodes = seq(top, "tasks", true, "the suite file");
        if (taskNodes != null) {
            if (taskNodes.isEmpty()) error(s, top.keys.get("tasks"), "the suite has no tasks", null);
            for (Node n : taskNodes) parseTask(s, n);
        }
        Node inline = top.get("bindings");
        idMap(s, inline, "`bindings`", "candidate").forEach((candidate, e) -> {
            Obj b = obj(s, e.getValue(), "binding `" + candidate + "`", BINDING_KEYS);
            if (b != null) bindings.parseBinding(s, b, candidate, e.getKey(), true);
        });
    }

    private void parseMeta(Obj m) {
        Src s = m.src;
        draft.suiteId = str(m, "id", true, "`suite`", null);
        if (draft.suiteId != null) checkId(s, m.get("id"), draft.suiteId, "suite");
        draft.title = str(m, "title", true, "`suite`", null);
        draft.version = str(m, "version", false, "`suite`", null);
        draft.description = trimEnd(str(m, "description", false, "`suite`", null));
        List<Node> list = seq(m, "candidates", true, "`suite`");
        if (list != null) {
            draft.candidatesRead = true;
            if (list.isEmpty()) error(s, m.keys.get("candidates"), "the suite lists no candidates", "e.g. `candidates: [streamlined, legacy]`");
            for (Node n : list) {
                String c = scalarText(s, n, "a candidate", null);
                if (c == null) continue;
                if (draft.candidateNodes.containsKey(c)) {
                    error(s, n, "candidate `" + c + "` is listed twice", null);
                    continue;
                }
                if (!ID.matcher(c).matches()) {
                    checkId(s, n, c, "candidate");
                    continue;
                }
                draft.candidates.add(c);
                draft.candidateNodes.put(c, n);
            }
        }
        draft.defaultDataSet = str(m, "defaultDataSet", false, "`suite`", null);
        draft.defaultDataSetNode = m.get("defaultDataSet");
        if (m.has("order")) {
            Obj o = obj(s, m.get("order"), "`order`", ORDER_KEYS);
            if (o != null) {
                String mode = str(o, "mode", true, "`order`", null);
                Long seed = integer(o, "seed", false, "`order`");
                Suite.TaskOrder.Mode parsed = null;
                if (mode != null) {
                    if (ORDER_MODES.contains(mode)) {
                        parsed = Suite.TaskOrder.Mode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
                    } else {
                        error(s, o.get("mode"), "`mode` must be one of fixed, random, latin-square, not `" + mode + "`",
                                Suggest.didYouMean(mode, ORDER_MODES));
                    }
                }
                if (parsed != null) draft.order = new Suite.TaskOrder(parsed, seed);
            }
        }
    }

    /** A data set value as plain Java: text, lists and maps; scalars keep the text as written. */
    private Object data(Src s, Node n) {
        if (n instanceof ScalarNode sn) return isNull(sn) ? null : sn.getValue();
        if (n instanceof SequenceNode sq) {
            List<Object> list = new ArrayList<>();
            for (Node item : sq.getValue()) list.add(data(s, item));
            return Collections.unmodifiableList(list);
        }
        Obj o = obj(s, n, "a data set", null);
        Map<String, Object> map = new LinkedHashMap<>();
        if (o != null) o.values.forEach((k, v) -> map.put(k, data(s, v)));
        return Collections.unmodifiableMap(map);
    }

    private void parseTask(Src s, Node n) {
        Obj o = obj(s, n, "a task", TASK_KEYS);
        if (o == null) return;
        String id = str(o, "id", true, "task", null);
        String what = id == null ? "task" : "task `" + id + "`";
        if (id != null) {
            checkId(s, o.get("id"), id, "task");
            if (!ID.matcher(id).matches()) draft.badTaskIds.add(id);
            if (draft.taskInfos.containsKey(id)) {
                error(s, o.get("id"), "duplicate task id `" + id + "`",
                        "it is already used at line " + draft.taskInfos.get(id).src().at(draft.taskInfos.get(id).node()).line());
                id = null;
            }
        }
        Scope scope = id == null ? null : new TaskScope(id);
        String taskTitle = str(o, "title", true, what, null);
        String capability = str(o, "capability", false, what, null);
        String instruction = trimEnd(str(o, "instruction", true, what, scope));
        String dataSet = str(o, "dataSet", false, what, null);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (o.has("parameters") && !isNull(o.get("parameters"))) {
            flattenParameters(s, o.get("parameters"), "", parameters, id == null ? null : new DataSetScope(id));
        }
        Task.Criticality criticality = null;
        String c = str(o, "criticality", true, what, null);
        if (c != null) {
            if (CRITICALITIES.contains(c)) {
                criticality = Task.Criticality.valueOf(c.toUpperCase(Locale.ROOT));
            } else {
                String hint = Suggest.didYouMean(c, CRITICALITIES);
                error(s, o.get("criticality"), "`criticality` must be high, medium or low, not `" + c + "`", hint);
            }
        }
        Double frequency = num(o, "frequency", false, what);
        if (frequency != null && frequency <= 0) {
            error(s, o.get("frequency"), "`frequency` must be more than 0", "it weighs the task: larger is more frequent");
        }
        Double spec = num(o, "timeSpecSeconds", false, what);
        if (spec != null && spec <= 0) error(s, o.get("timeSpecSeconds"), "`timeSpecSeconds` must be more than 0", null);
        Double limit = num(o, "timeLimitSeconds", true, what);
        if (limit != null && limit <= 0) {
            error(s, o.get("timeLimitSeconds"), "`timeLimitSeconds` must be more than 0", null);
        } else if (limit != null && spec != null && spec > limit) {
            error(s, o.get("timeSpecSeconds"), "`timeSpecSeconds` (" + fmt(spec) + ") is more than `timeLimitSeconds` ("
                    + fmt(limit) + ")", "the specification limit must be within the time limit");
        }
        List<Check> success = new ArrayList<>();
        List<Node> successNodes = seq(o, "successCriteria", false, what);
        if (successNodes == null && !o.has("successCriteria") && !o.misspelled.contains("successCriteria")) {
            error(s, o.node, what + " has no success criterion", "add `successCriteria:` with at least one check");
        } else if (successNodes != null && successNodes.isEmpty()) {
            error(s, o.keys.get("successCriteria"), what + " has no success criterion", "add at least one check under `successCriteria:`");
        }
        if (successNodes != null) for (Node cn : successNodes) success.add(checks.check(s, cn, scope));
        List<Check> critical = new ArrayList<>();
        List<Node> criticalNodes = seq(o, "criticalChecks", false, what);
        if (criticalNodes != null) for (Node cn : criticalNodes) critical.add(checks.check(s, cn, scope));
        if (id == null) return;
        draft.taskInfos.put(id, new TaskInfo(s, o.node, id, dataSet, o.get("dataSet"), parameters));
        draft.tasks.add(new Task(id, taskTitle, capability, instruction, dataSet, Collections.unmodifiableMap(parameters),
                criticality, frequency == null ? DEFAULT_FREQUENCY : frequency, spec, limit == null ? 0 : limit,
                nonNull(success), nonNull(critical), s.at(o.node)));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private void flattenParameters(Src s, Node n, String prefix, Map<String, String> out, Scope scope) {
        Obj o = obj(s, n, prefix.isEmpty() ? "`parameters`" : "parameter `" + prefix + "`", null);
        if (o == null) return;
        o.values.forEach((k, v) -> {
            String name = prefix.isEmpty() ? k : prefix + "." + k;
            if (!Parameters.NAME.matcher(name).matches()) {
                error(s, o.keys.get(k), "`" + name + "` is not a parameter name",
                        "use letters, digits, `_` and `-`, e.g. `substance`");
            } else if (v instanceof MappingNode) {
                flattenParameters(s, v, name, out, scope);
            } else if (v instanceof SequenceNode) {
                error(s, v, "parameter `" + name + "` must be one value, not a list", null);
            } else {
                String text = isNull(v) ? "" : ((ScalarNode) v).getValue();
                if (scope != null) template(s, (ScalarNode) v, text, scope);
                out.put(name, text);
            }
        });
    }
}
