package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the suite says what must be true ({@code fhir:} checks, vendor-neutral); each binding says how to read it
 * ({@code readers: fhir:}). Its errors, "no reader" included, are in the broken corpus ({@code broken/readers}).
 */
class FhirCheckSyntaxTest {
    static final String SUITE = """
            suite:
              id: fhir-suite
              title: FHIR checks
              candidates: [alpha, beta]
            dataSets:
              default:
                patient: {nhsNumber: "9995260182"}
                newPatient: {nhsNumber: "9994000047"}
            tasks:
              - id: record-allergy
                title: Record an allergy
                instruction: Record a penicillin allergy.
                criticality: high
                timeLimitSeconds: 60
                parameters: {snomed: "91936005"}
                successCriteria:
                  - description: the allergy is recorded
                    fhir:
                      search: AllergyIntolerance
                      patient: {system: "https://fhir.nhs.uk/Id/nhs-number", value: "${patient.nhsNumber}"}
                      where: "code.coding.where(system='http://snomed.info/sct' and code='${snomed}').exists()"
                      count: 1
                  - description: a laboratory request exists
                    fhir:
                      search: ServiceRequest
                      patient: {system: "https://fhir.nhs.uk/Id/nhs-number", value: "${patient.nhsNumber}"}
                      params: {category: laboratory}
                  - description: she is registered
                    fhir:
                      search: Patient
                      identifier: {system: "https://fhir.nhs.uk/Id/nhs-number", value: "${newPatient.nhsNumber}"}
                      exists: false
                    timeout: 3
            """;

    @Test
    void aFhirCheckAndTheBindingsReader(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("suite.yaml"), SUITE);
        Files.createDirectories(dir.resolve("bindings"));
        String steps = "tasks:\n  record-allergy:\n    steps:\n      - click: {role: button, name: Save}\n";
        Files.writeString(dir.resolve("bindings/alpha.yaml"), "candidate: alpha\nreaders:\n  fhir: {base: /fhir}\n" + steps);
        Files.writeString(dir.resolve("bindings/beta.yaml"), "candidate: beta\nreaders:\n  fhir:\n    base: https://ehr.example/r4/\n"
                + "    auth: {bearerTokenEnv: BETA_FHIR_TOKEN}\n" + steps);
        ReadResult r = SuiteReader.read(dir);
        assertThat(r.problems()).isEmpty();
        Task task = r.suite().task("record-allergy").orElseThrow();
        assertThat(task.successCriteria().get(0)).isInstanceOfSatisfying(Check.Fhir.class, f -> {
            assertThat(f.search()).isEqualTo("AllergyIntolerance");
            assertThat(f.patient()).isEqualTo(new Check.Identifier("https://fhir.nhs.uk/Id/nhs-number", "${patient.nhsNumber}"));
            assertThat(f.patient().token()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number|${patient.nhsNumber}");
            assertThat(f.where()).contains("code='${snomed}'");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.exists()).isNull();
            Check filled = Parameters.fill(f, Map.of("patient", Map.of("nhsNumber", "9995260182"), "snomed", "91936005"));
            assertThat(((Check.Fhir) filled).patient().value()).isEqualTo("9995260182");
            assertThat(((Check.Fhir) filled).where()).contains("code='91936005'");
        });
        assertThat(task.successCriteria().get(1)).isInstanceOfSatisfying(Check.Fhir.class,
                f -> assertThat(f.params()).containsExactly(Map.entry("category", "laboratory")));
        assertThat(task.successCriteria().get(2)).isInstanceOfSatisfying(Check.Fhir.class, f -> {
            assertThat(f.identifier().value()).isEqualTo("${newPatient.nhsNumber}");
            assertThat(f.patient()).isNull();
            assertThat(f.exists()).isFalse();
            assertThat(f.timeoutSeconds()).isEqualTo(3.0);
        });
        Binding alpha = r.suite().bindings().get("alpha");
        assertThat(alpha.readers().fhir().base()).isEqualTo("/fhir");
        assertThat(alpha.readers().fhir().bearerTokenEnv()).isNull();
        Binding.FhirReader beta = r.suite().bindings().get("beta").readers().fhir();
        assertThat(beta.base()).isEqualTo("https://ehr.example/r4/");
        assertThat(beta.bearerTokenEnv()).isEqualTo("BETA_FHIR_TOKEN");
        assertThat(beta.bearerTokenFile()).isNull();
    }

    @Test
    void withoutAReaderTheBindingIsToldWhichChecksOfWhichTaskNeedOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("suite.yaml"), SUITE);
        Files.createDirectories(dir.resolve("bindings"));
        String steps = "tasks:\n  record-allergy:\n    steps:\n      - click: {role: button, name: Save}\n";
        Files.writeString(dir.resolve("bindings/alpha.yaml"), "candidate: alpha\nreaders:\n  fhir: {base: /fhir}\n" + steps);
        Files.writeString(dir.resolve("bindings/beta.yaml"), "# legacy EHR: no FHIR API\ncandidate: beta\n" + steps);
        ReadResult r = SuiteReader.read(dir);
        assertThat(r.suite()).isNull();
        assertThat(r.problems()).extracting(p -> p.format(dir)).containsExactly(
                "bindings/beta.yaml:2:12: error: task record-allergy, check 'the allergy is recorded' (suite.yaml:17:9) needs a "
                        + "fhir reader; this binding has none\n  hint: add `readers: {fhir: {base: /fhir}}` (the base of beta's "
                        + "FHIR R4 API), or give the task a check this candidate can answer",
                "bindings/beta.yaml:2:12: error: task record-allergy, check 'a laboratory request exists' (suite.yaml:23:9) needs a "
                        + "fhir reader; this binding has none\n  hint: add `readers: {fhir: {base: /fhir}}` (the base of beta's "
                        + "FHIR R4 API), or give the task a check this candidate can answer",
                "bindings/beta.yaml:2:12: error: task record-allergy, check 'she is registered' (suite.yaml:28:9) needs a "
                        + "fhir reader; this binding has none\n  hint: add `readers: {fhir: {base: /fhir}}` (the base of beta's "
                        + "FHIR R4 API), or give the task a check this candidate can answer");
    }
}
