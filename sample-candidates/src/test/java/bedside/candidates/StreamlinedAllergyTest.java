package bedside.candidates;

import static bedside.candidates.WebClient.form;
import static bedside.candidates.WebClient.html;
import static bedside.candidates.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phase 1 in the streamlined candidate: find Margaret Okafor as you type, add a penicillin allergy inline. */
class StreamlinedAllergyTest {
    private static SampleCandidate candidate;
    private WebClient client;

    @BeforeAll
    static void start() {
        candidate = SampleCandidates.start("streamlined", 0);
    }

    @AfterAll
    static void stop() {
        candidate.close();
    }

    @BeforeEach
    void signIn() {
        candidate.reset();
        client = new WebClient(candidate);
        HttpResponse<String> r = client.post("/login", form("username", "dr.evans", "password", "bedside-demo"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(location(r)).isEqualTo("/");
    }

    private String okaforId() {
        JsonNode found = FhirAssert.json(client.getJson("/api/patients?q=okafor"));
        return found.at("/patients/0/id").asText();
    }

    @Test
    void pagesRequireSignIn() {
        WebClient anonymous = new WebClient(candidate);
        HttpResponse<String> home = anonymous.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).isEqualTo("/login");
        HttpResponse<String> chart = anonymous.get("/patients/1001");
        assertThat(location(chart)).isEqualTo("/login?next=%2Fpatients%2F1001");
        assertThat(anonymous.getJson("/api/patients?q=okafor").statusCode()).isEqualTo(401);
        assertThat(anonymous.postJson("/patients/1001/allergies", form("substance", "Penicillin",
                "reaction", "Rash", "severity", "moderate")).statusCode()).isEqualTo(401);
        assertThat(FhirAssert.allergies(anonymous, "9995260182")).hasSize(1);
    }

    @Test
    void signInPageAndWrongPassword() {
        WebClient anonymous = new WebClient(candidate);
        Document login = html(anonymous.get("/login"));
        PageChecks.assertAccessibleForm(login);
        assertThat(PageChecks.controlLabelled(login, "Username").attr("name")).isEqualTo("username");
        assertThat(PageChecks.controlLabelled(login, "Password").attr("type")).isEqualTo("password");
        PageChecks.buttonWithText(login, "Sign in");
        HttpResponse<String> bad = anonymous.post("/login", form("username", "dr.evans", "password", "wrong"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(html(bad).select("[role=alert]").text()).isEqualTo("The username or password is incorrect.");
        HttpResponse<String> nurse = anonymous.post("/login",
                form("username", "nurse.patel", "password", "bedside-demo", "next", "/patients/1001"));
        assertThat(location(nurse)).isEqualTo("/patients/1001");
        HttpResponse<String> evil = new WebClient(candidate).post("/login",
                form("username", "dr.evans", "password", "bedside-demo", "next", "//evil.example/"));
        assertThat(location(evil)).isEqualTo("/");
    }

    @Test
    void searchAsYouTypeListsLookAlikePatients() {
        Document home = html(client.get("/"));
        PageChecks.assertAccessibleForm(home);
        Element search = PageChecks.controlLabelled(home, "Find patient");
        assertThat(search.attr("type")).isEqualTo("search");
        assertThat(home.getElementById("patient-results")).isNotNull();

        JsonNode marg = FhirAssert.json(client.getJson("/api/patients?q=marg"));
        assertThat(marg.path("patients")).hasSize(2);
        JsonNode okafor = FhirAssert.json(client.getJson("/api/patients?q=Okafor"));
        assertThat(okafor.at("/patients/0/label").asText())
                .isEqualTo("Okafor, Margaret \u2014 999 526 0182 \u2014 born 12-Mar-1948");
        assertThat(okafor.at("/patients/0/href").asText()).isEqualTo("/patients/" + okafor.at("/patients/0/id").asText());
        assertThat(FhirAssert.json(client.getJson("/api/patients?q=999%20526%200182")).path("patients")).hasSize(1);

        // Without JavaScript, Enter submits the search form and the server lists the matches.
        Document results = html(client.get("/?q=okafor"));
        assertThat(results.select("#patient-results a")).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Okafor, Margaret \u2014 999 526 0182 \u2014 born 12-Mar-1948"));
    }

    @Test
    void chartShowsBannerSectionsAndTheInlineAllergyForm() {
        Document chart = html(client.get("/patients/" + okaforId()));
        PageChecks.assertAccessibleForm(chart);
        assertThat(chart.getElementById("patient-name").text()).isEqualTo("Margaret Okafor");
        assertThat(chart.getElementById("patient-nhs").text()).isEqualTo("999 526 0182");
        assertThat(chart.getElementById("patient-dob").text()).startsWith("12-Mar-1948");
        assertThat(chart.select("h2").eachText()).containsSubsequence("Allergies", "Medications", "Problems", "Results");
        assertThat(chart.getElementById("allergy-list").text()).contains("Latex");
        Element add = PageChecks.buttonWithText(chart, "Add allergy");
        assertThat(add.attr("aria-controls")).isEqualTo("allergy-form");
        Element formEl = chart.getElementById("allergy-form");
        assertThat(formEl.hasAttr("hidden")).isTrue();
        Element substance = PageChecks.controlLabelled(chart, "Substance");
        assertThat(chart.select("datalist#" + substance.attr("list") + " option[value=Penicillin]")).hasSize(1);
        Element reaction = PageChecks.controlLabelled(chart, "Reaction");
        assertThat(reaction.select("option").eachText()).containsExactly("Rash", "Urticaria", "Anaphylaxis",
                "Bronchospasm", "Angioedema", "Nausea and vomiting", "Other");
        assertThat(PageChecks.controlLabelled(chart, "Moderate").hasAttr("checked")).isTrue();
        assertThat(PageChecks.controlLabelled(chart, "Mild").hasAttr("checked")).isFalse();
        assertThat(formEl.select("legend").text()).isEqualTo("Severity");
        PageChecks.buttonWithText(chart, "Save allergy");
        assertThat(chart.select("[role=status]#allergy-status")).hasSize(1);
    }

    @Test
    void recordPenicillinAllergyInline() {
        String id = okaforId();
        HttpResponse<String> r = client.postJson("/patients/" + id + "/allergies",
                form("substance", "penicillin", "reaction", "Rash", "severity", "moderate"));
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = FhirAssert.json(r);
        assertThat(body.path("message").asText()).isEqualTo("Allergy recorded: Penicillin (Rash, moderate)");
        assertThat(body.path("itemHtml").asText()).contains("Penicillin");

        JsonNode pen = FhirAssert.allergy(client, "999 526 0182", "Penicillin");
        assertThat(pen.at("/patient/identifier/value").asText()).isEqualTo("9995260182");
        assertThat(pen.at("/patient/display").asText()).isEqualTo("Margaret Okafor");
        assertThat(pen.at("/reaction/0/manifestation/0/text").asText()).isEqualTo("Rash");
        assertThat(pen.at("/reaction/0/severity").asText()).isEqualTo("moderate");
        assertThat(pen.at("/recorder/display").asText()).isEqualTo("dr.evans");
        assertThat(pen.path("recordedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(html(client.get("/patients/" + id)).getElementById("allergy-list").text()).contains("Penicillin");

        HttpResponse<String> reset = client.post("/admin/reset", form());
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(FhirAssert.allergies(client, "9995260182")).extracting(a -> a.at("/code/text").asText())
                .containsExactly("Latex");
        // Reset does not sign people out.
        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void emptySubstanceIsRejectedInline() {
        String id = okaforId();
        HttpResponse<String> r = client.postJson("/patients/" + id + "/allergies",
                form("substance", "  ", "reaction", "Rash", "severity", "moderate"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(FhirAssert.json(r).at("/errors/substance").asText()).isEqualTo("Enter the substance, for example Penicillin");
        assertThat(FhirAssert.allergies(client, "9995260182")).hasSize(1);

        // Without JavaScript the chart comes back with the form open and the field marked.
        HttpResponse<String> page = client.post("/patients/" + id + "/allergies",
                form("substance", "", "reaction", "Rash", "severity", "moderate"));
        assertThat(page.statusCode()).isEqualTo(422);
        Document doc = html(page);
        assertThat(doc.getElementById("allergy-form").hasAttr("hidden")).isFalse();
        assertThat(doc.getElementById("allergy-substance").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.getElementById("allergy-substance-error").text()).isEqualTo("Enter the substance, for example Penicillin");
    }

    @Test
    void duplicateAllergyIsRejected() {
        HttpResponse<String> r = client.postJson("/patients/" + okaforId() + "/allergies",
                form("substance", "LATEX", "reaction", "Rash", "severity", "mild"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(FhirAssert.json(r).at("/errors/substance").asText()).contains("already recorded");
    }

    @Test
    void formPostWithoutJavaScriptRedirectsToTheChartWithConfirmation() {
        String id = okaforId();
        HttpResponse<String> r = client.post("/patients/" + id + "/allergies",
                form("substance", "Penicillin", "reaction", "Rash", "severity", "moderate"));
        assertThat(r.statusCode()).isEqualTo(303);
        Document chart = html(client.follow(r));
        assertThat(chart.getElementById("allergy-status").text())
                .isEqualTo("Allergy recorded: Penicillin (Rash, moderate)");
        assertThat(chart.getElementById("banner-allergies").text()).isEqualTo("Latex, Penicillin");
    }

    @Test
    void unknownPatientIs404() {
        assertThat(client.get("/patients/9999").statusCode()).isEqualTo(404);
    }
}
