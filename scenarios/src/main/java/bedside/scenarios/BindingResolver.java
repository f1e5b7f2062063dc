package bedside.scenarios;

import bedside.scenarios.Scope.FragmentScope;
import bedside.scenarios.SuiteDraft.BindingInfo;
import bedside.scenarios.SuiteDraft.TaskInfo;
import bedside.scenarios.SuiteDraft.UseSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Resolves each candidate's binding against the suite: data sets the tasks name, candidates and their bindings,
 * tasks and their steps in each binding, {@code use} steps and the fragments they call (cycles included), unused
 * fragments; then every {@code ${...}} through {@link ParameterCheck}. Runs once every file is parsed: these checks
 * need the whole suite and every binding (a fragment may be used above its definition, a binding may be missing).
 */
final class BindingResolver {
    private final Problems problems;
    private final SuiteDraft draft;
    private final SuiteFiles files;
    private final SuiteReader.Selection selection;

    BindingResolver(Problems problems, SuiteDraft draft, SuiteFiles files, SuiteReader.Selection selection) {
        this.problems = problems;
        this.draft = draft;
        this.files = files;
        this.selection = selection;
    }

    /** Each listed candidate's binding, in the suite's order of candidates. */
    Map<String, Binding> bindingsByCandidate() {
        Map<String, Binding> bound = new LinkedHashMap<>();
        for (String candidate : draft.candidates) {
            draft.bindings.stream().filter(b -> b.candidate.equals(candidate)).findFirst()
                    .ifPresent(b -> bound.put(candidate, b.toBinding()));
        }
        return bound;
    }

    private void error(Src s, Node node, String message, String hint) {
        problems.error(s, node, message, hint);
    }

    private void warning(Position at, String message, String hint) {
        problems.warning(at, message, hint);
    }

    void crossCheck() {
        String defaultDataSet = draft.defaultDataSet;
        if (defaultDataSet != null && draft.defaultDataSetNode != null && !draft.dataSets.containsKey(defaultDataSet)) {
            error(files.suite(), draft.defaultDataSetNode, "`defaultDataSet` names data set `" + defaultDataSet
                    + "`, which is not under `dataSets`", Suggest.didYouMean(defaultDataSet, draft.dataSets.keySet()));
        }
        for (TaskInfo t : draft.taskInfos.values()) {
            if (t.dataSet() != null && !draft.dataSets.containsKey(t.dataSet())) {
                error(t.src(), t.dataSetNode(), "task `" + t.id() + "` uses data set `" + t.dataSet()
                        + "`, which is not under `dataSets`", Suggest.didYouMean(t.dataSet(), draft.dataSets.keySet()));
            }
        }
        // candidates and their bindings (not when the list itself could not be read)
        for (BindingInfo b : draft.candidatesRead ? draft.bindings : List.<BindingInfo>of()) {
            if (!draft.candidates.contains(b.candidate)) {
                String hint = Suggest.didYouMean(b.candidate, draft.candidates);
                error(b.src, b.candidateNode, "binding for candidate `" + b.candidate + "`, which the suite does not list",
                        hint != null ? hint : "add it to `candidates` in the suite, or remove this binding");
            }
        }
        for (String c : draft.candidates) {
            if (draft.bindings.stream().noneMatch(b -> b.candidate.equals(c)) && !draft.unreadable.contains(c)
                    && selection.needsBinding(c)) {
                error(files.suite(), draft.candidateNodes.get(c), "candidate `" + c + "` has no binding",
                        files.folder() ? "add bindings/" + c + ".yaml" : "add `" + c + ":` under `bindings:`");
            }
        }
        for (BindingInfo b : draft.bindings) {
            b.taskKeys.forEach((id, key) -> {
                if (!draft.taskInfos.containsKey(id)) {
                    String hint = Suggest.didYouMean(id, draft.taskInfos.keySet());
                    error(b.src, key, "binding for task `" + id + "`, which the suite does not have",
                            hint != null ? hint : "the suite's tasks: " + String.join(", ", draft.taskInfos.keySet()));
                }
            });
            for (String id : draft.taskInfos.keySet()) {
                if (!b.taskKeys.containsKey(id) && b.tasksKey != null && b.tasksIsMap && !draft.badTaskIds.contains(id)
                        && selection.needs(b.candidate, id)) {
                    error(b.src, b.tasksKey, "the binding for `" + b.candidate + "` has no steps for task `" + id + "`",
                            "add `" + id + ":` with its `steps:` under `tasks:`, or `" + id
                                    + ": {notApplicable: \"why\"}` if the candidate cannot do it");
                }
            }
        }
        checkReaders();
        checkReadBacks();
        checkUses();
        Map<BindingInfo, Map<String, Set<String>>> users = fragmentUsers();
        for (BindingInfo b : draft.bindings) {
            b.fragmentKeys.forEach((id, key) -> {
                if (users.getOrDefault(b, Map.of()).getOrDefault(id, Set.of()).isEmpty() && !usedAnywhere(b, id)) {
                    warning(b.src.at(key), "fragment `" + id + "` is never used", null);
                }
            });
        }
        // every ${...}, against the values of each task that reaches it
        ParameterCheck parameters = new ParameterCheck(problems, draft);
        parameters.checkTemplates(users);
        parameters.unusedParams();
    }

    /** A read-back answers a check of its task: its key must be one of the task's check descriptions. */
    private void checkReadBacks() {
        for (BindingInfo b : draft.bindings) {
            b.readBackKeys.forEach((taskId, keys) -> {
                Task task = draft.tasks.stream().filter(t -> t.id().equals(taskId)).findFirst().orElse(null);
                if (task == null) return;
                List<String> descriptions = new ArrayList<>();
                task.successCriteria().forEach(c -> descriptions.add(c.description()));
                task.criticalChecks().forEach(c -> descriptions.add(c.description()));
                keys.forEach((description, key) -> {
                    if (!descriptions.contains(description)) {
                        String hint = Suggest.didYouMean(description, descriptions);
                        error(b.src, key, "task " + taskId + " has no check '" + description + "' to read back",
                                hint != null ? hint : "its checks: " + String.join("; ", descriptions.stream()
                                        .map(d -> "'" + d + "'").toList()));
                    }
                });
            });
        }
    }

    /** Every check read through a reader (a {@code fhir} check) needs that reader in each binding of its task. */
    private void checkReaders() {
        for (BindingInfo b : draft.bindings) {
            if (b.readers.fhir() != null) continue;
            for (Task task : draft.tasks) {
                // a task the candidate cannot do is never checked on it
                if (!b.taskKeys.containsKey(task.id()) || b.notApplicable.containsKey(task.id())) continue;
                List<Check> checks = new ArrayList<>(task.successCriteria());
                checks.addAll(task.criticalChecks());
                Map<String, Node> readBack = b.readBackKeys.getOrDefault(task.id(), Map.of());
                for (Check c : checks) {
                    if (c instanceof Check.Fhir && !readBack.containsKey(c.description())) {
                        error(b.src, b.candidateNode, "task " + task.id() + ", check '" + c.description() + "' ("
                                + where(c.at()) + ") needs a fhir reader; this binding has none",
                                "add `readers: {fhir: {base: /fhir}}` (the base of " + b.candidate
                                        + "'s FHIR R4 API), or give the task a check this candidate can answer");
                    }
                }
            }
        }
    }

    private String where(Position at) {
        if (at == null) return "?";
        String file = files.suite().path.equals(at.file()) ? files.suite().relative : String.valueOf(at.file());
        return file + ":" + at.line() + ":" + at.column();
    }

    private boolean usedAnywhere(BindingInfo b, String fragment) {
        return draft.uses.stream().anyMatch(u -> u.binding() == b && u.use().fragment().equals(fragment));
    }

    private void checkUses() {
        for (UseSite u : draft.uses) {
            BindingInfo b = u.binding();
            Binding.Fragment f = b.fragments.get(u.use().fragment());
            if (f == null) {
                if (!b.fragmentKeys.containsKey(u.use().fragment())) {
                    String hint = Suggest.didYouMean(u.use().fragment(), b.fragmentKeys.keySet());
                    error(u.src(), u.fragmentNode(), "unknown fragment `" + u.use().fragment() + "`",
                            hint != null ? hint : b.fragmentKeys.isEmpty() ? "this binding has no `fragments:`"
                                    : "this binding's fragments: " + String.join(", ", b.fragmentKeys.keySet()));
                }
                continue;
            }
            u.withKeys().forEach((name, key) -> {
                if (!f.params().contains(name)) {
                    String hint = Suggest.didYouMean(name, f.params());
                    error(u.src(), key, "fragment `" + f.id() + "` has no parameter `" + name + "`",
                            hint != null ? hint : f.params().isEmpty() ? "it takes no parameters"
                                    : "its parameters: " + String.join(", ", f.params()));
                }
            });
            List<String> notPassed = f.params().stream().filter(p -> !u.use().with().containsKey(p)).toList();
            if (!notPassed.isEmpty()) {
                error(u.src(), u.fragmentNode(), "`use: " + f.id() + "` does not pass " + notPassed.stream()
                        .map(p -> "`" + p + "`").reduce((a, c) -> a + ", " + c).orElse(""),
                        "add `with: {" + String.join(", ", f.params().stream().map(p -> p + ": ...").toList()) + "}`");
            }
        }
        // cycles: a fragment that (through others) uses itself
        for (BindingInfo b : draft.bindings) {
            Set<Set<String>> reported = new LinkedHashSet<>();
            for (String start : b.fragments.keySet()) {
                List<String> path = cycle(b, start, start, new ArrayList<>(List.of(start)), new LinkedHashSet<>());
                if (path != null && reported.add(new LinkedHashSet<>(path))) {
                    UseSite site = draft.uses.stream().filter(u -> u.binding() == b && u.scope() instanceof FragmentScope fs
                            && fs.fragment().equals(start) && u.use().fragment().equals(path.get(1))).findFirst().orElse(null);
                    if (site != null) {
                        error(site.src(), site.fragmentNode(), "fragment `" + start + "` uses itself: "
                                + String.join(" -> ", path), "a fragment cannot call itself, directly or through others");
                    }
                }
            }
        }
    }

    private List<String> cycle(BindingInfo b, String start, String current, List<String> path, Set<String> seen) {
        if (!seen.add(current)) return null;
        Binding.Fragment f = b.fragments.get(current);
        if (f == null) return null;
        for (Step step : f.steps()) {
            if (step instanceof Step.Use use) {
                List<String> next = new ArrayList<>(path);
                next.add(use.fragment());
                if (use.fragment().equals(start)) return next;
                List<String> found = cycle(b, start, use.fragment(), next, seen);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** For each binding and fragment, the tasks whose steps use it, directly or through other fragments. */
    private Map<BindingInfo, Map<String, Set<String>>> fragmentUsers() {
        Map<BindingInfo, Map<String, Set<String>>> result = new LinkedHashMap<>();
        for (BindingInfo b : draft.bindings) {
            Map<String, Set<String>> users = new LinkedHashMap<>();
            b.taskBindings.forEach((task, tb) -> {
                List<Step> all = new ArrayList<>(tb.setup());
                all.addAll(tb.steps());
                markUsers(b, all, task, users, new LinkedHashSet<>());
            });
            result.put(b, users);
        }
        return result;
    }

    private void markUsers(BindingInfo b, List<Step> steps, String task, Map<String, Set<String>> users, Set<String> seen) {
        for (Step step : steps) {
            if (step instanceof Step.Use use && seen.add(use.fragment())) {
                users.computeIfAbsent(use.fragment(), k -> new LinkedHashSet<>()).add(task);
                Binding.Fragment f = b.fragments.get(use.fragment());
                if (f != null) markUsers(b, f.steps(), task, users, seen);
            }
        }
    }
}
