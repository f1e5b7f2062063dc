package bedside.candidates;

import static bedside.candidates.WebClient.form;
import static bedside.candidates.WebClient.html;
import static bedside.candidates.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phase 2 in the legacy candidate, at the HTTP level: more pages, full POSTs, vague errors. */
class LegacyWorkflowTest {
    private static final String INVALID = "Invalid input. Please check the form.";
    private static SampleCandidate candidate;
    private WebClient client;

    @BeforeAll
    static void start() {
        candidate = SampleCandidates.start("legacy", 0);
    }

    @AfterAll
    static void stop() {
        candidate.close();
    }

    @BeforeEach
    void logOn() {
        candidate.reset();
        client = new WebClient(candidate);
        assertThat(client.post("/login.do", form("userId", "dr.evans", "password", "bedside-demo")).statusCode()).isEqualTo(303);
    }

    /** Search by surname and follow the Select link; returns the patient id. */
    private String select(String surname) {
        Document results = html(client.post("/patient/results.do", form("surname", surname, "forename", "", "nhsNo", "")));
        String href = results.selectFirst("#search-results a").attr("href");
        client.get(href);
        return href.substring(href.indexOf("id=") + 3);
    }

    private static String optionValue(Document doc, String label, String text) {
        return PageChecks.controlLabelled(doc, label).select("option").stream().filter(o -> o.text().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no option " + text + " in " + label)).attr("value");
    }

    private Document postAndFollow(String path, Map<String, String> form) {
        HttpResponse<String> r = client.post(path, form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return html(client.follow(r));
    }

    private static String alert(Document doc) {
        return doc.select("[role=alert]").text();
    }

    private static String status(Document doc) {
        return doc.select("[role=status]").text();
    }

    @Test
    void everyMenuLinkOpensAPage() {
        select("Okafor");
        Document main = html(client.get("/main.do"));
        List<String> links = main.select("nav.menubar ul.menu a").eachAttr("href");
        assertThat(links).contains("/patient/search.do", "/patient/register.do", "/patient/amend.do",
                "/clinical/allergies.do", "/clinical/problems.do", "/clinical/medications.do", "/clinical/reconcile.do",
                "/orders/prescribe.do", "/orders/prescriptions.do", "/orders/lab-request.do", "/orders/radiology-request.do",
                "/orders/requests.do", "/results/inbox.do", "/results/patient.do");
        for (String link : links) {
            HttpResponse<String> r = client.get(link);
            assertThat(r.statusCode()).as(link).isEqualTo(200);
            Document page = html(r);
            if (link.equals("/patient/search.do")) {
                // the deliberate accessibility fault of this screen (issue 15): Forename's caption is not its label
                page.select("input#forename").remove();
            }
            PageChecks.assertAccessibleForm(page);
        }
        // Menu path texts a script clicks through.
        assertThat(main.select("button.menu-button").eachText()).containsSubsequence("Patient", "Registration", "Clinical",
                "Allergies", "Problems", "Medications", "Orders", "Prescribing", "Requests", "Results", "Help");
    }

    @Test
    void registerAndAmendPatient() {
        Document form = html(client.get("/patient/register.do"));
        assertThat(form.selectFirst("form").attr("onsubmit")).contains("Are you sure you want to save this record?");
        var v = form("surname", "BENNETT", "forename", "Oliver", "sex", optionValue(form, "Sex", "Male"), "dob", "14/04/1986",
                "nhsNo", "9996281948", "address1", "5 Oak Street", "town", "York", "postcode", "YO1 7HH", "telephone", "");
        Document bad = html(client.post("/patient/register.do", v));
        assertThat(alert(bad)).isEqualTo(INVALID);
        assertThat(bad.select("[aria-invalid]")).isEmpty();
        v.put("nhsNo", "999 628 1949");
        Document summary = postAndFollow("/patient/register.do", v);
        assertThat(status(summary)).isEqualTo("Record saved.");
        assertThat(summary.getElementById("patient-context").text()).contains("BENNETT, Oliver", "999 628 1949", "14/04/1986");
        JsonNode p = FhirAssert.search(client, "/fhir/Patient?identifier=9996281949").get(0);
        assertThat(p.at("/name/0/family").asText()).isEqualTo("Bennett");
        assertThat(p.at("/name/0/given/0").asText()).isEqualTo("Oliver");
        assertThat(p.path("gender").asText()).isEqualTo("male");
        assertThat(p.path("birthDate").asText()).isEqualTo("1986-04-14");

        Document amend = html(client.get("/patient/amend.do"));
        assertThat(PageChecks.controlLabelled(amend, "Address Line 1").val()).isEqualTo("5 Oak Street");
        String id = amend.selectFirst("input[name=patientId]").val();
        assertThat(alert(html(client.post("/patient/amend.do", form("patientId", id, "address1", "5 Oak Street", "town", "York",
                "postcode", "bad", "telephone", ""))))).isEqualTo(INVALID);
        Document done = postAndFollow("/patient/amend.do", form("patientId", id, "address1", "7 Elm Road", "town", "York",
                "postcode", "yo10 5dd", "telephone", "07700 900999"));
        assertThat(status(done)).isEqualTo("Record saved.");
        p = FhirAssert.search(client, "/fhir/Patient?identifier=9996281949").get(0);
        assertThat(p.at("/address/0/line/0").asText()).isEqualTo("7 Elm Road");
        assertThat(p.at("/address/0/postalCode").asText()).isEqualTo("YO10 5DD");
        assertThat(p.at("/telecom/0/value").asText()).isEqualTo("07700 900999");
    }

    @Test
    void addProblem() {
        String id = select("Begum");
        Document form = html(client.get("/clinical/problem-edit.do"));
        assertThat(PageChecks.controlLabelled(form, "Problem").select("option").eachText()).startsWith("-- Select --").contains("ASTHMA");
        assertThat(alert(html(client.post("/clinical/problem-edit.do", form("patientId", id, "problem", "", "onset", "", "comments", "")))))
                .isEqualTo(INVALID);
        Document list = postAndFollow("/clinical/problem-edit.do", form("patientId", id, "problem", "ASTHMA", "onset", "01/06/2019", "comments", ""));
        assertThat(status(list)).isEqualTo("Record saved.");
        assertThat(list.getElementById("problem-table").text()).contains("ASTHMA");
        assertThat(FhirAssert.search(client, "/fhir/Condition?patient=9990308241")).singleElement()
                .satisfies(c -> assertThat(c.at("/code/text").asText()).isEqualTo("Asthma"));
    }

    @Test
    void addAndDiscontinueMedication() {
        String id = select("Okafor");
        Document list = html(client.get("/clinical/medications.do"));
        Element amlodipine = list.select("#medication-table tr").stream().filter(tr -> tr.text().contains("AMLODIPINE"))
                .findFirst().orElseThrow().selectFirst("input[type=radio]");
        assertThat(alert(html(client.get("/clinical/medication-stop.do")))).isEqualTo(INVALID);
        Document stopForm = html(client.get("/clinical/medication-stop.do?medId=" + amlodipine.val()));
        assertThat(stopForm.selectFirst("form").attr("onsubmit")).contains("discontinue this medication");
        assertThat(alert(html(client.post("/clinical/medication-stop.do", form("patientId", id, "medId", amlodipine.val(), "reason", "")))))
                .isEqualTo(INVALID);
        assertThat(status(postAndFollow("/clinical/medication-stop.do",
                form("patientId", id, "medId", amlodipine.val(), "reason", "ADVERSE EFFECT")))).isEqualTo("Record saved.");
        Document entry = html(client.get("/clinical/medication-edit.do"));
        Document after = postAndFollow("/clinical/medication-edit.do", form("patientId", id,
                "drug", optionValue(entry, "Drug", "ATORVASTATIN 20 MG TABLETS"), "dosage", "20 mg at night", "route", "ORAL"));
        assertThat(after.getElementById("medication-table").text()).contains("ATORVASTATIN 20 MG TABLETS", "DISCONTINUED");
        List<JsonNode> meds = FhirAssert.search(client, "/fhir/MedicationStatement?patient=9995260182");
        assertThat(meds).extracting(m -> m.at("/medicationCodeableConcept/text").asText(), m -> m.path("status").asText())
                .contains(org.assertj.core.groups.Tuple.tuple("Amlodipine 5 mg tablets", "stopped"),
                        org.assertj.core.groups.Tuple.tuple("Atorvastatin 20 mg tablets", "active"));
    }

    private Map<String, String> rx(String id, Document form, String drug, String dose, String freqCode, String days) {
        return form("patientId", id, "drug", optionValue(form, "Drug", drug), "dose", dose,
                "route", optionValue(form, "Route", "ORAL"), "frequency", optionValue(form, "Frequency", freqCode), "duration", days);
    }

    @Test
    void prescribeThenTransmitToAPharmacy() {
        String id = select("Begum");
        Document form = html(client.get("/orders/prescribe.do"));
        assertThat(PageChecks.controlLabelled(form, "Frequency").select("option").eachText())
                .containsExactly("-- Select --", "OD", "BD", "TDS", "QDS", "NOCTE", "Q4-6H PRN", "PRN");
        var bad = rx(id, form, "TRIMETHOPRIM 200 MG TABLETS", "200 mg", "BD", "");
        assertThat(alert(html(client.post("/orders/prescribe.do", bad)))).isEqualTo(INVALID);
        Document list = postAndFollow("/orders/prescribe.do", rx(id, form, "TRIMETHOPRIM 200 MG TABLETS", "200 mg", "BD", "3"));
        assertThat(status(list)).isEqualTo("Prescription saved. Status: PENDING.");
        JsonNode pending = FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990308241").get(0);
        assertThat(pending.at("/extension/0/extension/0/valueCode").asText()).isEqualTo("not-sent");
        assertThat(pending.at("/dosageInstruction/0/timing/code/text").asText()).isEqualTo("Twice daily");
        assertThat(pending.at("/dosageInstruction/0/route/text").asText()).isEqualTo("Oral");
        assertThat(pending.at("/dispenseRequest/expectedSupplyDuration/value").asInt()).isEqualTo(3);

        String rxId = list.selectFirst("#prescription-table input[name=rxId]").val();
        Document transmit = html(client.get("/orders/transmit.do?rxId=" + rxId));
        assertThat(transmit.text()).contains("Nominated Pharmacy CEDAR GROVE PHARMACY, BIRMINGHAM (FLM21)");
        assertThat(PageChecks.controlLabelled(transmit, "Pharmacy").select("option[selected]")).isEmpty();
        assertThat(alert(html(client.post("/orders/transmit.do", form("rxId", rxId, "pharmacy", ""))))).isEqualTo(INVALID);
        Document done = postAndFollow("/orders/transmit.do", form("rxId", rxId,
                "pharmacy", optionValue(transmit, "Pharmacy", "CEDAR GROVE PHARMACY, BIRMINGHAM (FLM21)")));
        assertThat(status(done)).isEqualTo("Prescription transmitted.");
        assertThat(done.getElementById("prescription-table").text()).contains("TRANSMITTED");
        JsonNode sent = FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990308241").get(0);
        assertThat(sent.at("/extension/0/extension/0/valueCode").asText()).isEqualTo("sent");
        assertThat(sent.at("/dispenseRequest/performer/identifier/value").asText()).isEqualTo("FLM21");
    }

    @Test
    void drugAllergyWarningPageNeedsAnOverrideReason() {
        String id = select("Hughes");
        Document form = html(client.get("/orders/prescribe.do"));
        var order = rx(id, form, "ASPIRIN 75 MG DISPERSIBLE TABLETS", "75 mg", "OD", "28");
        Document warning = html(client.post("/orders/prescribe.do", order));
        assertThat(warning.selectFirst("h1").text()).isEqualTo("*** DRUG ALLERGY WARNING ***");
        assertThat(warning.getElementById("order-warning").text()).contains("Aspirin", "Bronchospasm");
        PageChecks.assertAccessibleForm(warning);
        PageChecks.buttonWithText(warning, "Cancel Order");
        assertThat(PageChecks.buttonWithText(warning, "Override").attr("onclick"))
                .contains("Are you sure you want to override this warning?");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990166137")).isEmpty();

        order.put("stage", "override");
        order.put("overrideReason", "");
        assertThat(alert(html(client.post("/orders/prescribe.do", order)))).contains(INVALID);
        order.put("overrideReason", "BENEFIT OUTWEIGHS RISK");
        assertThat(status(postAndFollow("/orders/prescribe.do", order))).isEqualTo("Prescription saved. Status: PENDING.");
        JsonNode issue = FhirAssert.search(client, "/fhir/DetectedIssue?patient=9990166137").get(0);
        assertThat(issue.at("/code/coding/0/code").asText()).isEqualTo("ALGY");
        assertThat(issue.at("/mitigation/0/action/text").asText()).isEqualTo("overridden");
        assertThat(issue.at("/extension/0/valueString").asText()).isEqualTo("Benefit outweighs risk");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9990166137").get(0)
                .path("detectedIssue")).hasSize(1);
    }

    @Test
    void drugDrugWarningCanBeCancelled() {
        String id = select("Sharma");
        Document form = html(client.get("/orders/prescribe.do"));
        var order = rx(id, form, "CLARITHROMYCIN 500 MG TABLETS", "500 mg", "BD", "5");
        Document warning = html(client.post("/orders/prescribe.do", order));
        assertThat(warning.selectFirst("h1").text()).isEqualTo("*** DRUG INTERACTION WARNING ***");
        assertThat(status(postAndFollow("/orders/prescribe-cancel.do", order))).isEqualTo("Order cancelled.");
        assertThat(FhirAssert.search(client, "/fhir/MedicationRequest?patient=9991860916")).isEmpty();
        JsonNode issue = FhirAssert.search(client, "/fhir/DetectedIssue?patient=9991860916").get(0);
        assertThat(issue.at("/code/coding/0/code").asText()).isEqualTo("DRG");
        assertThat(issue.at("/mitigation/0/action/text").asText()).isEqualTo("cancelled");
    }

    @Test
    void laboratoryAndRadiologyRequests() {
        String id = select("Byrne");
        Document lab = html(client.get("/orders/lab-request.do"));
        assertThat(lab.selectFirst("form").attr("onsubmit")).contains("Are you sure you want to submit this request?");
        Document history = postAndFollow("/orders/lab-request.do", form("patientId", id,
                "test", optionValue(lab, "Test", "UREA AND ELECTROLYTES"), "priority", "URGENT", "clinicalDetails", ""));
        assertThat(status(history)).isEqualTo("Request submitted.");
        Document rad = html(client.get("/orders/radiology-request.do"));
        var xray = form("patientId", id, "test", optionValue(rad, "Examination", "CHEST X-RAY"), "priority", "ROUTINE",
                "clinicalDetails", "");
        assertThat(alert(html(client.post("/orders/radiology-request.do", xray)))).isEqualTo(INVALID);
        xray.put("clinicalDetails", "Cough for 6 weeks");
        Document after = postAndFollow("/orders/radiology-request.do", xray);
        assertThat(after.getElementById("request-table").text()).contains("LABORATORY UREA AND ELECTROLYTES URGENT", "RADIOLOGY CHEST X-RAY ROUTINE");
        assertThat(FhirAssert.search(client, "/fhir/ServiceRequest?patient=9993909963&category=laboratory")).singleElement()
                .satisfies(o -> assertThat(o.path("priority").asText()).isEqualTo("urgent"));
        assertThat(FhirAssert.search(client, "/fhir/ServiceRequest?patient=9993909963&category=imaging")).singleElement()
                .satisfies(o -> assertThat(o.at("/reasonCode/0/text").asText()).isEqualTo("Cough for 6 weeks"));
    }

    @Test
    void clinicalAlertInterruptsUntilAcknowledged() {
        Document results = html(client.post("/patient/results.do", form("surname", "Byrne", "forename", "", "nhsNo", "")));
        HttpResponse<String> summary = client.get(results.selectFirst("#search-results a").attr("href"));
        assertThat(summary.statusCode()).isEqualTo(302);
        assertThat(location(summary)).isEqualTo("/clinical/alert.do");
        assertThat(location(client.get("/clinical/allergies.do"))).isEqualTo("/clinical/alert.do");
        Document alertPage = html(client.get("/clinical/alert.do"));
        assertThat(alertPage.getElementById("clinical-alert").text()).contains("HYPERKALAEMIA", "6.1");
        PageChecks.assertAccessibleForm(alertPage);
        String code = alertPage.selectFirst("input[name=alertCode]").val();
        assertThat(alert(html(client.post("/clinical/alert.do", form("alertCode", code))))).contains(INVALID);
        Document after = postAndFollow("/clinical/alert.do", form("alertCode", code, "ackRead", "Y"));
        assertThat(status(after)).isEqualTo("Alert acknowledged.");
        assertThat(client.get("/clinical/allergies.do").statusCode()).isEqualTo(200);
        JsonNode issue = FhirAssert.search(client, "/fhir/DetectedIssue?patient=9993909963").get(0);
        assertThat(issue.at("/code/coding/0/code").asText()).isEqualTo("cds-alert");
        assertThat(issue.at("/mitigation/0/action/text").asText()).isEqualTo("acknowledged");
    }

    @Test
    void resultsInboxAcknowledgement() {
        Document inbox = html(client.get("/results/inbox.do"));
        Element row = inbox.select("#inbox-table tr").stream().filter(tr -> tr.text().contains("POTASSIUM")).findFirst().orElseThrow();
        assertThat(row.text()).contains("BYRNE, Thomas", "6.1", "HIGH");
        Document view = html(client.get(row.selectFirst("a").attr("href")));
        Element form = PageChecks.buttonWithText(view, "Acknowledge").closest("form");
        assertThat(form.attr("onsubmit")).contains("Are you sure you want to acknowledge this result?");
        Document after = postAndFollow(form.attr("action"), form("resultId", form.selectFirst("input[name=resultId]").val()));
        assertThat(status(after)).isEqualTo("Result acknowledged.");
        assertThat(after.getElementById("inbox-table").text()).doesNotContain("POTASSIUM");
        JsonNode k = FhirAssert.search(client, "/fhir/Observation?patient=9993909963").stream()
                .filter(o -> o.at("/code/text").asText().equals("Potassium")).findFirst().orElseThrow();
        assertThat(k.at("/extension/0/url").asText().endsWith("result-acknowledgement")).isTrue();
        assertThat(k.at("/extension/0/extension/0/valueString").asText()).isEqualTo("dr.evans");
    }

    @Test
    void reconcileOneItemAtATime() {
        select("Okafor");
        for (String action : List.of("ACCEPT", "ACCEPT", "ACCEPT", "REJECT")) {
            Document list = html(client.get("/clinical/reconcile.do"));
            String href = list.select("#reconcile-table a").stream().filter(a -> a.text().equals("Process")).findFirst()
                    .orElseThrow().attr("href");
            Document item = html(client.get(href));
            String itemId = item.selectFirst("input[name=itemId]").val();
            assertThat(alert(html(client.post("/clinical/reconcile-item.do", form("itemId", itemId, "action", "")))))
                    .isEqualTo(INVALID);
            assertThat(status(postAndFollow("/clinical/reconcile-item.do", form("itemId", itemId, "action", action, "comments", ""))))
                    .isEqualTo("Record saved.");
        }
        JsonNode list = FhirAssert.search(client, "/fhir/List?patient=9995260182").get(0);
        assertThat(list.at("/extension/0/valueBoolean").asBoolean()).isTrue();
        assertThat(list.path("entry").findValuesAsText("valueCode")).containsExactly("accepted", "accepted", "accepted", "rejected");
        assertThat(FhirAssert.search(client, "/fhir/MedicationStatement?patient=9995260182"))
                .filteredOn(m -> m.path("status").asText().equals("active"))
                .extracting(m -> m.at("/medicationCodeableConcept/text").asText())
                .containsExactlyInAnyOrder("Amlodipine 5 mg tablets", "Metformin 1 g tablets", "Atorvastatin 20 mg tablets");
    }
}
