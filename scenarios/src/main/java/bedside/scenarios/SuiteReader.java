package bedside.scenarios;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a suite, a single YAML file or a folder holding {@code suite.yaml} and
 * {@code bindings/<candidate>.yaml}, into the model, and checks everything that can be checked without a
 * browser. Every problem is reported at once, located by file, line and column.
 */
public final class SuiteReader {

    public static final String SUITE_FILE = "suite.yaml";
    public static final String BINDINGS_FOLDER = "bindings";
    /** How long {@code waitFor} waits unless it says {@code timeout}. */
    public static final double DEFAULT_WAIT_SECONDS = 10;
    /** How long a check may take to become true unless it says {@code timeout}. */
    public static final double DEFAULT_CHECK_TIMEOUT_SECONDS = 5;
    /** A task's {@code frequency} unless it says one. */
    public static final double DEFAULT_FREQUENCY = 1;

    static final List<String> TOP_KEYS = List.of("suite", "dataSets", "tasks", "bindings");
    static final List<String> SUITE_KEYS =
            List.of("id", "title", "version", "description", "candidates", "defaultDataSet", "order");
    static final List<String> ORDER_KEYS = List.of("mode", "seed");
    static final List<String> TASK_KEYS = List.of("id", "title", "capability", "instruction", "dataSet", "parameters",
            "criticality", "frequency", "timeSpecSeconds", "timeLimitSeconds", "successCriteria", "criticalChecks");
    static final List<String> CHECK_KEYS = List.of("description", "timeout", "dom", "url", "http");
    static final List<String> URL_KEYS = List.of("contains", "matches");
    static final List<String> HTTP_KEYS = List.of("get", "status", "expect");
    static final List<String> EXPECT_KEYS = List.of("path", "equals", "contains", "count", "exists");
    static final List<String> BINDING_KEYS = List.of("candidate", "fragments", "tasks", "warnings");
    static final List<String> FRAGMENT_KEYS = List.of("params", "steps");
    static final List<String> TASK_BINDING_KEYS = List.of("setup", "steps");
    static final List<String> LOCATOR_KINDS = List.of("role", "label", "text", "css", "xpath");
    static final List<String> LOCATOR_KEYS = List.of("role", "name", "label", "text", "css", "xpath");
    static final List<String> ACTIONS = List.of("open", "click", "type", "select", "check", "press", "waitFor",
            "assert", "acceptDialog", "dismissDialog", "switchTo", "use");
    static final List<String> ORDER_MODES = List.of("fixed", "random", "latin-square");
    static final List<String> CRITICALITIES = List.of("high", "medium", "low");
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final java.util.regex.Pattern PARAM_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** Reads and checks a suite file or folder. */
    public static ReadResult read(Path fileOrFolder) {
        return new SuiteReader(fileOrFolder).run();
    }

    // ------------------------------------------------------------------------------------------ state

    private final Path given;
    private Path source;
    private boolean folder;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Src> files = new ArrayList<>();
    private final List<Template> templates = new ArrayList<>();
    private final List<UseSite> uses = new ArrayList<>();
    private final List<BindingInfo> bindings = new ArrayList<>();
    /** Candidates whose binding file could not be read (a syntax error): not reported again as missing. */
    private final Set<String> unreadable = new LinkedHashSet<>();

    // what the suite file said
    private boolean suiteParsed;
    private Src suiteSrc;
    private String suiteId;
    private String title;
    private String version;
    private String description;
    private final List<String> candidates = new ArrayList<>();
    private boolean candidatesRead;
    private final Map<String, Node> candidateNodes = new LinkedHashMap<>();
    private String defaultDataSet;
    private Node defaultDataSetNode;
    private Suite.TaskOrder order = Suite.TaskOrder.fixed();
    private final Map<String, Map<String, Object>> dataSets = new LinkedHashMap<>();
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, TaskInfo> taskInfos = new LinkedHashMap<>();
    private final Set<String> badTaskIds = new LinkedHashSet<>();

    private SuiteReader(Path given) {
        this.given = given;
    }

    // ------------------------------------------------------------------------------------------ files

    /** One file as read: its bytes for the hash, its text for positions, its YAML node tree. */
    static final class Src {
        final Path path;
        final String relative;
        final byte[] bytes;
        String text;
        int[] lineStarts;
        Node root;

        Src(Path path, String relative, byte[] bytes) {
            this.path = path;
            this.relative = relative;
            this.bytes = bytes;
        }

        Position at(Node node) {
            Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
            return mark.map(m -> new Position(path, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(new Position(path, 1, 1));
        }

        Position at(Mark mark) {
            return new Position(path, mark.getLine() + 1, mark.getColumn() + 1);
        }

        int offset(Mark mark) {
            int line = Math.min(mark.getLine(), lineStarts.length - 1);
            int start = lineStarts[line];
            try {
                return Math.min(text.offsetByCodePoints(start, mark.getColumn()), text.length());
            } catch (IndexOutOfBoundsException e) {
                return text.length();
            }
        }

        Position atOffset(int offset) {
            int line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) line = -line - 2;
            int column = text.codePointCount(lineStarts[line], offset) + 1;
            return new Position(path, line + 1, column);
        }

        void index() {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    starts.add(i + 1);
                } else if (c == '\r') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private ReadResult run() {
        if (!Files.exists(given)) {
            error(new Position(given, 0, 0), "no such file or folder", null);
            return result();
        }
        Path suiteFile;
        List<Path> bindingFiles = new ArrayList<>();
        if (Files.isDirectory(given)) {
            folder = true;
            source = given;
            suiteFile = given.resolve(SUITE_FILE);
            if (!Files.isRegularFile(suiteFile)) {
                error(new Position(given, 0, 0), "no " + SUITE_FILE + " in this folder",
                        "a suite folder holds suite.yaml and bindings/<candidate>.yaml; a single-file suite is one .yaml file");
                return result();
            }
        } else {
            Path parent = given.toAbsolutePath().getParent();
            if (given.getFileName().toString().equals(SUITE_FILE) && parent != null
                    && Files.isDirectory(parent.resolve(BINDINGS_FOLDER))) {
                folder = true;
                source = given.getParent() == null ? Path.of(".") : given.getParent();
            } else {
                source = given;
            }
            suiteFile = given;
        }
        if (folder) {
            Path bindingsDir = source.resolve(BINDINGS_FOLDER);
            if (Files.isDirectory(bindingsDir)) {
                try (Stream<Path> list = Files.list(bindingsDir)) {
                    list.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                            .sorted()
                            .forEach(bindingFiles::add);
                } catch (IOException e) {
                    error(new Position(bindingsDir, 0, 0), "cannot list the folder: " + e.getMessage(), null);
                }
            }
        }
        suiteSrc = load(suiteFile, folder ? SUITE_FILE : suiteFile.getFileName().toString());
        List<Src> bindingSrcs = new ArrayList<>();
        for (Path p : bindingFiles) {
            Src s = load(p, BINDINGS_FOLDER + "/" + p.getFileName());
            if (s != null) bindingSrcs.add(s);
        }
        if (suiteSrc != null && suiteSrc.root != null) parseSuiteFile(suiteSrc);
        for (Src s : bindingSrcs) {
            if (s.root != null) {
                parseBindingFile(s);
            } else {
                unreadable.add(s.path.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
            }
        }
        if (suiteParsed) crossCheck();
        return result();
    }

    private Src load(Path path, String relative) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            error(new Position(path, 0, 0), "cannot read the file: " + e.getMessage(), null);
            return null;
        }
        Src s = new Src(path, relative, bytes);
        files.add(s);
        try {
            s.text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            error(new Position(path, 0, 0), "the file is not UTF-8 text", "save it as UTF-8");
            return s;
        }
        if (s.text.startsWith("\uFEFF")) s.text = s.text.substring(1);
        s.index();
        LoadSettings settings = LoadSettings.builder()
                .setLabel(relative)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true)
                .setUseMarks(true)
                .build();
        try {
            Optional<Node> node = new Compose(settings).composeString(s.text);
            if (node.isEmpty() || isNull(node.get())) {
                error(new Position(path, 0, 0), "the file is empty", null);
            } else {
                s.root = node.get();
            }
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark().map(s::at).orElse(new Position(path, 1, 1));
            String problem = e.getProblem() == null ? "cannot be read" : e.getProblem();
            String hint = null;
            if (problem.contains("\\t")) {
                hint = "indent with spaces: YAML does not allow tabs for indentation";
            } else if (problem.contains("another document")) {
                problem = "a second document (after `---`)";
                hint = "a suite file holds one document; in a suite folder each binding goes in bindings/<candidate>.yaml";
            } else if (problem.contains("mapping values are not allowed")) {
                hint = "a value holding `: ` must be quoted, or a key is indented wrongly";
            } else if (e.getContext() != null) {
                hint = e.getContext() + e.getContextMark().map(m -> " at line " + (m.getLine() + 1)).orElse("");
            }
            error(at, "YAML syntax: " + problem, hint);
        } catch (YamlEngineException e) {
            error(new Position(path, 1, 1), "YAML syntax: " + e.getMessage(), null);
        }
        return s;
    }

    private ReadResult result() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.BY_POSITION);
        boolean ok = sorted.stream().noneMatch(Problem::isError);
        Suite suite = null;
        if (ok && suiteParsed) {
            Map<String, Binding> bound = new LinkedHashMap<>();
            for (String candidate : candidates) {
                bindings.stream().filter(b -> b.candidate.equals(candidate)).findFirst()
                        .ifPresent(b -> bound.put(candidate, b.toBinding()));
            }
            suite = new Suite(suiteId, title, version, description, List.copyOf(candidates), defaultDataSet, order,
                    Collections.unmodifiableMap(dataSets), List.copyOf(tasks), Collections.unmodifiableMap(bound),
                    source, hash());
        }
        return new ReadResult(suite, sorted);
    }

    /** SHA-256 over the bytes of the suite's files, concatenated in order of their relative paths. */
    private String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted((a, b) -> a.relative.compareTo(b.relative)).forEach(f -> digest.update(f.bytes));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ problems

    private void error(Position at, String message, String hint) {
        problems.add(new Problem(at, Severity.ERROR, message, hint));
    }

    private void warning(Position at, String message, String hint) {
        problems.add(new Problem(at, Severity.WARNING, message, hint));
    }

    private void error(Src s, Node node, String message, String hint) {
        error(s.at(node), message, hint);
    }

    // ------------------------------------------------------------------------------------------ node helpers

    /** A YAML map with its keys checked: unknown and duplicate keys are reported. */
    final class Obj {
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

        Node keyOr(String key) {
            return keys.containsKey(key) ? keys.get(key) : node;
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static String kindOf(Node n) {
        if (n instanceof MappingNode) return "a map";
        if (n instanceof SequenceNode) return "a list";
        if (isNull(n)) return "empty";
        return "`" + ((ScalarNode) n).getValue() + "`";
    }

    /** Reads a map, reporting unknown keys (with suggestions) and duplicates; null when {@code n} is no map. */
    private Obj obj(Src s, Node n, String what, Collection<String> allowed) {
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

    private void unknownKey(Src s, Node at, String key, String what, Collection<String> allowed) {
        String hint = Suggest.didYouMean(key, allowed);
        if (hint == null) hint = "expected one of: " + String.join(", ", allowed);
        error(s, at, "unknown key `" + key + "` in " + what, hint);
    }

    /** A map whose keys are ids (fragments, task bindings, data sets): duplicates reported as such. */
    private Map<String, Map.Entry<ScalarNode, Node>> idMap(Src s, Node n, String what, String kind) {
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

    private void checkId(Src s, Node at, String id, String kind) {
        if (!ID.matcher(id).matches()) {
            error(s, at, id.isEmpty() ? "empty " + kind + " id" : "`" + id + "` is not a valid " + kind + " id",
                    "use letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `record-allergy`");
        }
    }

    private void missing(Obj o, String key, String what) {
        if (o.misspelled.contains(key)) return;
        error(o.src, o.node, what + " is missing `" + key + "`", null);
    }

    /** Text (any scalar); null when absent or wrong, reporting as needed. Registers parameters for checking. */
    private String str(Obj o, String key, boolean required, String what, Scope scope) {
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

    private String scalarText(Src s, Node n, String what, Scope scope) {
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

    private Double num(Obj o, String key, boolean required, String what) {
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

    private Long integer(Obj o, String key, boolean required, String what) {
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

    private void numberError(Obj o, String key, Node n, String kind) {
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

    private Boolean bool(Obj o, String key) {
        Node n = o.get(key);
        if (n == null) return null;
        if (n instanceof ScalarNode sn && sn.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(sn.getValue().toLowerCase(Locale.ROOT));
        }
        error(o.src, n, "`" + key + "` must be true or false, not " + kindOf(n), null);
        return null;
    }

    /** A list's items; null when absent or wrong; an empty list for an explicit empty value. */
    private List<Node> seq(Obj o, String key, boolean required, String what) {
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

    private static <T> List<T> nonNull(List<T> list) {
        return list.stream().filter(Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------------------------------ parameters

    /** Where {@code ${...}} values come from, for checking them after everything is read. */
    sealed interface Scope {}

    /** A task's effective values (suite text of the task, or a binding's steps for it). */
    record TaskScope(String task) implements Scope {}

    /** Only the task's data set (the task's own {@code parameters} values). */
    record DataSetScope(String task) implements Scope {}

    /** A fragment's params, then the values of each task that uses it. */
    record FragmentScope(BindingInfo binding, String fragment) implements Scope {}

    record Template(Src src, ScalarNode node, String value, Scope scope) {}

    private void template(Src s, ScalarNode node, String value, Scope scope) {
        if (value != null && value.contains("${")) templates.add(new Template(s, node, value, scope));
    }

    /** Where the i-th {@code ${...}} of a scalar stands in the file: found in the source text, else the scalar's start. */
    private Position locate(Src s, ScalarNode node, String value, Parameters.Reference ref) {
        String token = value.substring(ref.start(), ref.end());
        int occurrence = 0;
        int from = value.indexOf(token);
        while (from >= 0 && from < ref.start()) {
            occurrence++;
            from = value.indexOf(token, from + 1);
        }
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        if (start.isEmpty() || end.isEmpty() || s.text == null) return s.at(node);
        int a = s.offset(start.get());
        int b = Math.max(a, s.offset(end.get()));
        String slice = s.text.substring(a, b);
        int idx = -1;
        for (int k = 0; k <= occurrence; k++) {
            idx = slice.indexOf(token, idx + 1);
            if (idx < 0) return s.at(node);
        }
        return s.atOffset(a + idx);
    }

    // ------------------------------------------------------------------------------------------ suite file

    record TaskInfo(Src src, MappingNode node, String id, String dataSet, Node dataSetNode, Map<String, String> parameters) {}

    private void parseSuiteFile(Src s) {
        Obj top = obj(s, s.root, "the suite file", TOP_KEYS);
        if (top == null) return;
        suiteParsed = true;
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
                dataSets.put(id, values);
            } else if (value != null || !isNull(e.getValue())) {
                error(s, e.getValue(), "data set `" + id + "` must be a map of named values, not " + kindOf(e.getValue()), null);
            } else {
                dataSets.put(id, Map.of());
            }
        });
        if (defaultDataSet == null && dataSets.size() == 1) defaultDataSet = dataSets.keySet().iterator().next();
        List<Node> taskNodes = seq(top, "tasks", true, "the suite file");
        if (taskNodes != null) {
            if (taskNodes.isEmpty()) error(s, top.keys.get("tasks"), "the suite has no tasks", null);
            for (Node n : taskNodes) parseTask(s, n);
        }
        Node inline = top.get("bindings");
        idMap(s, inline, "`bindings`", "candidate").forEach((candidate, e) -> {
            Obj b = obj(s, e.getValue(), "binding `" + candidate + "`", BINDING_KEYS);
            if (b != null) parseBinding(s, b, candidate, e.getKey(), true);
        });
    }

    private void parseMeta(Obj m) {
        Src s = m.src;
        suiteId = str(m, "id", true, "`suite`", null);
        if (suiteId != null) checkId(s, m.get("id"), suiteId, "suite");
        title = str(m, "title", true, "`suite`", null);
        version = str(m, "version", false, "`suite`", null);
        description = trimEnd(str(m, "description", false, "`suite`", null));
        List<Node> list = seq(m, "candidates", true, "`suite`");
        if (list != null) {
            candidatesRead = true;
            if (list.isEmpty()) error(s, m.keys.get("candidates"), "the suite lists no candidates", "e.g. `candidates: [streamlined, legacy]`");
            for (Node n : list) {
                String c = scalarText(s, n, "a candidate", null);
                if (c == null) continue;
                if (candidateNodes.containsKey(c)) {
                    error(s, n, "candidate `" + c + "` is listed twice", null);
                    continue;
                }
                if (!ID.matcher(c).matches()) {
                    checkId(s, n, c, "candidate");
                    continue;
                }
                candidates.add(c);
                candidateNodes.put(c, n);
            }
        }
        defaultDataSet = str(m, "defaultDataSet", false, "`suite`", null);
        defaultDataSetNode = m.get("defaultDataSet");
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
                if (parsed != null) order = new Suite.TaskOrder(parsed, seed);
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
            if (!ID.matcher(id).matches()) badTaskIds.add(id);
            if (taskInfos.containsKey(id)) {
                error(s, o.get("id"), "duplicate task id `" + id + "`",
                        "it is already used at line " + taskInfos.get(id).src().at(taskInfos.get(id).node()).line());
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
        if (successNodes != null) for (Node cn : successNodes) success.add(check(s, cn, scope));
        List<Check> critical = new ArrayList<>();
        List<Node> criticalNodes = seq(o, "criticalChecks", false, what);
        if (criticalNodes != null) for (Node cn : criticalNodes) critical.add(check(s, cn, scope));
        if (id == null) return;
        taskInfos.put(id, new TaskInfo(s, o.node, id, dataSet, o.get("dataSet"), parameters));
        tasks.add(new Task(id, taskTitle, capability, instruction, dataSet, Collections.unmodifiableMap(parameters),
                criticality, frequency == null ? DEFAULT_FREQUENCY : frequency, spec, limit == null ? 0 : limit,
                nonNull(success), nonNull(critical), s.at(o.node)));
    }

    /** Text as written, without the line break a folded ({@code >}) or literal ({@code |}) block ends with. */
    private static String trimEnd(String text) {
        return text == null ? null : text.stripTrailing();
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

    // ------------------------------------------------------------------------------------------ checks

    private Check check(Src s, Node n, Scope scope) {
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
                Locator target = target(d, "`dom`", true, scope);
                TextValueCount tvc = textValueCount(d, "`dom`", scope);
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

    record TextValueCount(String text, String value, Integer count) {}

    /** The at-most-one of text/value/count of a dom check or assert step; null after an error. */
    private TextValueCount textValueCount(Obj d, String what, Scope scope) {
        boolean textIsContent = d.has("text") && LOCATOR_KINDS.stream().anyMatch(k -> !k.equals("text") && d.has(k))
                || d.has("text") && d.has("target");
        List<String> present = new ArrayList<>();
        if (textIsContent) present.add("text");
        if (d.has("value")) present.add("value");
        if (d.has("count")) present.add("count");
        if (present.size() > 1) {
            error(d.src, d.keys.get(present.get(1)), what + " checks one of `text`, `value` or `count`, not both `"
                    + present.get(0) + "` and `" + present.get(1) + "`", null);
            return null;
        }
        Long count = integer(d, "count", false, what);
        if (count != null && count < 0) {
            error(d.src, d.get("count"), "`count` cannot be negative", null);
        } else if (count != null && count > Integer.MAX_VALUE) {
            error(d.src, d.get("count"), "`count` is too large", null);
        }
        return new TextValueCount(textIsContent ? str(d, "text", true, what, scope) : null, str(d, "value", false, what, scope),
                count == null ? null : count.intValue());
    }

    // ------------------------------------------------------------------------------------------ locators

    /**
     * The element a step or check acts on: {@code target: {...}} or locator keys written directly.
     *
     * @param textIsContent in waitFor, assert and dom checks, {@code text} beside another locator key is the
     *                      text the element must hold; alone it locates by visible text
     */
    private Locator target(Obj o, String what, boolean textIsContent, Scope scope) {
        List<String> inline = LOCATOR_KINDS.stream().filter(o::has).toList();
        if (textIsContent && (inline.size() > 1 || o.has("target")) && inline.contains("text")) {
            inline = inline.stream().filter(k -> !k.equals("text")).toList();
        }
        if (o.has("target")) {
            if (!inline.isEmpty() || o.has("name")) {
                error(o.src, o.keys.get(inline.isEmpty() ? "name" : inline.get(0)), "`" + (inline.isEmpty() ? "name" : inline.get(0))
                        + "` beside `target`: write the locator either inside `target:` or directly, not both", null);
                return null;
            }
            return locator(o.src, o.get("target"), scope);
        }
        if (inline.isEmpty()) {
            if (!o.misspelled.isEmpty()) return null;
            error(o.src, o.node, what + " needs a locator: one of `role`, `label`, `text`, `css`, `xpath`",
                    "e.g. `{role: button, name: Save}` or `{label: Surname}`");
            return null;
        }
        return locatorFrom(o, inline, scope);
    }

    private Locator locator(Src s, Node n, Scope scope) {
        Obj o = obj(s, n, "a locator", LOCATOR_KEYS);
        if (o == null) return null;
        List<String> kinds = LOCATOR_KINDS.stream().filter(o::has).toList();
        if (kinds.isEmpty()) {
            error(s, o.node, "a locator needs one of `role`, `label`, `text`, `css`, `xpath`", null);
            return null;
        }
        return locatorFrom(o, kinds, scope);
    }

    private Locator locatorFrom(Obj o, List<String> kinds, Scope scope) {
        Src s = o.src;
        if (kinds.size() > 1) {
            error(s, o.keys.get(kinds.get(1)), "a locator has exactly one of `role`, `label`, `text`, `css`, `xpath`, not both `"
                    + kinds.get(0) + "` and `" + kinds.get(1) + "`", null);
            return null;
        }
        String kind = kinds.get(0);
        if (o.has("name") && !kind.equals("role")) {
            error(s, o.keys.get("name"), "`name` only goes with `role` (the accessible name)", null);
            return null;
        }
        String value = str(o, kind, true, "a locator", scope);
        String name = kind.equals("role") ? str(o, "name", false, "a locator", scope) : null;
        if (value == null) return null;
        Node vn = o.get(kind);
        switch (kind) {
            case "role" -> {
                if (!value.contains("${") && !Syntax.ARIA_ROLES.contains(value)) {
                    String hint = Suggest.didYouMean(value, Syntax.ARIA_ROLES.stream().sorted().toList());
                    error(s, vn, "`" + value + "` is not an ARIA role",
                            hint != null ? hint : "e.g. button, link, textbox, checkbox, combobox, tab, heading, dialog");
                }
            }
            case "css" -> Syntax.cssError(value).ifPresent(e -> error(s, vn, e, e.contains("browser")
                    ? "to find an element by its text use `text:` (or `role:` with `name:`), or xpath `contains(., '...')`" : null));
            case "xpath" -> Syntax.xpathError(value).ifPresent(e -> error(s, vn, e, null));
            default -> {
                if (value.isBlank()) error(s, vn, "`" + kind + "` is empty", null);
            }
        }
        return new Locator(Locator.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), value, name, s.at(o.node));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    // ------------------------------------------------------------------------------------------ bindings

    /** A binding as read, with the nodes cross-checks point at. */
    final class BindingInfo {
        final Src src;
        final String candidate;
        final Node candidateNode;
        final Node tasksKey;
        final Node root;
        final boolean inline;
        boolean tasksIsMap;
        final Map<String, Binding.Fragment> fragments = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, Node> fragmentKeys = new LinkedHashMap<>();
        final Map<String, Map<String, Node>> paramNodes = new LinkedHashMap<>();
        final Map<String, Binding.TaskBinding> taskBindings = new LinkedHashMap<>();
        final Map<String, Node> taskKeys = new LinkedHashMap<>();

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
                    List.copyOf(warnings), src.at(root));
        }
    }

    record UseSite(BindingInfo binding, Src src, MappingNode step, Node fragmentNode, Map<String, Node> withKeys,
                   Step.Use use, Scope scope) {}

    private void parseBindingFile(Src s) {
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

    private void parseBinding(Src s, Obj o, String candidate, Node candidateNode, boolean inline) {
        if (inline && o.has("candidate")) {
            String named = str(o, "candidate", false, "a binding", null);
            if (named != null && !named.equals(candidate)) {
                error(s, o.get("candidate"), "candidate `" + named + "` does not match its key `" + candidate + "`", null);
            }
        }
        BindingInfo b = new BindingInfo(s, candidate, candidateNode, o.keys.get("tasks"), o.node, inline);
        for (BindingInfo other : bindings) {
            if (other.candidate.equals(candidate)) {
                error(s, candidateNode, "a second binding for candidate `" + candidate + "`",
                        "the first is in " + other.src.relative + " at line " + other.src.at(other.candidateNode).line());
            }
        }
        bindings.add(b);
        List<Node> warningNodes = seq(o, "warnings", false, "the binding for `" + candidate + "`");
        if (warningNodes != null) {
            for (Node wn : warningNodes) {
                String css = scalarText(s, wn, "a CSS selector", null);
                if (css == null) continue;
                if (css.isBlank()) {
                    error(s, wn, "an empty CSS selector", "e.g. `#interaction-warning` or `.cds-alert`");
                } else if (b.warnings.contains(css)) {
                    error(s, wn, "selector `" + css + "` is listed twice", null);
                } else {
                    b.warnings.add(css);
                }
            }
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
                    steps(f, "steps", true, "fragment `" + id + "`", b, new FragmentScope(b, id)), s.at(e.getKey())));
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
            List<Step> setup = t.has("setup") ? steps(t, "setup", false, "`setup`", b, scope) : List.of();
            List<Step> steps = steps(t, "steps", true, "task binding `" + id + "`", b, scope);
            b.taskBindings.put(id, new Binding.TaskBinding(id, setup, steps, s.at(e.getKey())));
        });
    }

    // ------------------------------------------------------------------------------------------ steps

    private List<Step> steps(Obj o, String key, boolean required, String what, BindingInfo b, Scope scope) {
        List<Node> nodes = seq(o, key, required, what);
        if (nodes == null) return List.of();
        if (nodes.isEmpty() && required) {
            error(o.src, o.keys.get(key), what + " has no steps", "list the steps under `" + key + ":`, each starting with `- `");
        }
        List<Step> result = new ArrayList<>();
        for (Node n : nodes) result.add(step(o.src, n, b, scope));
        return nonNull(result);
    }

    private Step step(Src s, Node n, BindingInfo b, Scope scope) {
        if (n instanceof ScalarNode sn && !isNull(sn) && (sn.getValue().equals("acceptDialog") || sn.getValue().equals("dismissDialog"))) {
            return sn.getValue().equals("acceptDialog") ? new Step.AcceptDialog(null, null, s.at(n))
                    : new Step.DismissDialog(null, s.at(n));
        }
        if (!(n instanceof MappingNode m)) {
            error(s, n, "a step must be a map like `click: {role: button, name: Save}`, not " + kindOf(n), null);
            return null;
        }
        List<String> allowed = concat(ACTIONS, List.of("with"));
        Obj o = obj(s, m, "a step", allowed);
        if (o == null) return null;
        List<String> actions = o.keys.keySet().stream().filter(ACTIONS::contains).toList();
        if (actions.isEmpty()) {
            if (o.keys.size() == m.getValue().size()) {
                error(s, m, "a step needs an action", "one of: " + String.join(", ", ACTIONS));
            }
            return null;
        }
        if (actions.size() > 1) {
            error(s, o.keys.get(actions.get(1)), "one action per step: `" + actions.get(0) + "` and `" + actions.get(1)
                    + "` are in the same step", "start each step with its own `- `");
            return null;
        }
        String action = actions.get(0);
        if (o.has("with") && !action.equals("use")) {
            error(s, o.keys.get("with"), "`with` only goes with `use`", null);
        }
        Node v = o.get(action);
        Position at = s.at(m);
        String what = "`" + action + "`";
        if (List.of("click", "check", "waitFor", "assert").contains(action) && v instanceof ScalarNode sv && !isNull(sv)) {
            error(s, v, what + " needs a locator map, not `" + sv.getValue() + "`",
                    "e.g. `" + action + ": {text: " + sv.getValue() + "}` or `" + action + ": {role: button, name: " + sv.getValue() + "}`");
            return null;
        }
        switch (action) {
            case "open" -> {
                String url = scalarText(s, v, what, scope);
                if (url == null) return null;
                return new Step.Open(url, at);
            }
            case "click" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target")));
                if (a == null) return null;
                return new Step.Click(target(a, what, false, scope), at);
            }
            case "check" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target", "checked")));
                if (a == null) return null;
                Boolean checked = bool(a, "checked");
                return new Step.Check(target(a, what, false, scope), checked == null || checked, at);
            }
            case "type" -> {
                Obj a = obj(s, v, what, List.of("into", "text", "clear", "secret", "testData"));
                if (a == null) return null;
                Locator into = a.has("into") ? locator(s, a.get("into"), scope) : null;
                if (!a.has("into")) missing(a, "into", what);
                String text = a.has("text") && isNull(a.get("text")) ? "" : str(a, "text", true, what, scope);
                Boolean clear = bool(a, "clear");
                Boolean secret = bool(a, "secret");
                Boolean testData = bool(a, "testData");
                if (Boolean.TRUE.equals(secret) && Boolean.TRUE.equals(testData)) {
                    error(s, a.keys.get("testData"), "a field cannot be both `secret` and `testData`",
                            "secret values are never recorded; test data may be");
                }
                return new Step.Type(into, text, Boolean.TRUE.equals(clear), Boolean.TRUE.equals(secret),
                        Boolean.TRUE.equals(testData), at);
            }
            case "select" -> {
                Obj a = obj(s, v, what, List.of("from", "option"));
                if (a == null) return null;
                Locator from = a.has("from") ? locator(s, a.get("from"), scope) : null;
                if (!a.has("from")) missing(a, "from", what);
                String option = str(a, "option", true, what, scope);
                return new Step.Select(from, option, at);
            }
            case "press" -> {
                if (v instanceof ScalarNode) {
                    String key = scalarText(s, v, what, null);
                    if (key != null) checkKey(s, v, key);
                    return new Step.Press(key, null, at);
                }
                Obj a = obj(s, v, what, List.of("key", "on"));
                if (a == null) return null;
                String key = str(a, "key", true, what, null);
                if (key != null) checkKey(s, a.get("key"), key);
                Locator on = a.has("on") ? locator(s, a.get("on"), scope) : null;
                return new Step.Press(key, on, at);
            }
            case "waitFor" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target", "timeout")));
                if (a == null) return null;
                Locator target = target(a, what, true, scope);
                boolean textIsContent = a.has("text") && (a.has("target") || LOCATOR_KINDS.stream().anyMatch(k -> !k.equals("text") && a.has(k)));
                String text = textIsContent ? str(a, "text", true, what, scope) : null;
                Double timeout = num(a, "timeout", false, what);
                if (timeout != null && timeout <= 0) error(s, a.get("timeout"), "`timeout` must be more than 0 seconds", null);
                return new Step.WaitFor(target, text, timeout == null ? DEFAULT_WAIT_SECONDS : timeout, at);
            }
            case "assert" -> {
                Obj a = obj(s, v, what, concat(LOCATOR_KEYS, List.of("target", "value", "count")));
                if (a == null) return null;
                Locator target = target(a, what, true, scope);
                TextValueCount tvc = textValueCount(a, what, scope);
                if (tvc == null) return null;
                return new Step.Assert(target, tvc.text(), tvc.value(), tvc.count(), at);
            }
            case "acceptDialog" -> {
                if (isNull(v)) return new Step.AcceptDialog(null, null, at);
                Obj a = obj(s, v, what, List.of("text", "answer"));
                if (a == null) return null;
                return new Step.AcceptDialog(str(a, "text", false, what, scope), str(a, "answer", false, what, scope), at);
            }
            case "dismissDialog" -> {
                if (isNull(v)) return new Step.DismissDialog(null, at);
                Obj a = obj(s, v, what, List.of("text"));
                if (a == null) return null;
                return new Step.DismissDialog(str(a, "text", false, what, scope), at);
            }
            case "switchTo" -> {
                Obj a = obj(s, v, what, List.of("window", "frame", "default"));
                if (a == null) return null;
                if (a.keys.size() != 1) {
                    error(s, a.keys.size() > 1 ? new ArrayList<>(a.keys.values()).get(1) : a.node,
                            "`switchTo` takes exactly one of `window`, `frame` or `default`", null);
                    return null;
                }
                if (a.has("default")) {
                    Boolean d = bool(a, "default");
                    if (Boolean.FALSE.equals(d)) {
                        error(s, a.get("default"), "`default: false` means nothing", "write `default: true` to go back to the top page");
                    }
                    return new Step.SwitchTo(null, null, true, at);
                }
                if (a.has("window")) return new Step.SwitchTo(str(a, "window", true, what, scope), null, false, at);
                return new Step.SwitchTo(null, locator(s, a.get("frame"), scope), false, at);
            }
            default -> { // use
                String fragment = scalarText(s, v, what, null);
                Map<String, String> with = new LinkedHashMap<>();
                Map<String, Node> withKeys = new LinkedHashMap<>();
                if (o.has("with") && !isNull(o.get("with"))) {
                    Obj w = obj(s, o.get("with"), "`with`", null);
                    if (w != null) {
                        w.values.forEach((k, wv) -> {
                            String value = isNull(wv) ? "" : scalarText(s, wv, "`" + k + "`", scope);
                            if (value != null) {
                                with.put(k, value);
                                withKeys.put(k, w.keys.get(k));
                            }
                        });
                    }
                }
                if (fragment == null) return null;
                Step.Use use = new Step.Use(fragment, Collections.unmodifiableMap(with), at);
                uses.add(new UseSite(b, s, m, v, withKeys, use, scope));
                return use;
            }
        }
    }

    private void checkKey(Src s, Node n, String key) {
        if (Keys.seleniumName(key).isEmpty()) {
            String hint = Suggest.didYouMean(key, Keys.NAMES);
            error(s, n, "`" + key + "` is not a key name", hint != null ? hint : "e.g. Enter, Tab, Escape, ArrowDown, or one character");
        }
    }

    // ------------------------------------------------------------------------------------------ cross-checks

    private void crossCheck() {
        if (defaultDataSet != null && defaultDataSetNode != null && !dataSets.containsKey(defaultDataSet)) {
            error(suiteSrc, defaultDataSetNode, "`defaultDataSet` names data set `" + defaultDataSet + "`, which is not under `dataSets`",
                    Suggest.didYouMean(defaultDataSet, dataSets.keySet()));
        }
        for (TaskInfo t : taskInfos.values()) {
            if (t.dataSet() != null && !dataSets.containsKey(t.dataSet())) {
                error(t.src(), t.dataSetNode(), "task `" + t.id() + "` uses data set `" + t.dataSet() + "`, which is not under `dataSets`",
                        Suggest.didYouMean(t.dataSet(), dataSets.keySet()));
            }
        }
        // candidates and their bindings (not when the list itself could not be read)
        for (BindingInfo b : candidatesRead ? bindings : List.<BindingInfo>of()) {
            if (!candidates.contains(b.candidate)) {
                String hint = Suggest.didYouMean(b.candidate, candidates);
                error(b.src, b.candidateNode, "binding for candidate `" + b.candidate + "`, which the suite does not list",
                        hint != null ? hint : "add it to `candidates` in the suite, or remove this binding");
            }
        }
        for (String c : candidates) {
            if (bindings.stream().noneMatch(b -> b.candidate.equals(c)) && !unreadable.contains(c)) {
                error(suiteSrc, candidateNodes.get(c), "candidate `" + c + "` has no binding",
                        folder ? "add bindings/" + c + ".yaml" : "add `" + c + ":` under `bindings:`");
            }
        }
        for (BindingInfo b : bindings) {
            b.taskKeys.forEach((id, key) -> {
                if (!taskInfos.containsKey(id)) {
                    String hint = Suggest.didYouMean(id, taskInfos.keySet());
                    error(b.src, key, "binding for task `" + id + "`, which the suite does not have",
                            hint != null ? hint : "the suite's tasks: " + String.join(", ", taskInfos.keySet()));
                }
            });
            for (String id : taskInfos.keySet()) {
                if (!b.taskKeys.containsKey(id) && b.tasksKey != null && b.tasksIsMap && !badTaskIds.contains(id)) {
                    error(b.src, b.tasksKey, "the binding for `" + b.candidate + "` has no steps for task `" + id + "`",
                            "add `" + id + ":` with its `steps:` under `tasks:`");
                }
            }
        }
        checkUses();
        Map<BindingInfo, Map<String, Set<String>>> users = fragmentUsers();
        for (BindingInfo b : bindings) {
            b.fragmentKeys.forEach((id, key) -> {
                if (users.getOrDefault(b, Map.of()).getOrDefault(id, Set.of()).isEmpty() && !usedAnywhere(b, id)) {
                    warning(b.src.at(key), "fragment `" + id + "` is never used", null);
                }
            });
        }
        checkTemplates(users);
        unusedParams();
    }

    private void unusedParams() {
        for (BindingInfo b : bindings) {
            b.paramNodes.forEach((fragment, params) -> {
                Set<String> used = new LinkedHashSet<>();
                for (Template t : templates) {
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

    private boolean usedAnywhere(BindingInfo b, String fragment) {
        return uses.stream().anyMatch(u -> u.binding() == b && u.use().fragment().equals(fragment));
    }

    private void checkUses() {
        for (UseSite u : uses) {
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
        for (BindingInfo b : bindings) {
            Set<Set<String>> reported = new LinkedHashSet<>();
            for (String start : b.fragments.keySet()) {
                List<String> path = cycle(b, start, start, new ArrayList<>(List.of(start)), new LinkedHashSet<>());
                if (path != null && reported.add(new LinkedHashSet<>(path))) {
                    UseSite site = uses.stream().filter(u -> u.binding() == b && u.scope() instanceof FragmentScope fs
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
        for (BindingInfo b : bindings) {
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

    private Map<String, Object> valuesOf(String task, boolean dataSetOnly) {
        TaskInfo t = taskInfos.get(task);
        String ds = t.dataSet() != null ? t.dataSet() : defaultDataSet;
        Map<String, Object> dataSet = ds == null ? null : dataSets.get(ds);
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
        if (!taskInfos.containsKey(task)) return false;
        String ds = dataSetName(task);
        return ds == null || dataSets.containsKey(ds);
    }

    private String dataSetName(String task) {
        TaskInfo t = taskInfos.get(task);
        return t.dataSet() != null ? t.dataSet() : defaultDataSet;
    }

    private void checkTemplates(Map<BindingInfo, Map<String, Set<String>>> users) {
        for (Template tpl : templates) {
            for (Parameters.Reference ref : Parameters.references(tpl.value())) {
                Position at = locate(tpl.src(), tpl.node(), tpl.value(), ref);
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
                    List<String> using = tasksUsing.stream().filter(taskInfos::containsKey).toList();
                    if (using.stream().anyMatch(t -> !knownValues(t))) continue;
                    String paramsText = params.isEmpty() ? "it has no params" : "its params: " + String.join(", ", params);
                    if (using.isEmpty()) {
                        Map<String, Object> values = defaultDataSet == null ? Map.of() : dataSets.getOrDefault(defaultDataSet, Map.of());
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
