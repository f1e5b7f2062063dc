package bedside.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ${...}} parameters in scenario text.
 *
 * <p>A parameter names a value by its path, e.g. {@code ${patient.nhsNumber}}: segments are separated by dots
 * and walk the nested maps of a data set (a number segment indexes a list: {@code ${medications.0.name}}).
 * {@code $${} writes a literal {@code ${}. Values are the task's {@linkplain #effectiveValues effective values}
 * (its data set, overridden by its {@code parameters}); inside a fragment, the fragment's arguments come first.
 */
public final class Parameters {
    private Parameters() {}

    /** What a parameter name may look like: {@code patient.nhsNumber}, {@code medications.0.name}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    /**
     * One {@code ${...}} in a template.
     *
     * @param name  the trimmed name inside the braces
     * @param start offset of the {@code $} in the template
     * @param end   offset just after the closing brace
     * @param error why it is malformed, or null
     */
    public record Reference(String name, int start, int end, String error) {}

    /** Thrown by {@link #resolve} when a parameter is malformed, missing, or names a group of values. */
    public static final class UnresolvedParameterException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String parameter;

        public UnresolvedParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** True when {@code text} holds at least one parameter (or escape) to process. */
    public static boolean hasParameters(String text) {
        return text != null && text.contains("${");
    }

    /** Every {@code ${...}} in the template, in order (escaped {@code $${} excluded). */
    public static List<Reference> references(String template) {
        List<Reference> refs = new ArrayList<>();
        if (template == null) return refs;
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$${", i)) {
                i += 3;
            } else if (template.startsWith("${", i)) {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    refs.add(new Reference(template.substring(i + 2).trim(), i, template.length(),
                            "`${` is not closed by `}`"));
                    break;
                }
                String name = template.substring(i + 2, close).trim();
                String error = null;
                if (name.isEmpty()) {
                    error = "empty parameter `${}`";
                } else if (!NAME.matcher(name).matches()) {
                    error = "`${" + name + "}` is not a parameter name (letters, digits, `_`, `-`, joined by dots, e.g. `patient.name`)";
                }
                refs.add(new Reference(name, i, close + 1, error));
                i = close + 1;
            } else {
                i++;
            }
        }
        return refs;
    }

    /**
     * Fills every {@code ${name}} in {@code template} from {@code values} (nested maps).
     *
     * @throws UnresolvedParameterException when a name is malformed or has no single value
     */
    public static String resolve(String template, Map<String, ?> values) {
        if (template == null || !template.contains("${")) return template;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (template.startsWith("${", i)) {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    throw new UnresolvedParameterException(template.substring(i), "`${` is not closed by `}` in: " + template);
                }
                String name = template.substring(i + 2, close).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new UnresolvedParameterException(name, "`${" + name + "}` is not a parameter name");
                }
                Optional<Object> value = lookup(values, name);
                if (value.isEmpty()) {
                    throw new UnresolvedParameterException(name, "no value for `${" + name + "}`");
                }
                Object v = value.get();
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    throw new UnresolvedParameterException(name, "`${" + name + "}` names a group of values, not one value");
                }
                out.append(v == null ? "" : v.toString());
                i = close + 1;
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * The value a name refers to: the whole dotted name as a key first (task parameters may be written
     * {@code patient.name: ...}), then walking nested maps and lists. {@code Optional.of(null)} is impossible,
     * so a present null value comes back as an empty string.
     */
    public static Optional<Object> lookup(Map<String, ?> values, String name) {
        if (values == null) return Optional.empty();
        if (values.containsKey(name)) return Optional.of(orEmpty(values.get(name)));
        Object current = values;
        for (String segment : name.split("\\.", -1)) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) return Optional.empty();
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                int index;
                try {
                    index = Integer.parseInt(segment);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (index >= list.size()) return Optional.empty();
                current = list.get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(orEmpty(current));
    }

    private static Object orEmpty(Object o) {
        return o == null ? "" : o;
    }

    /**
     * The values a task's text and steps are filled from: a deep copy of its data set (the suite's default
     * when the task names none), with the task's {@code parameters} laid over it. A parameter key with dots
     * ({@code patient.name}) replaces that nested value; parameter values may themselves use the data set's
     * {@code ${...}} values.
     *
     * @throws UnresolvedParameterException when a task parameter refers to a value the data set lacks
     */
    public static Map<String, Object> effectiveValues(Suite suite, Task task) {
        String dataSetId = task.dataSet() != null ? task.dataSet() : suite.defaultDataSet();
        Map<String, Object> dataSet = dataSetId == null ? null : suite.dataSets().get(dataSetId);
        return effectiveValues(dataSet, task.parameters());
    }

    /** As {@link #effectiveValues(Suite, Task)} from a data set (or null) and task parameters. */
    public static Map<String, Object> effectiveValues(Map<String, ?> dataSet, Map<String, String> parameters) {
        Map<String, Object> values = deepCopy(dataSet);
        if (parameters != null) {
            Map<String, Object> base = deepCopy(dataSet);
            parameters.forEach((key, value) -> put(values, key, resolve(value, base)));
        }
        return values;
    }

    /** The values inside a fragment: the caller's values with the fragment's (already filled) arguments on top. */
    public static Map<String, Object> withArguments(Map<String, ?> values, Map<String, String> arguments) {
        Map<String, Object> result = deepCopy(values);
        if (arguments != null) result.putAll(arguments);
        return result;
    }

    /** Every leaf value's dotted name, e.g. {@code patient.name}, for suggestions and messages. */
    public static List<String> names(Map<String, ?> values) {
        List<String> names = new ArrayList<>();
        collect("", values, names);
        return names;
    }

    private static void collect(String prefix, Object value, List<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(prefix + k + ".", v, names));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) collect(prefix + i + ".", list.get(i), names);
        } else if (!prefix.isEmpty()) {
            names.add(prefix.substring(0, prefix.length() - 1));
        }
    }

    private static void put(Map<String, Object> values, String dottedKey, Object value) {
        String[] segments = dottedKey.split("\\.");
        Map<String, Object> current = values;
        for (int i = 0; i < segments.length - 1; i++) {
            Object next = current.get(segments[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(segments[i], next);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) next;
            current = map;
        }
        current.put(segments[segments.length - 1], value);
    }

    // ------------------------------------------------------------------------------------------ filling the model

    /**
     * A task's steps ready to run: every {@code use} replaced by its fragment's steps (recursively), and every
     * {@code ${...}} filled. Fragment steps see the caller's values with the fragment's arguments on top.
     * Positions stay those of the file (a fragment's steps keep their own lines).
     *
     * @throws UnresolvedParameterException when a value is missing (never for a suite the reader accepted)
     * @throws IllegalArgumentException     when a fragment is unknown (idem)
     */
    public static List<Step> expand(Binding binding, List<Step> steps, Map<String, ?> values) {
        List<Step> out = new ArrayList<>();
        expand(binding, steps, values, out, 0);
        return List.copyOf(out);
    }

    private static void expand(Binding binding, List<Step> steps, Map<String, ?> values, List<Step> out, int depth) {
        if (depth > 50) throw new IllegalArgumentException("fragments nest more than 50 deep (a cycle?)");
        for (Step step : steps) {
            if (step instanceof Step.Use use) {
                Binding.Fragment fragment = binding.fragments().get(use.fragment());
                if (fragment == null) throw new IllegalArgumentException("unknown fragment `" + use.fragment() + "`");
                Map<String, String> arguments = new LinkedHashMap<>();
                use.with().forEach((k, v) -> arguments.put(k, resolve(v, values)));
                expand(binding, fragment.steps(), withArguments(values, arguments), out, depth + 1);
            } else {
                out.add(fill(step, values));
            }
        }
    }

    /** The step with every {@code ${...}} filled ({@code use} steps get their arguments filled). */
    public static Step fill(Step step, Map<String, ?> v) {
        if (step instanceof Step.Open s) return new Step.Open(resolve(s.url(), v), s.at());
        if (step instanceof Step.Click s) return new Step.Click(fill(s.target(), v), s.at());
        if (step instanceof Step.Type s) {
            return new Step.Type(fill(s.into(), v), resolve(s.text(), v), s.clear(), s.secret(), s.testData(), s.at());
        }
        if (step instanceof Step.Select s) return new Step.Select(fill(s.from(), v), resolve(s.option(), v), s.at());
        if (step instanceof Step.Choose s) {
            return new Step.Choose(fill(s.from(), v), resolve(s.option(), v), resolve(s.search(), v), s.match(), s.at());
        }
        if (step instanceof Step.SetDate s) {
            return new Step.SetDate(fill(s.into(), v), resolve(s.value(), v), s.format(), s.at());
        }
        if (step instanceof Step.Check s) return new Step.Check(fill(s.target(), v), s.checked(), s.at());
        if (step instanceof Step.Press s) return new Step.Press(s.key(), fill(s.on(), v), s.at());
        if (step instanceof Step.WaitFor s) {
            return new Step.WaitFor(fill(s.target(), v), resolve(s.text(), v), s.count(), s.gone(), s.timeoutSeconds(), s.at());
        }
        if (step instanceof Step.Assert s) {
            return new Step.Assert(fill(s.target(), v), resolve(s.text(), v), resolve(s.value(), v), s.count(),
                    s.timeoutSeconds(), s.at());
        }
        if (step instanceof Step.AcceptDialog s) return new Step.AcceptDialog(resolve(s.text(), v), resolve(s.answer(), v), s.at());
        if (step instanceof Step.DismissDialog s) return new Step.DismissDialog(resolve(s.text(), v), s.at());
        if (step instanceof Step.SwitchTo s) {
            return new Step.SwitchTo(resolve(s.window(), v), fill(s.frame(), v), s.defaultContent(), s.at());
        }
        Step.Use s = (Step.Use) step;
        Map<String, String> with = new LinkedHashMap<>();
        s.with().forEach((k, x) -> with.put(k, resolve(x, v)));
        return new Step.Use(s.fragment(), with, s.at());
    }

    /** The check with every {@code ${...}} filled, description included. */
    public static Check fill(Check check, Map<String, ?> v) {
        if (check instanceof Check.Dom c) {
            return new Check.Dom(resolve(c.description(), v), fill(c.target(), v), resolve(c.text(), v),
                    resolve(c.value(), v), c.count(), c.timeoutSeconds(), c.at());
        }
        if (check instanceof Check.Url c) {
            return new Check.Url(resolve(c.description(), v), resolve(c.contains(), v), resolve(c.matches(), v),
                    c.timeoutSeconds(), c.at());
        }
        if (check instanceof Check.Fhir c) {
            Map<String, String> params = new LinkedHashMap<>();
            c.params().forEach((k, x) -> params.put(k, resolve(x, v)));
            return new Check.Fhir(resolve(c.description(), v), c.search(), fill(c.patient(), v), fill(c.identifier(), v),
                    params, resolve(c.where(), v), c.count(), c.exists(), c.timeoutSeconds(), c.at());
        }
        Check.Http c = (Check.Http) check;
        return new Check.Http(resolve(c.description(), v), resolve(c.get(), v), c.status(),
                c.expect().stream().map(e -> new Check.JsonExpectation(resolve(e.path(), v), resolve(e.equals(), v),
                        resolve(e.contains(), v), e.count(), e.exists(), e.at())).toList(),
                c.timeoutSeconds(), c.at());
    }

    private static Check.Identifier fill(Check.Identifier id, Map<String, ?> v) {
        return id == null ? null : new Check.Identifier(resolve(id.system(), v), resolve(id.value(), v));
    }

    /** The locator with its value and name filled; null stays null. */
    public static Locator fill(Locator locator, Map<String, ?> v) {
        if (locator == null) return null;
        return locator.map(t -> resolve(t, v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (map != null) map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) return deepCopy((Map<String, ?>) m);
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(Parameters::copyValue).toList());
        return v;
    }
}
