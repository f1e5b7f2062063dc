package bedside.scenarios;

import bedside.scenarios.Scope.DataSetScope;
import bedside.scenarios.Scope.FragmentScope;
import bedside.scenarios.Scope.TaskScope;
import bedside.scenarios.SuiteDraft.BindingInfo;
import bedside.scenarios.SuiteDraft.TaskInfo;
import bedside.scenarios.SuiteDraft.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every {@code ${...}} read in the suite and its bindings: a task's text against its effective values,
 * a task parameter against its data set, a fragment's steps against its params and the values of every task
 * whose binding reaches it; and warns of fragment params never used. Part of binding resolution: which values
 * a fragment sees depends on the tasks each candidate's binding uses it for.
 */
final class ParameterCheck {
    private final Problems problems;
    private final SuiteDraft draft;

    ParameterCheck(Problems problems, SuiteDraft draft) {
        this.problems = problems;
        this.draft = draft;
    }

    private void error(Position at, String message, String hint) {
        problems.error(at, message, hint);
    }

    private void warning(Position at, String message, String hint) {
        problems.warning(at, message, hint);
    }

    void checkTemplates(Map<BindingInfo, Map<String, Set<String>>> users) {
        for (Template tpl : draft.templates) {
            for (Parameters.Reference ref : Parameters.references(tpl.value())) {
                Position at = tpl.src().locate(tpl.node(), tpl.value(), ref);
                if (ref.error() != null) {
                    error(at, ref.error(), "write a parameter as `${name}`, e.g. `${patient.name}`; `$${` writes a literal `${`");
                    continue;
                }
                String name = ref.name();
                if (tpl.scope() instanceof TaskScope ts) {
                    if (!knownValues(ts.task())) continue;
                    Map<String, Object> values = valuesOf(ts.task(), false);
                    checkName(at, name, values, "`" + name + "` is not in " + source(ts.task(), false), null);
                } else if (tpl.scope() instanceof DataSetScope ds) {
                    if (!knownValues(ds.task())) continue;
                    Map<String, Object> values = valuesOf(ds.task(), true);
                    checkName(at, name, values, "`" + name + "` is not in " + source(ds.task(), true),
                            "a task parameter may use the data set's values, not other parameters");
                } else if (tpl.scope() instanceof FragmentScope fs) {
                    Binding.Fragment f = fs.binding().fragments.get(fs.fragment());
                    List<String> params = f == null ? List.of() : f.params();
                    if (params.contains(name)) continue;
                    Set<String> tasksUsing = users.getOrDefault(fs.binding(), Map.of()).getOrDefault(fs.fragment(), Set.of());
                    List<String> using = tasksUsing.stream().filter(draft.taskInfos::containsKey).toList();
                    if (using.stream().anyMatch(t -> !knownValues(t))) continue;
                    String paramsText = params.isEmpty() ? "it has no params" : "its params: " + String.join(", ", params);
                    if (using.isEmpty()) {
                        Map<String, Object> values = draft.defaultDataSet == null ? Map.of()
                                : draft.dataSets.getOrDefault(draft.defaultDataSet, Map.of());
                        if (Parameters.lookup(values, name).isEmpty()) {
                            List<String> options = new ArrayList<>(params);
                            options.addAll(Parameters.names(values));
                            String hint = Suggest.closest(name, options).map(x -> "did you mean `${" + x + "}`?").orElse(paramsText);
                            error(at, "`" + name + "` is not a parameter of fragment `" + fs.fragment() + "`", hint);
                        }
                        continue;
                    }
                    for (String task : using) {
                        Map<String, Object> values = valuesOf(task, false);
                        Optional<Object> v = Parameters.lookup(values, name);
                        if (v.isEmpty()) {
                            List<String> options = new ArrayList<>(params);
                            options.addAll(Parameters.names(values));
                            String hint = Suggest.closest(name, options).map(x -> "did you mean `${" + x + "}`?")
                                    .orElse(paramsText);
                            error(at, "`" + name + "` is neither a parameter of fragment `" + fs.fragment() + "` nor in "
                                    + source(task, false), hint);
                            break;
                        } else if (v.get() instanceof Map<?, ?> || v.get() instanceof List<?>) {
                            groupError(at, name, v.get());
                            break;
                        }
                    }
                }
            }
        }
    }

    void unusedParams() {
        for (BindingInfo b : draft.bindings) {
            b.paramNodes.forEach((fragment, params) -> {
                Set<String> used = new LinkedHashSet<>();
                for (Template t : draft.templates) {
                    if (t.scope() instanceof FragmentScope fs && fs.binding() == b && fs.fragment().equals(fragment)) {
                        Parameters.references(t.value()).forEach(r -> used.add(r.name()));
                    }
                }
                params.forEach((param, node) -> {
                    boolean misspelled = used.stream().anyMatch(u -> !params.containsKey(u)
                            && Suggest.closest(u, params.keySet()).filter(param::equals).isPresent());
                    if (!used.contains(param) && !misspelled) {
                        warning(b.src.at(node), "parameter `" + param + "` of fragment `" + fragment + "` is never used",
                                "use it as `${" + param + "}` in the fragment's steps, or remove it");
                    }
                });
            });
        }
    }

    private Map<String, Object> valuesOf(String task, boolean dataSetOnly) {
        TaskInfo t = draft.taskInfos.get(task);
        String ds = t.dataSet() != null ? t.dataSet() : draft.defaultDataSet;
        Map<String, Object> dataSet = ds == null ? null : draft.dataSets.get(ds);
        if (dataSetOnly) return dataSet == null ? Map.of() : dataSet;
        Map<String, String> safe = new LinkedHashMap<>();
        t.parameters().forEach((k, v) -> {
            try {
                Parameters.resolve(v, dataSet == null ? Map.of() : dataSet);
                safe.put(k, v);
            } catch (Parameters.UnresolvedParameterException e) {
                safe.put(k, "");
            }
        });
        return Parameters.effectiveValues(dataSet, safe);
    }

    /** Whether a task's values can be known: the task exists and its data set (if any) too. */
    private boolean knownValues(String task) {
        if (!draft.taskInfos.containsKey(task)) return false;
        String ds = dataSetName(task);
        return ds == null || draft.dataSets.containsKey(ds);
    }

    private String dataSetName(String task) {
        TaskInfo t = draft.taskInfos.get(task);
        return t.dataSet() != null ? t.dataSet() : draft.defaultDataSet;
    }

    private String source(String task, boolean dataSetOnly) {
        String ds = dataSetName(task);
        if (dataSetOnly) return ds == null ? "any data set (task `" + task + "` has none)" : "data set `" + ds + "`";
        return ds == null ? "the parameters of task `" + task + "` (it has no data set)"
                : "data set `" + ds + "` or the parameters of task `" + task + "`";
    }

    private void checkName(Position at, String name, Map<String, Object> values, String message, String otherwise) {
        Optional<Object> v = Parameters.lookup(values, name);
        if (v.isEmpty()) {
            String hint = Suggest.closest(name, Parameters.names(values)).map(x -> "did you mean `${" + x + "}`?").orElse(otherwise);
            error(at, message, hint);
        } else if (v.get() instanceof Map<?, ?> || v.get() instanceof List<?>) {
            groupError(at, name, v.get());
        }
    }

    private void groupError(Position at, String name, Object group) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put(name, group);
        List<String> names = Parameters.names(wrapper);
        error(at, "`${" + name + "}` is a group of values, not one value",
                "pick one, e.g. " + names.stream().limit(3).map(n -> "`${" + n + "}`").reduce((a, b) -> a + ", " + b).orElse("a single value"));
    }
}
