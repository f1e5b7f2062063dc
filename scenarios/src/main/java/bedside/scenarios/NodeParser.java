package bedside.scenarios;

import static bedside.scenarios.SuiteReader.ID;

import bedside.scenarios.SuiteDraft.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * What every parser does with YAML nodes: reads maps with their keys checked, text, numbers, booleans and
 * lists, reporting a wrong type, an unknown or duplicate key, or a missing value where it stands. Text holding
 * {@code ${...}} is recorded in the draft, to be checked once everything is read.
 */
abstract class NodeParser {
    final Problems problems;
    final SuiteDraft draft;

    NodeParser(Problems problems, SuiteDraft draft) {
        this.problems = problems;
        this.draft = draft;
    }

    void error(Src s, Node node, String message, String hint) {
        problems.error(s, node, message, hint);
    }

    /** A YAML map with its keys checked: unknown and duplicate keys are reported. */
    static final class Obj {
        final Src src;
        final MappingNode node;
        final Map<String, Node> values = new LinkedHashMap<>();
        final Map<String, ScalarNode> keys = new LinkedHashMap<>();
        /** Unknown keys that look like a typo of an allowed key: the allowed key, not reported missing again. */
        final Set<String> misspelled = new LinkedHashSet<>();

        Obj(Src src, MappingNode node) {
            this.src = src;
            this.node = node;
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        Node get(String key) {
            return values.get(key);
        }
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    static String kindOf(Node n) {
        if (n instanceof MappingNode) return "a map";
        if (n instanceof SequenceNode) return "a list";
        if (isNull(n)) return "empty";
        return "`" + ((ScalarNode) n).getValue() + "`";
    }

    /** Reads a map, reporting unknown keys (with suggestions) and duplicates; null when {@code n} is no map. */
    Obj obj(Src s, Node n, String what, Collection<String> allowed) {
        if (!(n instanceof MappingNode m)) {
            error(s, n, what + " must be a map of `key: value` lines, not " + kindOf(n), null);
            return null;
        }
        Obj o = new Obj(s, m);
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || isNull(t.getKeyNode())) {
                error(s, t.getKeyNode(), "a key in " + what + " must be a plain name", null);
                continue;
            }
            String key = k.getValue();
            if (o.keys.containsKey(key)) {
                error(s, k, "duplicate key `" + key + "` in " + what,
                        "it is already at line " + s.at(o.keys.get(key)).line() + "; keep one of them");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                unknownKey(s, k, key, what, allowed);
                Suggest.closest(key, allowed).ifPresent(o.misspelled::add);
                continue;
            }
            o.keys.put(key, k);
            o.values.put(key, t.getValueNode());
        }
        return o;
    }

    void unknownKey(Src s, Node at, String key, String what, Collection<String> allowed) {
        String hint = Suggest.didYouMean(key, allowed);
        if (hint == null) hint = "expected one of: " + String.join(", ", allowed);
        error(s, at, "unknown key `" + key + "` in " + what, hint);
    }

    /** A map whose keys are ids (fragments, task bindings, data sets): duplicates reported as such. */
    Map<String, Map.Entry<ScalarNode, Node>> idMap(Src s, Node n, String what, String kind) {
        Map<String, Map.Entry<ScalarNode, Node>> result = new LinkedHashMap<>();
        if (n == null || isNull(n)) return result;
        if (!(n instanceof MappingNode m)) {
            error(s, n, what + " must be a map from " + kind + " id to its contents, not " + kindOf(n), null);
            return result;
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || isNull(t.getKeyNode())) {
                error(s, t.getKeyNode(), "a " + kind + " id must be a plain name", null);
                continue;
            }
            String id = k.getValue();
            if (result.containsKey(id)) {
                error(s, k, "duplicate " + kind + " `" + id + "`",
                        "it is already defined at line " + s.at(result.get(id).getKey()).line());
                continue;
            }
            checkId(s, k, id, kind);
            result.put(id, Map.entry(k, t.getValueNode()));
        }
        return result;
    }

    void checkId(Src s, Node at, String id, String kind) {
        if (!ID.matcher(id).matches()) {
            error(s, at, id.isEmpty() ? "empty " + kind + " id" : "`" + id + "` is not a valid " + kind + " id",
                    "use letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `record-allergy`");
        }
    }

    void missing(Obj o, String key, String what) {
        if (o.misspelled.contains(key)) return;
        error(o.src, o.node, what + " is missing `" + key + "`", null);
    }

    /** Text (any scalar); null when absent or wrong, reporting as needed. Registers parameters for checking. */
    String str(Obj o, String key, boolean required, String what, Scope scope) {
        Node n = o.get(key);
        if (n == null) {
            if (required) missing(o, key, what);
            return null;
        }
        if (isNull(n)) {
            if (required) error(o.src, o.keys.get(key), "`" + key + "` has no value", null);
            return null;
        }
        if (!(n instanceof ScalarNode sn)) {
            error(o.src, n, "`" + key + "` must be text, not " + kindOf(n),
                    "quote text holding `: `, `#`, `[` or `{`, e.g. \"a: b\"");
            return null;
        }
        String value = sn.getValue();
        if (scope != null) template(o.src, sn, value, scope);
        return value;
    }

    String scalarText(Src s, Node n, String what, Scope scope) {
        if (n == null || isNull(n)) {
            error(s, n, what + " has no value", null);
            return null;
        }
        if (!(n instanceof ScalarNode sn)) {
            error(s, n, what + " must be text, not " + kindOf(n), null);
            return null;
        }
        if (scope != null) template(s, sn, sn.getValue(), scope);
        return sn.getValue();
    }

    Double num(Obj o, String key, boolean required, String what) {
        Node n = o.get(key);
        if (n == null) {
            if (required) missing(o, key, what);
            return null;
        }
        if (n instanceof ScalarNode sn && (sn.getTag().equals(Tag.INT) || sn.getTag().equals(Tag.FLOAT))) {
            try {
                String v = sn.getValue().replace("_", "");
                return sn.getTag().equals(Tag.INT) ? (double) Long.decode(v.startsWith("0o") ? "0" + v.substring(2) : v)
                        : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        numberError(o, key, n, "a number");
        return null;
    }

    Long integer(Obj o, String key, boolean required, String what) {
        Node n = o.get(key);
        if (n == null) {
            if (required) missing(o, key, what);
            return null;
        }
        if (n instanceof ScalarNode sn && sn.getTag().equals(Tag.INT)) {
            try {
                return Long.decode(sn.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        numberError(o, key, n, "a whole number");
        return null;
    }

    void numberError(Obj o, String key, Node n, String kind) {
        String hint = null;
        if (n instanceof ScalarNode sn && sn.getTag().equals(Tag.STR) && sn.getValue().trim().matches("-?[0-9.]+")) {
            hint = "remove the quotes";
        }
        if (isNull(n)) {
            error(o.src, o.keys.get(key), "`" + key + "` has no value", "it must be " + kind);
        } else {
            error(o.src, n, "`" + key + "` must be " + kind + ", not " + kindOf(n), hint);
        }
    }

    Boolean bool(Obj o, String key) {
        Node n = o.get(key);
        if (n == null) return null;
        if (n instanceof ScalarNode sn && sn.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(sn.getValue().toLowerCase(Locale.ROOT));
        }
        error(o.src, n, "`" + key + "` must be true or false, not " + kindOf(n), null);
        return null;
    }

    /** A list's items; null when absent or wrong; an empty list for an explicit empty value. */
    List<Node> seq(Obj o, String key, boolean required, String what) {
        Node n = o.get(key);
        if (n == null) {
            if (required) missing(o, key, what);
            return null;
        }
        if (isNull(n)) return List.of();
        if (!(n instanceof SequenceNode sq)) {
            error(o.src, n, "`" + key + "` must be a list (items starting with `- `, or `[a, b]`), not " + kindOf(n), null);
            return null;
        }
        return sq.getValue();
    }

    static <T> List<T> nonNull(List<T> list) {
        return list.stream().filter(Objects::nonNull).toList();
    }

    /** Records a text holding {@code ${...}} for {@link ParameterCheck}. */
    void template(Src s, ScalarNode node, String value, Scope scope) {
        if (value != null && value.contains("${")) draft.templates.add(new Template(s, node, value, scope));
    }

    /** Text as written, without the line break a folded ({@code >}) or literal ({@code |}) block ends with. */
    static String trimEnd(String text) {
        return text == null ? null : text.stripTrailing();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }
}
