package bedside.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The suite as read so far: the values the model is built from, and the YAML nodes that cross-checks point
 * at. The parsers fill it, {@link BindingResolver} checks it, and it becomes a {@link Suite} when nothing is wrong.
 */
final class SuiteDraft {

    // what the suite file said
    boolean suiteParsed;
    String suiteId;
    String title;
    String version;
    String description;
    final List<String> candidates = new ArrayList<>();
    /** False when the candidates list itself could not be read: bindings are then not checked against it. */
    boolean candidatesRead;
    final Map<String, Node> candidateNodes = new LinkedHashMap<>();
    String defaultDataSet;
    Node defaultDataSetNode;
    Suite.TaskOrder order = Suite.TaskOrder.fixed();
    final Map<String, Map<String, Object>> dataSets = new LinkedHashMap<>();
    final List<Task> tasks = new ArrayList<>();
    final Map<String, TaskInfo> taskInfos = new LinkedHashMap<>();
    /** Task ids already reported as invalid: a binding's missing steps for them are not reported again. */
    final Set<String> badTaskIds = new LinkedHashSet<>();

    // what the bindings said
    final List<BindingInfo> bindings = new ArrayList<>();
    final List<UseSite> uses = new ArrayList<>();
    /** Candidates whose binding file could not be read (a syntax error): not reported again as missing. */
    final Set<String> unreadable = new LinkedHashSet<>();

    /** Every text holding {@code ${...}}, in the order read. */
    final List<Template> templates = new ArrayList<>();

    record TaskInfo(Src src, MappingNode node, String id, String dataSet, Node dataSetNode, Map<String, String> parameters) {}

    /** A binding as read, with the nodes cross-checks point at. */
    static final class BindingInfo {
        final Src src;
        final String candidate;
        final Node candidateNode;
        final Node tasksKey;
        final Node root;
        final boolean inline;
        boolean tasksIsMap;
        final Map<String, Binding.Fragment> fragments = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> patientData = new ArrayList<>();
        final Map<String, Node> fragmentKeys = new LinkedHashMap<>();
        final Map<String, Map<String, Node>> paramNodes = new LinkedHashMap<>();
        final Map<String, Binding.TaskBinding> taskBindings = new LinkedHashMap<>();
        final Map<String, Binding.NotApplicable> notApplicable = new LinkedHashMap<>();
        final Map<String, Node> taskKeys = new LinkedHashMap<>();
        /** The keys of each task's {@code readBack} entries (check descriptions), for locating problems. */
        final Map<String, Map<String, Node>> readBackKeys = new LinkedHashMap<>();
        Binding.Readers readers = Binding.Readers.NONE;
        Binding.Reset reset = Binding.Reset.NONE;

        BindingInfo(Src src, String candidate, Node candidateNode, Node tasksKey, Node root, boolean inline) {
            this.src = src;
            this.candidate = candidate;
            this.candidateNode = candidateNode;
            this.tasksKey = tasksKey;
            this.root = root;
            this.inline = inline;
        }

        Binding toBinding() {
            return new Binding(candidate, Collections.unmodifiableMap(fragments), Collections.unmodifiableMap(taskBindings),
                    Collections.unmodifiableMap(notApplicable), List.copyOf(warnings), List.copyOf(patientData), readers, reset, src.at(root));
        }
    }

    /** A {@code use} step, with the nodes its checks point at. */
    record UseSite(BindingInfo binding, Src src, MappingNode step, Node fragmentNode, Map<String, Node> withKeys,
                   Step.Use use, Scope scope) {}

    /** A text holding {@code ${...}}, where it stands and where its values come from. */
    record Template(Src src, ScalarNode node, String value, Scope scope) {}

    Suite toSuite(Map<String, Binding> bound, Path source, String contentHash) {
        return new Suite(suiteId, title, version, description, List.copyOf(candidates), defaultDataSet, order,
                Collections.unmodifiableMap(dataSets), List.copyOf(tasks), Collections.unmodifiableMap(bound),
                source, contentHash);
    }
}
