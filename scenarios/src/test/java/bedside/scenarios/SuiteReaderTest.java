package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SuiteReaderTest {
    static final Path ALLERGY = Path.of("src/test/resources/valid/allergy");
    static final Path SINGLE = Path.of("src/test/resources/valid/single-file.yaml");
    static final Path SHIPPED = Path.of("suites");

    @TestFactory
    Stream<DynamicTest> everyShippedSuiteIsValid() throws IOException {
        List<Path> suites;
        try (Stream<Path> list = Files.list(SHIPPED)) {
            suites = list.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(suites).isNotEmpty();
        return suites.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> {
            ReadResult result = SuiteReader.read(s);
            assertThat(result.errors()).as("errors in %s", s).isEmpty();
            assertThat(result.suite()).isNotNull();
            assertThat(result.suite().bindings().keySet()).containsExactlyElementsOf(result.suite().candidates());
        }));
    }

    @Test
    void aBindingNamesTheCandidatesOwnWarnings() {
        Suite shipped = SuiteReader.read(SHIPPED.resolve("sed-core")).suite();
        assertThat(shipped.bindings().get("legacy").warnings()).containsExactly("#clinical-alert");
        assertThat(shipped.bindings().get("streamlined").warnings()).isEmpty();
        // What shows patient data in each sample candidate, masked in replays.
        assertThat(shipped.bindings().get("streamlined").patientData()).contains(".banner", "title");
        assertThat(shipped.bindings().get("legacy").patientData()).contains("title");
    }

    /** Both binding-level lists of CSS selectors: the candidate's warnings, and what shows patient data. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"warnings", "patientData"})
    void badSelectorListsAreLocatedErrors(String key, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path copy = dir.resolve("suite");
        Files.createDirectories(copy.resolve("bindings"));
        Files.copy(ALLERGY.resolve("suite.yaml"), copy.resolve("suite.yaml"));
        for (String c : List.of("streamlined", "legacy")) {
            Files.copy(ALLERGY.resolve("bindings/" + c + ".yaml"), copy.resolve("bindings/" + c + ".yaml"));
        }
        Path legacy = copy.resolve("bindings/legacy.yaml");
        Files.writeString(legacy, Files.readString(legacy).replaceFirst("(?m)^candidate: legacy$",
                "candidate: legacy\n" + key + ": [\"#a\", \"\", \"#a\"]"));
        ReadResult result = SuiteReader.read(copy);
        assertThat(result.errors()).extracting(p -> p.at().line() + ": " + p.message())
                .contains("3: an empty CSS selector", "3: selector `#a` is listed twice");
    }

    @Test
    void readsAFolderSuiteIntoTheModel() {
        ReadResult result = SuiteReader.read(ALLERGY);
        assertThat(result.problems()).isEmpty();
        Suite suite = result.suite();
        assertThat(suite.id()).isEqualTo("sed-core");
        assertThat(suite.version()).isEqualTo("0.1.0");
        assertThat(suite.candidates()).containsExactly("streamlined", "legacy");
        assertThat(suite.defaultDataSet()).isEqualTo("default");
        assertThat(suite.order()).isEqualTo(Suite.TaskOrder.fixed());
        assertThat(suite.source()).isEqualTo(ALLERGY);
        assertThat(Parameters.lookup(suite.dataSets().get("default"), "clinician.user")).contains("dr.evans");

        Task task = suite.task("record-allergy").orElseThrow();
        assertThat(task.criticality()).isEqualTo(Task.Criticality.HIGH);
        assertThat(task.instruction()).startsWith("${patient.name} (NHS number ${patient.nhsNumber}) tells you")
                .endsWith("severity moderate.");
        assertThat(task.frequency()).isEqualTo(3);
        assertThat(task.timeSpecSeconds()).isEqualTo(45);
        assertThat(task.timeLimitSeconds()).isEqualTo(180);
        assertThat(task.at()).isEqualTo(new Position(ALLERGY.resolve("suite.yaml"), 31, 5));
        assertThat(task.successCriteria()).singleElement().isInstanceOfSatisfying(Check.Http.class, http -> {
            assertThat(http.get()).isEqualTo("/fhir/AllergyIntolerance?patient=${patient.nhsNumber}");
            assertThat(http.status()).isEqualTo(200);
            assertThat(http.timeoutSeconds()).isEqualTo(SuiteReader.DEFAULT_CHECK_TIMEOUT_SECONDS);
            assertThat(http.expect()).singleElement().satisfies(e -> {
                assertThat(e.count()).isEqualTo(1);
                assertThat(e.equals()).isNull();
            });
        });
        assertThat(task.criticalChecks()).hasSize(1);

        Binding streamlined = suite.bindings().get("streamlined");
        assertThat(streamlined.at()).isEqualTo(new Position(ALLERGY.resolve("bindings/streamlined.yaml"), 2, 1));
        assertThat(streamlined.fragments()).containsOnlyKeys("login", "open-chart");
        Binding.Fragment login = streamlined.fragments().get("login");
        assertThat(login.params()).containsExactly("user", "password");
        assertThat(login.steps().get(0)).isEqualTo(new Step.Open("/login", pos("streamlined", 7, 9)));
        assertThat(login.steps().get(2)).isInstanceOfSatisfying(Step.Type.class, t -> {
            assertThat(t.secret()).isTrue();
            assertThat(t.into().kind()).isEqualTo(Locator.Kind.LABEL);
            assertThat(t.into().value()).isEqualTo("Password");
        });
        assertThat(login.steps().get(3)).isInstanceOfSatisfying(Step.Click.class,
                c -> assertThat(c.target().describe()).isEqualTo("role=button name=\"Sign in\""));

        Binding.TaskBinding tb = streamlined.tasks().get("record-allergy");
        assertThat(tb.setup()).singleElement().isInstanceOfSatisfying(Step.Use.class, u -> {
            assertThat(u.fragment()).isEqualTo("login");
            assertThat(u.with()).containsEntry("user", "${clinician.user}").containsEntry("password", "${clinician.password}");
        });
        List<Step> steps = tb.steps();
        assertThat(steps).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                "Use", "Click", "Type", "Select", "Check", "Press", "WaitFor", "Assert");
        assertThat(steps.get(1)).isEqualTo(new Step.Click(
                new Locator(Locator.Kind.TEXT, "Add allergy", null, pos("streamlined", 24, 16)), pos("streamlined", 24, 9)));
        assertThat(((Step.Type) steps.get(2)).testData()).isTrue();
        assertThat(((Step.Check) steps.get(4)).checked()).isTrue();
        assertThat(steps.get(6)).isInstanceOfSatisfying(Step.WaitFor.class, w -> {
            assertThat(w.target().kind()).isEqualTo(Locator.Kind.CSS);
            assertThat(w.target().value()).isEqualTo("[role=status]");
            assertThat(w.text()).isEqualTo("Allergy recorded");
            assertThat(w.timeoutSeconds()).isEqualTo(5);
        });
        assertThat(steps.get(7)).isInstanceOfSatisfying(Step.Assert.class, a -> {
            assertThat(a.target().value()).isEqualTo("#allergies li");
            assertThat(a.count()).isEqualTo(1);
        });

        List<Step> legacy = suite.bindings().get("legacy").tasks().get("record-allergy").steps();
        assertThat(legacy.get(1)).isInstanceOfSatisfying(Step.SwitchTo.class, s -> assertThat(s.frame().value()).isEqualTo("iframe#main"));
        assertThat(legacy.get(2)).isInstanceOfSatisfying(Step.Type.class, t -> assertThat(t.clear()).isTrue());
        assertThat(legacy.get(3)).isInstanceOfSatisfying(Step.Press.class, p -> {
            assertThat(p.key()).isEqualTo("Enter");
            assertThat(p.on().value()).isEqualTo("NHS No.");
        });
        assertThat(legacy.get(9)).isInstanceOfSatisfying(Step.Check.class, c -> assertThat(c.target().value()).isEqualTo("Moderate"));
        assertThat(legacy.get(11)).isEqualTo(new Step.AcceptDialog("Are you sure", null, pos("legacy", 28, 9)));
        assertThat(legacy.get(12)).isInstanceOfSatisfying(Step.WaitFor.class, w -> {
            assertThat(w.target().kind()).isEqualTo(Locator.Kind.TEXT);
            assertThat(w.text()).isNull();
            assertThat(w.timeoutSeconds()).isEqualTo(SuiteReader.DEFAULT_WAIT_SECONDS);
        });
        assertThat(legacy.get(13)).isInstanceOfSatisfying(Step.SwitchTo.class, s -> assertThat(s.defaultContent()).isTrue());
    }

    private static Position pos(String candidate, int line, int column) {
        return new Position(ALLERGY.resolve("bindings/" + candidate + ".yaml"), line, column);
    }

    @Test
    void contentHashIsSha256OfTheFilesInPathOrder() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String f : List.of("bindings/legacy.yaml", "bindings/streamlined.yaml", "suite.yaml")) {
            all.write(Files.readAllBytes(ALLERGY.resolve(f)));
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
        assertThat(SuiteReader.read(ALLERGY).suite().contentHash()).isEqualTo(expected);
    }

    @Test
    void theSuiteFileOfAFolderReadsTheWholeFolder() {
        Suite suite = SuiteReader.read(ALLERGY.resolve("suite.yaml")).suite();
        assertThat(suite.bindings()).containsOnlyKeys("streamlined", "legacy");
        assertThat(suite.source()).isEqualTo(ALLERGY);
    }

    @Test
    void readsASingleFileSuite() throws Exception {
        ReadResult result = SuiteReader.read(SINGLE);
        assertThat(result.problems()).isEmpty();
        Suite suite = result.suite();
        assertThat(suite.order()).isEqualTo(new Suite.TaskOrder(Suite.TaskOrder.Mode.LATIN_SQUARE, 7L));
        assertThat(suite.defaultDataSet()).isNull();
        assertThat(suite.contentHash()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SINGLE))));
        Task task = suite.tasks().get(0);
        assertThat(task.dataSet()).isEqualTo("ward");
        assertThat(task.parameters()).containsEntry("query", "NHS ${patient.nhsNumber}").containsEntry("patient.name", "Robert Ray");
        assertThat(task.criticality()).isEqualTo(Task.Criticality.MEDIUM);
        assertThat(task.frequency()).isEqualTo(SuiteReader.DEFAULT_FREQUENCY);
        assertThat(task.timeSpecSeconds()).isNull();
        assertThat(task.successCriteria().get(0)).isInstanceOfSatisfying(Check.Dom.class, d -> {
            assertThat(d.timeoutSeconds()).isEqualTo(2);
            assertThat(d.target().name()).isEqualTo("${patient.name}");
            assertThat(d.count()).isNull();
        });
        assertThat(task.successCriteria().get(1)).isInstanceOfSatisfying(Check.Url.class,
                u -> assertThat(u.matches()).isEqualTo("/chart/\\d+"));
        List<Step> steps = suite.bindings().get("alpha").tasks().get("find-patient").steps();
        assertThat(steps.get(1)).isInstanceOfSatisfying(Step.Press.class, p -> assertThat(p.key()).isEqualTo("Enter"));
        assertThat(steps.get(3)).isInstanceOfSatisfying(Step.Assert.class, a -> {
            assertThat(a.target().describe()).isEqualTo("css=h1");
            assertThat(a.text()).isEqualTo("${patient.name}");
        });
        assertThat(steps.get(4)).isInstanceOf(Step.DismissDialog.class);
        assertThat(steps.get(5)).isInstanceOfSatisfying(Step.SwitchTo.class, s -> assertThat(s.window()).isEqualTo("1"));
        assertThat(steps.get(6)).isInstanceOfSatisfying(Step.AcceptDialog.class, a -> assertThat(a.text()).isNull());

        assertThat(Parameters.resolve(task.instruction(), Parameters.effectiveValues(suite, task)))
                .isEqualTo("Open the record of Robert Ray.");
        assertThat(Parameters.resolve("${query}", Parameters.effectiveValues(suite, task))).isEqualTo("NHS 999 000 0002");
    }

    @Test
    void theReadmeExampleIsAValidSuite() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## A complete small example");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Path file = Files.createTempDirectory("bedside").resolve("find-demo.yaml");
        Files.writeString(file, yaml);
        ReadResult result = SuiteReader.read(file);
        assertThat(result.problems()).isEmpty();
        assertThat(result.suite().tasks()).extracting(Task::id).containsExactly("open-chart");
        assertThat(SchemaTest.SUITE.validate(SchemaTest.yaml(file))).isEmpty();
    }
}
