package bedside.scenarios;

import static bedside.scenarios.SuiteReader.BINDINGS_FOLDER;
import static bedside.scenarios.SuiteReader.SUITE_FILE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Finds a suite's files (a single file, or a folder's {@code suite.yaml} and {@code bindings/*.yaml}), reads
 * them as UTF-8 and composes their YAML with positions. The only part of the reader that touches the disk;
 * it reports what cannot be read and parses nothing.
 */
final class SuiteLoader {
    private final Problems problems;
    private final List<Src> files = new ArrayList<>();

    SuiteLoader(Problems problems) {
        this.problems = problems;
    }

    SuiteFiles load(Path given) {
        if (!Files.exists(given)) {
            problems.error(new Position(given, 0, 0), "no such file or folder", null);
            return new SuiteFiles(null, false, null, List.of(), List.of());
        }
        Path source;
        boolean folder = false;
        Path suiteFile;
        List<Path> bindingFiles = new ArrayList<>();
        if (Files.isDirectory(given)) {
            folder = true;
            source = given;
            suiteFile = given.resolve(SUITE_FILE);
            if (!Files.isRegularFile(suiteFile)) {
                problems.error(new Position(given, 0, 0), "no " + SUITE_FILE + " in this folder",
                        "a suite folder holds suite.yaml and bindings/<candidate>.yaml; a single-file suite is one .yaml file");
                return new SuiteFiles(source, true, null, List.of(), List.of());
            }
        } else {
            // a suite.yaml beside a bindings folder is that folder's suite, read whole
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
                    problems.error(new Position(bindingsDir, 0, 0), "cannot list the folder: " + e.getMessage(), null);
                }
            }
        }
        Src suite = read(suiteFile, folder ? SUITE_FILE : suiteFile.getFileName().toString());
        List<Src> bindings = new ArrayList<>();
        for (Path p : bindingFiles) {
            Src s = read(p, BINDINGS_FOLDER + "/" + p.getFileName());
            if (s != null) bindings.add(s);
        }
        return new SuiteFiles(source, folder, suite, List.copyOf(bindings), List.copyOf(files));
    }

    /** The file's bytes, text and YAML tree; null when it cannot be read at all, no tree when it is not YAML. */
    private Src read(Path path, String relative) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.error(new Position(path, 0, 0), "cannot read the file: " + e.getMessage(), null);
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
            problems.error(new Position(path, 0, 0), "the file is not UTF-8 text", "save it as UTF-8");
            return s;
        }
        if (s.text.startsWith("\uFEFF")) s.text = s.text.substring(1);
        s.index();
        LoadSettings settings = LoadSettings.builder()
                .setLabel(relative)
                .setSchema(new CoreSchema())
                // duplicate keys are reported by the parsers, with both lines
                .setAllowDuplicateKeys(true)
                .setUseMarks(true)
                .build();
        try {
            Optional<Node> node = new Compose(settings).composeString(s.text);
            if (node.isEmpty() || NodeParser.isNull(node.get())) {
                problems.error(new Position(path, 0, 0), "the file is empty", null);
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
            problems.error(at, "YAML syntax: " + problem, hint);
        } catch (YamlEngineException e) {
            problems.error(new Position(path, 1, 1), "YAML syntax: " + e.getMessage(), null);
        }
        return s;
    }
}
