package bedside.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads FHIR bundles from a candidate. */
final class FhirAssert {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FhirAssert() {}

    static JsonNode json(HttpResponse<String> r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** GETs a bundle and checks its envelope; returns the resources. */
    static List<JsonNode> search(WebClient client, String pathAndQuery) {
        HttpResponse<String> r = client.get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
        JsonNode bundle = json(r);
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("searchset");
        List<JsonNode> out = new ArrayList<>();
        bundle.path("entry").forEach(e -> out.add(e.path("resource")));
        assertThat(bundle.path("total").asInt()).isEqualTo(out.size());
        return out;
    }

    static List<JsonNode> allergies(WebClient client, String nhs) {
        return search(client, "/fhir/AllergyIntolerance?patient=" + nhs.replace(" ", "%20"));
    }

    static JsonNode allergy(WebClient client, String nhs, String substance) {
        return allergies(client, nhs).stream().filter(a -> a.at("/code/text").asText().equals(substance)).findFirst()
                .orElseThrow(() -> new AssertionError("no allergy " + substance + " for " + nhs));
    }

    /** One HAPI FHIR context for the tests (it takes seconds to build). */
    private static final ca.uhn.fhir.context.FhirContext R4 = ca.uhn.fhir.context.FhirContext.forR4();

    /** Parses strictly as FHIR R4 (an unknown element or a wrong type fails the test). */
    static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T r4(String body, Class<T> type) {
        ca.uhn.fhir.parser.IParser parser = R4.newJsonParser();
        parser.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
        return parser.parseResource(type, body);
    }

    /** GETs a search as a valid R4 searchset Bundle. */
    static org.hl7.fhir.r4.model.Bundle r4Bundle(WebClient client, String pathAndQuery) {
        HttpResponse<String> r = client.get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
        org.hl7.fhir.r4.model.Bundle b = r4(r.body(), org.hl7.fhir.r4.model.Bundle.class);
        assertThat(b.getType()).isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
        assertThat(b.getTotal()).isEqualTo(b.getEntry().size());
        return b;
    }
}
