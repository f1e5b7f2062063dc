package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The JSON Schemas editors use accept every shipped suite file and reject broken ones. */
class SchemaTest {
    static final Path SCHEMAS = Path.of("schema");
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    static final JsonSchema SUITE = schema("bedside-suite.schema.json");
    static final JsonSchema BINDING = schema("bedside-binding.schema.json");

    static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of(SCHEMAS.resolve(name).toAbsolutePath().toUri().toString()));
    }

    static JsonNode yaml(Path file) throws IOException {
        Object data = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(Files.readString(file));
        return new ObjectMapper().valueToTree(data);
    }

    static Set<ValidationMessage> validate(Path file) throws IOException {
        boolean binding = file.getParent() != null && file.getParent().getFileName().toString().equals("bindings");
        return (binding ? BINDING : SUITE).validate(yaml(file));
    }

    /** Every suite file and binding file under suites/, plus the valid test fixtures. */
    static List<Path> shippedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("suites"), Path.of("src/test/resources/valid"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> shippedSuiteAndBindingFilesMatchTheSchemas() throws IOException {
        List<Path> files = shippedFiles();
        assertThat(files).anyMatch(p -> p.toString().contains("bindings"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () ->
                assertThat(validate(f)).as("schema errors in %s", f).isEmpty()));
    }

    @Test
    void schemasAreValidJsonSchemaWithDescriptions() throws IOException {
        for (String name : List.of("bedside-suite.schema.json", "bedside-binding.schema.json")) {
            JsonNode schema = new ObjectMapper().readTree(SCHEMAS.resolve(name).toFile());
            assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
            assertThat(schema.path("description").asText()).isNotBlank();
        }
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft-07/schema"));
        for (String name : List.of("bedside-suite.schema.json", "bedside-binding.schema.json")) {
            assertThat(meta.validate(new ObjectMapper().readTree(SCHEMAS.resolve(name).toFile()))).as(name).isEmpty();
        }
    }

    @Test
    void rejectsUnknownKeysAndBadValuesInASuite() throws IOException {
        Set<ValidationMessage> errors = validate(BrokenCorpusTest.BROKEN.resolve("unknown-keys.yaml"));
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("titel"))
                .anyMatch(m -> m.contains("sucessCriteria"));
        assertThat(validate(BrokenCorpusTest.BROKEN.resolve("task-rules.yaml"))).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("criticality"))
                .anyMatch(m -> m.contains("timeLimitSeconds"));
    }

    @Test
    void checksTheBindingsOfASingleFileSuiteThroughTheBindingSchema() throws IOException {
        Path file = Files.createTempFile("bedside", ".yaml");
        Files.writeString(file, """
                suite: {id: s, title: S, candidates: [alpha]}
                tasks:
                  - {id: t, title: T, instruction: Do it., criticality: low, timeLimitSeconds: 9,
                     successCriteria: [{description: done, dom: {target: {css: p}, text: Done}}]}
                bindings:
                  alpha:
                    tasks:
                      t: {steps: [{clik: {text: Open}}]}
                """);
        Set<ValidationMessage> errors = validate(file);
        assertThat(errors).isNotEmpty().allMatch(e -> e.getInstanceLocation().toString().contains("bindings"));
    }

    @Test
    void rejectsABrokenBindingFile() throws IOException {
        Path dir = Files.createTempDirectory("bedside").resolve("bindings");
        Files.createDirectories(dir);
        Path file = dir.resolve("alpha.yaml");
        Files.writeString(file, """
                candidate: alpha
                tasks:
                  find-patient:
                    steps:
                      - clik: {text: Open}
                      - type: {into: {label: Search, css: "#q"}, text: Lee}
                """);
        Set<ValidationMessage> errors = validate(file);
        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).extracting(Object::toString)
                .anyMatch(l -> l.contains("steps[0]"))
                .anyMatch(l -> l.contains("steps[1]"));
    }
}
