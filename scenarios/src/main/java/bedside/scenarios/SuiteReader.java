package bedside.scenarios;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a suite, a single YAML file or a folder holding {@code suite.yaml} and
 * {@code bindings/<candidate>.yaml}, into the model, and checks everything that can be checked without a
 * browser. Every problem is reported at once, located by file, line and column.
 *
 * <p>Three steps, each in its own class: {@link SuiteLoader} finds and reads the files (YAML with positions),
 * {@link SuiteParser} and {@link BindingParser} turn them into tasks, checks and steps, and
 * {@link BindingResolver} checks each candidate's binding against the suite once everything is read.
 */
public final class SuiteReader {
    private SuiteReader() {}

    public static final String SUITE_FILE = "suite.yaml";
    public static final String BINDINGS_FOLDER = "bindings";
    /** How long {@code waitFor} waits unless it says {@code timeout}. */
    public static final double DEFAULT_WAIT_SECONDS = 10;
    /** How long a check may take to become true unless it says {@code timeout}. */
    public static final double DEFAULT_CHECK_TIMEOUT_SECONDS = 5;
    /** A task's {@code frequency} unless it says one. */
    public static final double DEFAULT_FREQUENCY = 1;

    // The words of the language, together so they are easy to hold against the JSON Schemas in schema/.
    static final List<String> TOP_KEYS = List.of("suite", "dataSets", "tasks", "bindings");
    static final List<String> SUITE_KEYS =
            List.of("id", "title", "version", "description", "candidates", "defaultDataSet", "order");
    static final List<String> ORDER_KEYS = List.of("mode", "seed");
    static final List<String> TASK_KEYS = List.of("id", "title", "capability", "instruction", "dataSet", "parameters",
            "criticality", "frequency", "timeSpecSeconds", "timeLimitSeconds", "successCriteria", "criticalChecks");
    static final List<String> CHECK_KEYS = List.of("description", "timeout", "dom", "url", "http", "fhir");
    static final List<String> FHIR_KEYS = List.of("search", "patient", "identifier", "params", "where", "count", "exists");
    static final List<String> IDENTIFIER_KEYS = List.of("system", "value");
    static final List<String> READER_KEYS = List.of("fhir");
    static final List<String> FHIR_READER_KEYS = List.of("base", "auth");
    static final List<String> AUTH_KEYS = List.of("bearerTokenFile", "bearerTokenEnv");
    static final List<String> URL_KEYS = List.of("contains", "matches");
    static final List<String> HTTP_KEYS = List.of("get", "status", "expect");
    static final List<String> EXPECT_KEYS = List.of("path", "equals", "contains", "count", "exists");
    static final List<String> BINDING_KEYS = List.of("candidate", "fragments", "tasks", "warnings", "patientData", "readers",
            "reset");
    static final List<String> FRAGMENT_KEYS = List.of("params", "steps");
    static final List<String> TASK_BINDING_KEYS = List.of("setup", "steps", "notApplicable", "readBack");
    static final List<String> LOCATOR_KINDS = List.of("role", "label", "text", "css", "xpath");
    static final List<String> LOCATOR_KEYS = List.of("role", "name", "label", "text", "css", "xpath", "match", "within",
            "nth");
    static final List<String> MATCHES = List.of("exact", "contains", "regex");
    static final List<String> RESET_KEYS = List.of("request", "steps");
    static final List<String> REQUEST_KEYS = List.of("method", "url");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> ACTIONS = List.of("open", "click", "type", "select", "choose", "setDate", "check", "press",
            "waitFor", "assert", "acceptDialog", "dismissDialog", "switchTo", "use");
    static final List<String> ORDER_MODES = List.of("fixed", "random", "latin-square");
    static final List<String> CRITICALITIES = List.of("high", "medium", "low");
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final java.util.regex.Pattern PARAM_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /**
     * What a run needs bound: only these candidates must have a binding, and their bindings need to bind (or mark
     * {@code notApplicable}) only these tasks. An empty list stands for all. Everything else is checked as always.
     */
    public record Selection(List<String> candidates, List<String> tasks) {
        /** Everything: what {@code bedside validate} asks. */
        public static final Selection ALL = new Selection(List.of(), List.of());

        public Selection {
            candidates = List.copyOf(candidates);
            tasks = List.copyOf(tasks);
        }

        boolean needs(String candidate, String task) {
            return (candidates.isEmpty() || candidates.contains(candidate)) && (tasks.isEmpty() || tasks.contains(task));
        }

        boolean needsBinding(String candidate) {
            return candidates.isEmpty() || candidates.contains(candidate);
        }
    }

    /** Reads and checks a suite file or folder: every candidate must bind every task (or mark it not applicable). */
    public static ReadResult read(Path fileOrFolder) {
        return read(fileOrFolder, Selection.ALL);
    }

    /**
     * Reads and checks a suite for a run of the selected candidates and tasks: a task the selection leaves out may be
     * unbound ({@link Binding#isUnbound}); the suite is then read all the same, and a run must not attempt it.
     */
    public static ReadResult read(Path fileOrFolder, Selection selection) {
        Problems problems = new Problems();
        SuiteFiles files = new SuiteLoader(problems).load(fileOrFolder);

        SuiteDraft draft = new SuiteDraft();
        LocatorParser locators = new LocatorParser(problems, draft);
        BindingParser bindingParser = new BindingParser(problems, draft, new StepParser(problems, draft, locators));
        SuiteParser suiteParser = new SuiteParser(problems, draft, new CheckParser(problems, draft, locators), bindingParser);
        // every file is parsed before any cross-check, so each check sees the whole suite
        if (files.suite() != null && files.suite().root != null) suiteParser.parseSuiteFile(files.suite());
        for (Src s : files.bindings()) {
            if (s.root != null) {
                bindingParser.parseBindingFile(s);
            } else {
                // a syntax error is reported once, not again as "candidate has no binding"
                draft.unreadable.add(s.path.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
            }
        }
        BindingResolver resolver = new BindingResolver(problems, draft, files, selection);
        if (draft.suiteParsed) resolver.crossCheck();

        List<Problem> sorted = problems.sorted();
        Suite suite = null;
        if (sorted.stream().noneMatch(Problem::isError) && draft.suiteParsed) {
            suite = draft.toSuite(resolver.bindingsByCandidate(), files.source(), files.contentHash());
        }
        return new ReadResult(suite, sorted);
    }
}
