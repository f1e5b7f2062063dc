package bedside.candidates;

import static bedside.candidates.WebClient.form;
import static bedside.candidates.WebClient.html;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phase 2 in the streamlined candidate, at the HTTP level (the JSON the page's fetch calls get). */
class StreamlinedWorkflowTest {
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
        assertThat(client.post("/login", form("username", "dr.evans", "password", "bedside-demo")).statusCode())
                .isEqualTo(303);
    }

    private String id(String query) {
        return FhirAssert.json(client.getJson("/api/patients?q=" + query)).at("/patients/0/id").asText();
    }

    private JsonNode postJson(String path, java.util.Map<String, String> form, int expectedStatus) {
        HttpResponse<String> r = client.postJson(path, form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return FhirAssert.json(r);
    }

    @Test
    void registerOliverBennettWithInlineValidation() {
        Document page = html(client.get("/patients/new"));
        PageChecks.assertAccessibleForm(page);
        for (String label : List.of("First name", "Last name", "Date of birth", "NHS number", "Address", "Town or city",
                "Postcode", "Phone number (optional)", "Male", "Female")) {
            PageChecks.controlLabelled(page, label);
        }
        PageChecks.buttonWithText(page, "Register patient");
        var v = form("givenName", "Oliver", "familyName", "Bennett", "birthDate", "14/04/1986", "sex", "male",
                "nhsNumber", "999 628 1948", "address", "5 Oak Street", "city", "York", "postcode", "YO1 7HH", "phone", "");
        HttpResponse<String> bad = client.post("/patients/new", v);
        assertThat(bad.statusCode()).isEqualTo(422);
        Document doc = html(bad);
        assertThat(doc.getElementById("register-nhsNumber").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.getElementById("register-nhsNumber-error").text()).contains("not a valid NHS number");
        assertThat(doc.getElementById("register-givenName").val()).isEqualTo("Oliver");
        assertThat(doc.select("#error-summary[role=alert]")).hasSize(1);

        v.put("nhsNumber", "9996281949");
        HttpResponse<String> ok = client.post("/patients/new", v);
        assertThat(ok.statusCode()).isEqualTo(303);
        Document chart = html(client.follow(ok));
        assertThat(chart.getElementById("patient-name").text()).isEqualTo("Oliver Bennett");
        assertThat(chart.getElementById("chart-status").text()).isEqualTo("Patient registered: Oliver Bennett");
        JsonNode p = FhirAssert.search(client, "/fhir/Patient?identifier=9996281949").get(0);
        assertThat(p.at("/name/0/family").asText()).isEqualTo("Bennett");
        assertThat(p.path("gender").asText()).isEqualTo("male");
        assertThat(p.path("birthDate").asText()).isEqualTo("1986-04-14");
        assertThat(p.at("/address/0/postalCode").asText()).isEqualTo("YO1 7HH");

        HttpResponse<String> dup = client.post("/patients/new", v);
        assertThat(html(dup).getElementById("register-nhsNumber-error").text()).contains("already registered");
        candidate.reset();
        assertThat(FhirAssert.search(client, "/fhir/Patient?identifier=9996281949")).isEmpty();
    }

    @Test
    void updateAddressAndPhone() {
        String id = id("okafor");
        JsonNode bad = postJson("/patients/" + id + "/contact",
                form("address", "2 New Road", "city", "Leeds", "postcode", "nonsense", "phone", ""), 422);
        assertThat(bad.at("/errors/postcode").asText()).startsWith("Enter a real postcode");
        JsonNode ok = postJson("/patients/" + id + "/contact",
                form("address", "2 New Road", "city", "Leeds", "postcode", "ls2 9jt", "phone", "0113 496 0999"), 201);
        assertThat(ok.path("message").asText()).isEqualTo("Contact details updated");
        assertThat(ok.path("section").asText()).isEqualTo("contact");
        JsonNode p = FhirAssert.search(client, "/fhir/Patient?identifier=9995260182").get(0);
        assertThat(p.at("/address/0/line/0").asText()).isEqualTo("2 New Road");
        assertThat(p.at("/address/0/postalCode").asText()).isEqualTo("LS2 9JT");
        assertThat(p.at("/telecom/0/value").asText()).isEqualTo("0113 496 0999");
    }

    @Test
    void addProblem() {
        String id = id("begum");
        assertThat(postJson("/patients/" + id + "/problems", form("problem", "", "onsetYear", ""), 422)
                .at("/errors/problem").asText()).isNotEmpty();
        JsonNode ok = postJson("/patients/" + id + "/problems", form("problem", "asthma", "onsetYear", "2019"), 201);
        assertThat(ok.path("message").asText()).isEqualTo("Problem added: Asthma");
        assertThat(FhirAssert.search(client, "/fhir/Condition?patient=9990308241")).singleElement().satisfies(c -> {
            assertThat(c.at("/code/text").asText()).isEqualTo("Asthma");
            assertThat(c.path("onsetDateTime").asText()).isEqualTo("2019-01-01");
            assertThat(c.at("/recorder/display").asText()).isEqualTo("dr.evans");
        });
    }

    @Test
    void addAndStopMedication() {
        String id = id("okafor");
        JsonNode added = postJson("/patients/" + id + "/medications",
                form("medication", "Atorvastatin 20 mg tablets", "dosage", "20 mg at night", "route", "Oral"), 201);
        assertThat(added.path("message").asText()).isEqualTo("Medication added: Atorvastatin 20 mg tablets");
        List<JsonNode> meds = FhirAssert.search(client, "/fhir/MedicationStatement?patient=9995260182");
        String amlodipine = meds.stream().filter(m -> m.at("/medicationCodeableConcept/text").asText().startsWith("Amlodipine"))
                .findFirst().orElseThrow().path("id").asText();
        assertThat(postJson("/patients/" + id + "/medications/" + amlodipine + "/stop", form("reason", ""), 422)
                .at("/errors/reason").asText()).isNotEmpty();
        JsonNode stopped = postJson("/patients/" + id + "/medications/" + amlodipine + "/stop",
                form("reason", "Adverse effect"), 201);
        assertThat(stopped.path("message").asText()).isEqualTo("Medication stopped: Amlodipine 5 mg tablets");
        meds = FhirAssert.search(client, "/fhir/MedicationStatement?patient=9995260182");
        assertThat(meds).extracting(m -> m.at("/medicationCodeableConcept/text").asText(), m -> m.path("status").asText())
                .contains(org.assertj.core.groups.Tuple.tuple("Amlodipine 5 mg tablets", "stopped"),
                        org.assertj.core.groups.Tuple.tuple("Atorvastatin 20 mg tablets", "active"));
        assertThat(meds.stream().filter(m -> m.path("id").asText().equals(amlodipine)).findFirst().orElseThrow()
                .at("/statusReason/0/text").asText()).isEqualTo("Adverse effect");
    }

    @Test
    void prescribeAndSendToTheNominatedPharmacy() {
        String id = id("begum");
        Document page = html(client.get("/patients/" + id + "/prescribe"));
        PageChecks.assertAccessibleForm(page);
        assertThat(PageChecks.controlLabelled(page, "Send to pharmacy").selectFirst("option[selected]").text())
                .isEqualTo("Cedar Grove Pharmacy, Birmingham (FLM21) \u2014 nominated");
        JsonNode check = FhirAssert.json(client.getJson("/api/patients/" + id + "/prescribing-check?medication=Trimethoprim%20200%20mg%20tablets"));
        assertThat(check.at("/defaults/dose").asText()).isEqualTo("200 mg");
        assertThat(check.path("warnings")).isEmpty();
        HttpResponse<String> r = client.post("/patients/" + id + "/prescribe", form("medication", "Trimethoprim 200 mg tablets",
                "dose", "200 mg", "route", "Oral", "frequency", "Twice daily", "days", "3", "pharmacy", "FLM21"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(html(client.follow(r)).getElementById("chart-status").text())
                .isEqualTo("Prescription sent to Cedar Grove Pharmacy, Birmingham: Trimethoprim 200 mg tablets");
        JsonNode rx = FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990308241").get(0);
        assertThat(rx.at("/medicationCodeableConcept/text").asText()).isEqualTo("Trimethoprim 200 mg tablets");
        assertThat(rx.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value").asText()).isEqualTo("200");
        assertThat(rx.at("/dosageInstruction/0/route/text").asText()).isEqualTo("Oral");
        assertThat(rx.at("/dosageInstruction/0/timing/code/text").asText()).isEqualTo("Twice daily");
        assertThat(rx.at("/dispenseRequest/expectedSupplyDuration/value").asInt()).isEqualTo(3);
        assertThat(rx.at("/dispenseRequest/performer/identifier/value").asText()).isEqualTo("FLM21");
        assertThat(rx.at("/extension/0/extension/0/valueCode").asText()).isEqualTo("sent");
        assertThat(rx.path("status").asText()).isEqualTo("active");

        // Issued without sending, then sent from the chart.
        client.post("/patients/" + id + "/prescribe", form("medication", "Paracetamol 500 mg tablets",
                "dose", "1 g", "route", "Oral", "frequency", "Four times a day", "days", "5", "pharmacy", ""));
        JsonNode unsent = FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990308241").get(1);
        assertThat(unsent.at("/extension/0/extension/0/valueCode").asText()).isEqualTo("not-sent");
        JsonNode sent = postJson("/patients/" + id + "/prescriptions/" + unsent.path("id").asText() + "/send",
                form("pharmacy", "FLM21"), 201);
        assertThat(sent.path("message").asText()).startsWith("Prescription sent to Cedar Grove Pharmacy");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990308241").get(1)
                .at("/extension/0/extension/0/valueCode").asText()).isEqualTo("sent");
    }

    @Test
    void prescribingValidation() {
        String id = id("begum");
        HttpResponse<String> r = client.post("/patients/" + id + "/prescribe", form("medication", "", "dose", "",
                "route", "Oral", "frequency", "", "days", "0", "pharmacy", "FLM21"));
        assertThat(r.statusCode()).isEqualTo(422);
        Document doc = html(r);
        assertThat(doc.select("[aria-invalid=true]").eachAttr("name")).contains("medication", "dose", "frequency", "days");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990308241")).isEmpty();
    }

    @Test
    void drugAllergyWarningMustBeOverriddenWithAReason() {
        String id = id("okafor");
        postJson("/patients/" + id + "/allergies", form("substance", "Penicillin", "reaction", "Rash", "severity", "moderate"), 201);
        JsonNode check = FhirAssert.json(client.getJson("/api/patients/" + id + "/prescribing-check?medication=amoxicillin"));
        assertThat(check.at("/warnings/0/kind").asText()).isEqualTo("drug-allergy");
        assertThat(check.path("warningsHtml").asText()).contains("Override reason", "Cancel prescription");
        var rx = form("medication", "Amoxicillin 500 mg capsules", "dose", "500 mg", "route", "Oral",
                "frequency", "Three times a day", "days", "5", "pharmacy", "FAB12");
        HttpResponse<String> blocked = client.post("/patients/" + id + "/prescribe", rx);
        assertThat(blocked.statusCode()).isEqualTo(422);
        Document doc = html(blocked);
        assertThat(doc.getElementById("prescribe-warnings").attr("role")).isEqualTo("alert");
        assertThat(doc.getElementById("prescribe-warnings").text()).contains("Drug\u2013allergy interaction", "Penicillin");
        assertThat(doc.getElementById("prescribe-overrideReason").attr("aria-invalid")).isEqualTo("true");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9995260182")).isEmpty();

        rx.put("overrideReason", "Patient has tolerated this medicine before");
        assertThat(client.post("/patients/" + id + "/prescribe", rx).statusCode()).isEqualTo(303);
        JsonNode request = FhirAssert.search(client, "/fhir/MedicationRequest?patient=9995260182").get(0);
        JsonNode issue = FhirAssert.search(client, "/fhir/DetectedIssue?patient=9995260182").get(0);
        assertThat(issue.at("/code/coding/0/code").asText()).isEqualTo("ALGY");
        assertThat(issue.at("/mitigation/0/action/text").asText()).isEqualTo("overridden");
        assertThat(issue.at("/extension/0/valueString").asText()).isEqualTo("Patient has tolerated this medicine before");
        assertThat(issue.at("/implicated/0/reference").asText()).isEqualTo("MedicationRequest/" + request.path("id").asText());
        assertThat(request.at("/detectedIssue/0/reference").asText()).isEqualTo("DetectedIssue/" + issue.path("id").asText());
    }

    @Test
    void drugDrugWarningCanCancelThePrescription() {
        String id = id("sharma");
        HttpResponse<String> r = client.post("/patients/" + id + "/prescribe/cancel",
                form("medication", "Clarithromycin 500 mg tablets", "dose", "500 mg"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(html(client.follow(r)).getElementById("chart-status").text())
                .isEqualTo("Prescription cancelled: Clarithromycin 500 mg tablets");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9991860916")).isEmpty();
        JsonNode issue = FhirAssert.search(client, "/fhir/DetectedIssue?patient=9991860916").get(0);
        assertThat(issue.at("/code/coding/0/code").asText()).isEqualTo("DRG");
        assertThat(issue.at("/mitigation/0/action/text").asText()).isEqualTo("cancelled");
        assertThat(issue.path("implicated").findValuesAsText("display")).containsExactly("Clarithromycin", "Warfarin");
        // Aspirin for warfarin is also flagged.
        JsonNode check = FhirAssert.json(client.getJson("/api/patients/" + id + "/prescribing-check?medication=Aspirin%2075%20mg%20dispersible%20tablets"));
        assertThat(check.at("/warnings/0/kind").asText()).isEqualTo("drug-drug");
    }

    @Test
    void labAndImagingOrders() {
        String id = id("byrne");
        JsonNode noIndication = postJson("/patients/" + id + "/orders",
                form("test", "Chest X-ray", "priority", "routine", "indication", ""), 422);
        assertThat(noIndication.at("/errors/indication").asText()).isEqualTo("Enter the clinical indication for imaging");
        assertThat(postJson("/patients/" + id + "/orders", form("test", "Urea and electrolytes", "priority", "urgent",
                "indication", ""), 201).path("message").asText()).isEqualTo("Order placed: Urea and electrolytes (urgent)");
        postJson("/patients/" + id + "/orders", form("test", "Chest X-ray", "priority", "routine", "indication", "Cough"), 201);
        assertThat(FhirAssert.search(client, "/fhir/ServiceRequest?patient=9993909963&category=laboratory"))
                .singleElement().satisfies(o -> {
                    assertThat(o.at("/code/text").asText()).isEqualTo("Urea and electrolytes");
                    assertThat(o.path("priority").asText()).isEqualTo("urgent");
                });
        assertThat(FhirAssert.search(client, "/fhir/ServiceRequest?patient=9993909963&category=imaging"))
                .singleElement().satisfies(o -> assertThat(o.at("/reasonCode/0/text").asText()).isEqualTo("Cough"));
    }

    @Test
    void chartOpeningAlertMustBeAcknowledged() {
        String id = id("byrne");
        Document chart = html(client.get("/patients/" + id));
        Element dialog = chart.getElementById("cds-alert");
        assertThat(dialog.tagName()).isEqualTo("dialog");
        assertThat(dialog.attr("role")).isEqualTo("alertdialog");
        assertThat(dialog.text()).contains("Hyperkalaemia", "6.1");
        Element form = PageChecks.buttonWithText(chart, "Acknowledge alert").closest("form");
        JsonNode ack = postJson(form.attr("action"), form(), 201);
        assertThat(ack.path("message").asText()).isEqualTo("Alert acknowledged");
        assertThat(html(client.get("/patients/" + id)).getElementById("cds-alert")).isNull();
        JsonNode issue = FhirAssert.search(client, "/fhir/DetectedIssue?patient=9993909963").get(0);
        assertThat(issue.at("/code/coding/0/code").asText()).isEqualTo("cds-alert");
        assertThat(issue.at("/mitigation/0/action/text").asText()).isEqualTo("acknowledged");
        assertThat(issue.at("/author/display").asText()).isEqualTo("dr.evans");
        // The alert does not acknowledge the result itself.
        assertThat(FhirAssert.search(client, "/fhir/Observation?patient=9993909963"))
                .allSatisfy(o -> assertThat(o.at("/extension/0/url").asText().endsWith("result-acknowledgement")).isFalse());
        assertThat(html(client.get("/patients/" + id("okafor"))).getElementById("cds-alert")).isNull();
    }

    @Test
    void resultsReviewFromTheHomePage() {
        Document home = html(client.get("/"));
        assertThat(home.getElementById("review-list").text()).contains("Byrne, Thomas", "Potassium 6.1 mmol/L");
        String id = id("byrne");
        Document chart = html(client.get("/patients/" + id));
        Element row = chart.select("#result-table tr").stream().filter(tr -> tr.text().startsWith("Potassium"))
                .findFirst().orElseThrow();
        Element form = row.selectFirst("form");
        assertThat(form.selectFirst("button").text()).isEqualTo("Acknowledge");
        JsonNode ack = postJson(form.attr("action"), form(), 201);
        assertThat(ack.path("message").asText()).isEqualTo("Result acknowledged: Potassium 6.1 mmol/L");
        JsonNode k = FhirAssert.search(client, "/fhir/Observation?patient=9993909963").stream()
                .filter(o -> o.at("/code/text").asText().equals("Potassium")).findFirst().orElseThrow();
        assertThat(k.at("/extension/0/url").asText().endsWith("result-acknowledgement")).isTrue();
        assertThat(k.at("/extension/0/extension/0/valueString").asText()).isEqualTo("dr.evans");
        assertThat(html(client.get("/")).getElementById("review-list").text()).doesNotContain("Potassium");
    }

    @Test
    void reconcileDischargeMedicines() {
        String id = id("okafor");
        assertThat(html(client.get("/patients/" + id)).getElementById("reconciliation-notice").text())
                .contains("4 discharge medicines to reconcile");
        Document page = html(client.get("/patients/" + id + "/reconcile"));
        PageChecks.assertAccessibleForm(page);
        List<JsonNode> lists = FhirAssert.search(client, "/fhir/List?patient=9995260182");
        JsonNode list = lists.get(0);
        assertThat(list.at("/extension/0/valueBoolean").asBoolean()).isFalse();
        var decisions = form();
        List<String> names = new java.util.ArrayList<>();
        list.path("entry").forEach(e -> {
            names.add(e.at("/item/display").asText().split(" \u2014 ")[0]);
            decisions.put(e.path("id").asText(),
                    e.at("/item/display").asText().split(" \u2014 ")[0].startsWith("Lansoprazole") ? "reject" : "accept");
        });
        assertThat(names).containsExactly("Amlodipine 5 mg tablets", "Metformin 1 g tablets", "Atorvastatin 20 mg tablets",
                "Lansoprazole 30 mg capsules");
        var partial = form(list.at("/entry/0/id").asText(), "accept");
        assertThat(client.post("/patients/" + id + "/reconcile", partial).statusCode()).isEqualTo(422);
        HttpResponse<String> r = client.post("/patients/" + id + "/reconcile", decisions);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(html(client.follow(r)).getElementById("chart-status").text())
                .isEqualTo("Medicines reconciled: 3 accepted, 1 rejected");
        JsonNode done = FhirAssert.search(client, "/fhir/List?patient=9995260182").get(0);
        assertThat(done.at("/extension/0/valueBoolean").asBoolean()).isTrue();
        assertThat(done.path("entry").findValuesAsText("valueCode")).containsExactly("accepted", "accepted", "accepted", "rejected");
        List<JsonNode> meds = FhirAssert.search(client, "/fhir/MedicationStatement?patient=9995260182");
        assertThat(meds).filteredOn(m -> m.path("status").asText().equals("active"))
                .extracting(m -> m.at("/medicationCodeableConcept/text").asText())
                .containsExactlyInAnyOrder("Amlodipine 5 mg tablets", "Metformin 1 g tablets", "Atorvastatin 20 mg tablets");
        assertThat(meds).filteredOn(m -> m.path("status").asText().equals("stopped"))
                .extracting(m -> m.at("/medicationCodeableConcept/text").asText()).containsExactly("Metformin 500 mg tablets");
        assertThat(client.post("/admin/reset", form()).statusCode()).isEqualTo(204);
        assertThat(FhirAssert.search(client, "/fhir/List?patient=9995260182").get(0).path("entry").findValuesAsText("valueCode"))
                .containsOnly("pending");
    }
}
