package bedside.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"streamlined", "legacy"})
    void patientByIdentifierWithOrWithoutSpaces(String id) {
        try (SampleCandidate c = SampleCandidates.start(id, 0)) {
            WebClient client = new WebClient(c);
            for (String q : List.of("9995260182", "999%20526%200182", "https://fhir.nhs.uk/Id/nhs-number%7C9995260182")) {
                List<JsonNode> found = FhirAssert.search(client, "/fhir/Patient?identifier=" + q);
                assertThat(found).singleElement().satisfies(p -> {
                    assertThat(p.path("resourceType").asText()).isEqualTo("Patient");
                    assertThat(p.at("/identifier/0/value").asText()).isEqualTo("9995260182");
                    assertThat(p.at("/name/0/family").asText()).isEqualTo("Okafor");
                    assertThat(p.at("/name/0/given/0").asText()).isEqualTo("Margaret");
                    assertThat(p.path("gender").asText()).isEqualTo("female");
                    assertThat(p.path("birthDate").asText()).isEqualTo("1948-03-12");
                    assertThat(p.at("/extension/0/valueReference/identifier/value").asText()).isEqualTo("FAB12");
                });
            }
            assertThat(FhirAssert.search(client, "/fhir/Patient?identifier=9990000000")).isEmpty();
            assertThat(FhirAssert.search(client, "/fhir/Patient")).hasSize(6);
            assertThat(FhirAssert.json(client.get("/fhir/metadata")).at("/rest/0/resource").findValuesAsText("type"))
                    .contains("Patient", "AllergyIntolerance", "MedicationRequest", "DetectedIssue", "List");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"streamlined", "legacy"})
    void seededAllergiesAndOtherResources(String id) {
        try (SampleCandidate c = SampleCandidates.start(id, 0)) {
            WebClient client = new WebClient(c);
            JsonNode latex = FhirAssert.allergy(client, "9995260182", "Latex");
            assertThat(latex.path("resourceType").asText()).isEqualTo("AllergyIntolerance");
            assertThat(latex.at("/patient/identifier/value").asText()).isEqualTo("9995260182");
            assertThat(latex.at("/patient/display").asText()).isEqualTo("Margaret Okafor");
            assertThat(latex.at("/reaction/0/manifestation/0/text").asText()).isEqualTo("Urticaria");
            assertThat(latex.at("/reaction/0/severity").asText()).isEqualTo("mild");
            assertThat(FhirAssert.allergy(client, "999 016 6137", "Aspirin").at("/reaction/0/severity").asText())
                    .isEqualTo("severe");
            assertThat(FhirAssert.allergies(client, "9990308241")).isEmpty();
            assertThat(FhirAssert.allergies(client, "9990000000")).isEmpty();
            assertThat(FhirAssert.allergies(client, "")).isEmpty();
            assertThat(FhirAssert.search(client, "/fhir/Condition?patient=9991860916"))
                    .extracting(r -> r.at("/code/text").asText()).containsExactly("Atrial fibrillation");
            assertThat(FhirAssert.search(client, "/fhir/MedicationStatement?patient=9991860916"))
                    .extracting(r -> r.at("/medicationCodeableConcept/text").asText(), r -> r.path("status").asText())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Warfarin 3 mg tablets", "active"));
            List<JsonNode> obs = FhirAssert.search(client, "/fhir/Observation?patient=9993909963");
            assertThat(obs).anySatisfy(o -> {
                assertThat(o.at("/code/text").asText()).isEqualTo("Potassium");
                assertThat(o.at("/valueQuantity/value").decimalValue()).isEqualByComparingTo("6.1");
                assertThat(o.at("/interpretation/0/coding/0/code").asText()).isEqualTo("H");
                assertThat(o.path("extension").isMissingNode()).isTrue();
            });
        }
    }

    /** Valid FHIR R4: every search of every type, for every seeded patient, parses strictly with HAPI FHIR. */
    @ParameterizedTest
    @ValueSource(strings = {"streamlined", "legacy"})
    void everySearchAnswersAValidR4SearchsetBundle(String id) {
        try (SampleCandidate c = SampleCandidates.start(id, 0)) {
            WebClient client = new WebClient(c);
            org.hl7.fhir.r4.model.Bundle patients = FhirAssert.r4Bundle(client, "/fhir/Patient");
            assertThat(patients.getEntry()).hasSize(6);
            int resources = 0;
            for (var e : patients.getEntry()) {
                var p = (org.hl7.fhir.r4.model.Patient) e.getResource();
                assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
                String token = "https://fhir.nhs.uk/Id/nhs-number%7C" + p.getIdentifierFirstRep().getValue();
                assertThat(FhirAssert.r4Bundle(client, "/fhir/Patient?identifier=" + token).getEntry()).hasSize(1);
                for (String type : List.of("AllergyIntolerance", "Condition", "MedicationStatement", "Observation",
                        "MedicationRequest", "ServiceRequest", "DetectedIssue", "List")) {
                    resources += FhirAssert.r4Bundle(client, "/fhir/" + type + "?patient=" + p.getIdPart()).getEntry().size();
                }
            }
            assertThat(resources).isGreaterThan(10);
            var allergies = FhirAssert.r4Bundle(client, "/fhir/AllergyIntolerance?patient=9995260182");
            assertThat(allergies.getEntry()).anySatisfy(e -> {
                var a = (org.hl7.fhir.r4.model.AllergyIntolerance) e.getResource();
                assertThat(a.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
                assertThat(a.getCode().getCodingFirstRep().getCode()).isEqualTo("300916003");
                assertThat(a.getPatient().getReference()).startsWith("Patient/");
            });
            FhirAssert.r4(client.get("/fhir/metadata").body(), org.hl7.fhir.r4.model.CapabilityStatement.class);
        }
    }
}
