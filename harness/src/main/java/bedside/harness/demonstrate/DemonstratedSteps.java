package bedside.harness.demonstrate;

import bedside.scenarios.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what the recorder saw while an evaluator demonstrated a task ({@code bedside record}) into binding steps:
 * presses become {@code click}, a field's final value {@code type} (or {@code setDate}), a native list's choice
 * {@code select}, a browser dialog's answer {@code acceptDialog} / {@code dismissDialog}.
 *
 * <p>Each element is found again by the sturdiest thing it has, in this order: a test id; its ARIA role and accessible
 * name; its label; a stable attribute (name, placeholder, an id that no framework generated); its visible text. Never
 * by position in the DOM or by class names, which change when a page is rebuilt. A value that equals one of the
 * suite's parameters is written as that parameter ({@code ${patient.nhsNumber}}), so patient data shown or typed is
 * not copied into the binding.
 */
public final class DemonstratedSteps {
    /** A step as the binding will hold it (one key: the action), with a comment for the evaluator, or null. */
    public record Drafted(Map<String, Object> step, String comment) {
        public String action() {
            return step.keySet().iterator().next();
        }
    }

    /** Ids a framework makes up (React's :r1:, mui-123, ember456, long digit runs, UUIDs): not worth finding by. */
    private static final Pattern GENERATED_ID = Pattern.compile(".*(:|\\d{3,}|[0-9a-f]{8}-[0-9a-f]{4}|^(mui|ember|react|radix|headlessui|rc|ng|v)-?\\d).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final java.util.Set<String> TEXT_ROLES = java.util.Set.of("textbox", "searchbox", "combobox", "spinbutton");

    private final List<Map.Entry<String, String>> parameters;

    /** @param values the suite's values for the task (its data set and parameters), to write typed values as these */
    public DemonstratedSteps(Map<String, ?> values) {
        List<Map.Entry<String, String>> p = new ArrayList<>();
        for (String name : Parameters.names(values)) {
            Parameters.lookup(values, name).map(String::valueOf).filter(v -> !v.isBlank())
                    .ifPresent(v -> p.add(Map.entry(name, v)));
        }
        // the longest values first: "Margaret Okafor" before "Margaret"
        p.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()));
        this.parameters = List.copyOf(p);
    }

    /** One event as the recorder stored it: its type and data. */
    public record Seen(String type, JsonNode data) {
    }

    /** The steps of the demonstration from the attempt's stored events: those of its timed part, in order. */
    public List<Drafted> fromStored(List<bedside.results.EventRecord> stored) {
        List<Seen> seen = new ArrayList<>();
        for (bedside.results.EventRecord e : stored) {
            try {
                JsonNode d = JSON.readTree(e.json());
                if (d.path("phase").asText().equals("task")) {
                    seen.add(new Seen(e.type(), d));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
                throw new IllegalStateException("event " + e.seq() + " of the demonstration is not JSON", bad);
            }
        }
        return from(seen);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The steps of the demonstration: the events between the clock's start and stop, in order. */
    public List<Drafted> from(List<Seen> events) {
        List<Drafted> steps = new ArrayList<>();
        // Where typing into each field began (the number of steps before it): a field's change comes when it loses
        // focus — after the press on what comes next — so its step goes back to where the typing was.
        Map<String, Integer> typingFrom = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Seen e = events.get(i);
            JsonNode d = e.data();
            JsonNode target = d.path("target");
            switch (e.type()) {
                case "input" -> typingFrom.putIfAbsent(key(target), steps.size());
                case "pointer-down" -> {
                    if (target.isMissingNode() || target.isNull() || isField(target) || isNativeList(target)
                            || d.path("button").asInt(0) != 0) {
                        continue; // a field is typed into and a native list chosen from: their change says what
                    }
                    if (!target.path("actionable").asBoolean(true)) {
                        continue; // a press on nothing that acts: a misclick, not a step
                    }
                    steps.add(locate("click", null, target));
                }
                case "change" -> {
                    if (target.isMissingNode() || !d.has("value")) {
                        continue; // a checkbox or radio: its press is the step
                    }
                    String value = d.path("value").asText();
                    if (isNativeList(target)) {
                        Drafted found = locate("select", "from", target);
                        args(found).put("option", parameterised(value));
                        steps.add(found);
                    } else {
                        Integer from = typingFrom.remove(key(target));
                        if (from == null || from >= steps.size()) {
                            steps.add(typed(target, value));
                        } else {
                            steps.add(from, typed(target, value));
                            typingFrom.replaceAll((k, at) -> at >= from ? at + 1 : at);
                        }
                    }
                }
                case "key" -> {
                    String key = d.path("key").asText("");
                    // Enter in a field submits its form: a step of its own when no press follows for the same thing.
                    if (key.equals("Enter") && isField(target)) {
                        Map<String, Object> press = new LinkedHashMap<>();
                        press.put("press", "Enter");
                        steps.add(new Drafted(press, null));
                    }
                }
                case "dialog-close" -> {
                    String kind = d.path("kind").asText();
                    if (kind.equals("alert") || kind.equals("confirm") || kind.equals("prompt")) {
                        String message = i > 0 && events.get(i - 1).type().equals("dialog-open")
                                ? events.get(i - 1).data().path("message").asText("") : "";
                        Map<String, Object> answer = new LinkedHashMap<>();
                        Map<String, Object> about = new LinkedHashMap<>();
                        if (!message.isBlank()) about.put("text", firstWords(parameterised(message)));
                        answer.put(d.path("accepted").asBoolean(true) ? "acceptDialog" : "dismissDialog",
                                about.isEmpty() ? null : about);
                        steps.add(new Drafted(answer, null));
                    }
                }
                default -> {
                }
            }
        }
        return merged(steps);
    }

    /** Typing into a field: each field's last value once, in the order it was left (a re-edited field keeps its place). */
    private Drafted typed(JsonNode target, String value) {
        String inputType = target.path("inputType").asText("");
        if (inputType.equals("date") || inputType.equals("time") || inputType.equals("datetime-local")) {
            Drafted found = locate("setDate", "into", target);
            args(found).put("value", parameterised(value));
            return found;
        }
        Drafted found = locate("type", "into", target);
        Map<String, Object> args = args(found);
        String date = dateParameter(value);
        if (date != null) { // typed as the page shows dates: a date step in that format
            Drafted setDate = locate("setDate", "into", target);
            args(setDate).put("value", "${" + date.split("\\|")[0] + "}");
            args(setDate).put("format", date.split("\\|")[1]);
            return setDate;
        }
        String text = parameterised(value);
        boolean literal = !text.contains("${");
        if (inputType.equals("password")) {
            // A secret is never written to disk: only a parameter that holds it.
            args.put("text", literal ? "" : text);
            args.put("secret", true);
            return literal ? new Drafted(found.step(), "a secret was typed here that is none of the suite's parameters:"
                    + " put it in the suite's data and name its parameter (it is not written here)") : found;
        }
        args.put("text", text);
        if (literal && !text.isBlank()) {
            return new Drafted(found.step(), "typed as it is (none of the suite's parameters has this value): if it is"
                    + " patient data, make it a parameter of the suite's data");
        }
        return found;
    }

    /** A date parameter the value equals when written DD/MM/YYYY or MM/DD/YYYY, as "name|format"; else null. */
    private String dateParameter(String value) {
        for (Map.Entry<String, String> p : parameters) {
            var m = ISO_DATE.matcher(p.getValue());
            if (!m.matches()) continue;
            String y = m.group(1), mo = m.group(2), d = m.group(3);
            if (value.equals(d + "/" + mo + "/" + y)) return p.getKey() + "|DD/MM/YYYY";
            if (value.equals(mo + "/" + d + "/" + y)) return p.getKey() + "|MM/DD/YYYY";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Drafted d) {
        return (Map<String, Object>) d.step().values().iterator().next();
    }

    /**
     * A step finding {@code target}: under {@code key} ("into", "from") or, for a click, as the step's own arguments.
     */
    private Drafted locate(String action, String key, JsonNode target) {
        Map<String, Object> locator = new LinkedHashMap<>();
        String comment = null;
        JsonNode testId = target.path("testId");
        String role = target.path("role").asText("");
        String name = target.path("name").asText("");
        String label = target.path("label").asText("");
        JsonNode attrs = target.path("attrs");
        String id = target.path("id").asText("");
        if (testId.isObject()) {
            locator.put("css", "[" + testId.path("attr").asText() + "=" + cssString(testId.path("value").asText()) + "]");
        } else if (!role.isEmpty() && !name.isEmpty()) {
            locator.put("role", role);
            putName(locator, "name", name);
            int same = target.path("same").asInt(1);
            if (same > 1) {
                locator.put("nth", Math.max(1, target.path("index").asInt(1)));
                comment = same + " elements share this role and name: the one pressed is chosen by its place; a `within:`"
                        + " (the row or dialog it is in) would be sturdier";
            }
        } else if (!label.isEmpty()) {
            putName(locator, "label", label);
        } else if (attrs.hasNonNull("name")) {
            locator.put("css", target.path("tag").asText("*") + "[name=" + cssString(attrs.path("name").asText()) + "]");
        } else if (attrs.hasNonNull("placeholder")) {
            locator.put("css", target.path("tag").asText("*") + "[placeholder="
                    + cssString(attrs.path("placeholder").asText()) + "]");
        } else if (!id.isEmpty() && !GENERATED_ID.matcher(id).matches()) {
            locator.put("css", "#" + cssIdent(id));
        } else if (!name.isEmpty()) {
            putName(locator, "text", name);
        } else {
            locator.put("css", target.path("css").asText("*"));
            comment = "no test id, role and name, label, stable attribute or text: this CSS path depends on the page's"
                    + " structure; give the element a test id or an accessible name";
        }
        Map<String, Object> step = new LinkedHashMap<>();
        if (key == null) {
            step.put(action, locator);
        } else {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put(key, locator);
            step.put(action, args);
        }
        return new Drafted(step, comment);
    }

    /**
     * A name written as a parameter where it equals one; where it has one inside other text (a list row naming the
     * patient with her number and birth date, however the page formats them), the parameter alone, matched as contained.
     */
    private void putName(Map<String, Object> locator, String key, String name) {
        String named = parameterised(name);
        var ref = java.util.regex.Pattern.compile("\\$\\{[^}]+}").matcher(named);
        if (ref.find() && !named.equals(ref.group())) {
            locator.put(key, ref.group());
            locator.put("match", "contains");
        } else {
            locator.put(key, named);
        }
    }

    /** The element an event is about, the same from its first keystroke to its change. */
    private static String key(JsonNode target) {
        return target.path("key").asText() + "|" + target.path("css").asText();
    }

    /** The text with every parameter value in it written as the parameter (whole words only; longest first). */
    String parameterised(String text) {
        String out = text;
        for (Map.Entry<String, String> p : parameters) {
            String v = p.getValue();
            if (v.length() < 3 && !out.equals(v)) continue; // "M", "12": too short to mean the parameter inside text
            out = out.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])",
                    java.util.regex.Matcher.quoteReplacement("${" + p.getKey() + "}"));
        }
        return out;
    }

    /** The dialog's first words: enough to tell it, short enough to survive a change of wording further on. */
    private static String firstWords(String message) {
        String[] words = message.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(4, words.length)));
    }

    /** Several changes to one field while it is edited are one step: its last value, where it was first typed. */
    private static List<Drafted> merged(List<Drafted> steps) {
        List<Drafted> out = new ArrayList<>();
        for (Drafted s : steps) {
            String action = s.action();
            if ((action.equals("type") || action.equals("setDate") || action.equals("select")) && !out.isEmpty()) {
                Drafted last = out.get(out.size() - 1);
                if (last.action().equals(action) && sameTarget(last, s)) {
                    out.set(out.size() - 1, s);
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean sameTarget(Drafted a, Drafted b) {
        Map<String, Object> x = (Map<String, Object>) a.step().values().iterator().next();
        Map<String, Object> y = (Map<String, Object>) b.step().values().iterator().next();
        Object fx = x.getOrDefault("into", x.get("from"));
        Object fy = y.getOrDefault("into", y.get("from"));
        return fx != null && fx.equals(fy);
    }

    private static boolean isField(JsonNode target) {
        String tag = target.path("tag").asText("");
        String type = target.path("inputType").asText("text");
        if (tag.equals("textarea")) return true;
        if (tag.equals("input")) {
            return !type.matches("checkbox|radio|submit|button|reset|image|file|range|color");
        }
        return TEXT_ROLES.contains(target.path("role").asText("")) && target.path("attrs").path("contenteditable").isMissingNode()
                && !tag.equals("div") && !tag.equals("button");
    }

    private static boolean isNativeList(JsonNode target) {
        return target.path("tag").asText("").equals("select");
    }

    private static String cssString(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String cssIdent(String id) {
        return id.replaceAll("([^A-Za-z0-9_-])", "\\\\$1");
    }
}
