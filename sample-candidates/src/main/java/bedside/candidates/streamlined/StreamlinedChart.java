package bedside.candidates.streamlined;

import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.Address;
import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.LabResult;
import bedside.candidates.domain.MedicationRequest;
import bedside.candidates.domain.MedicationStatement;
import bedside.candidates.domain.Medicine;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.Pharmacy;
import bedside.candidates.domain.Condition;
import bedside.candidates.domain.ServiceRequest;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart's sections other than allergies, each with an inline form saved by fetch (JSON) or, without
 * JavaScript, by a normal POST that redirects back to the chart.
 */
final class StreamlinedChart {
    static final List<String> PROBLEM_TERMS = List.of("Anaemia", "Angina", "Asthma", "Atrial fibrillation",
            "Chronic kidney disease stage 3", "Chronic obstructive pulmonary disease", "Depression",
            "Essential hypertension", "Gastro-oesophageal reflux disease", "Gout", "Heart failure", "Hypothyroidism",
            "Migraine", "Osteoarthritis of knee", "Osteoporosis", "Type 2 diabetes mellitus");
    static final List<String> STOP_REASONS = List.of("Course completed", "Adverse effect", "No longer needed",
            "Changed to another medicine", "Patient declined", "Other");

    private final StreamlinedCandidate app;
    private final ClinicalRecord record;

    StreamlinedChart(StreamlinedCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.post("/patients/{id}/contact", this::saveContact);
        routes.post("/patients/{id}/problems", this::addProblem);
        routes.post("/patients/{id}/medications", this::addMedication);
        routes.post("/patients/{id}/medications/{med}/stop", this::stopMedication);
        routes.post("/patients/{id}/orders", this::placeOrder);
        routes.post("/patients/{id}/results/{result}/acknowledge", this::acknowledgeResult);
        routes.post("/patients/{id}/alerts/{code}/acknowledge", this::acknowledgeAlert);
        routes.post("/patients/{id}/prescriptions/{rx}/send", this::sendPrescription);
    }

    // ------------------------------------------------------------------ responses

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    /** Success: JSON with the re-rendered section, or a redirect to the chart showing the message. */
    private void saved(Context ctx, Patient p, String section, String message) {
        if (wantsJson(ctx)) {
            ObjectNode body = app.mapper().createObjectNode();
            body.put("message", message);
            body.put("section", section);
            body.put("html", section(section, p));
            ctx.status(201);
            app.writeJson(ctx, body);
        } else {
            ctx.redirect("/patients/" + p.id() + "?status=" + Html.url(message) + "#" + section, HttpStatus.SEE_OTHER);
        }
    }

    private void invalid(Context ctx, Patient p, Map<String, String> errors) {
        ctx.status(422);
        if (wantsJson(ctx)) {
            ObjectNode body = app.mapper().createObjectNode();
            ObjectNode e = body.putObject("errors");
            errors.forEach(e::put);
            app.writeJson(ctx, body);
        } else {
            ctx.html(StreamlinedLayout.page("Check your entry", Logins.of(ctx), "<h1>Check your entry</h1><ul class=\"alert\" role=\"alert\">"
                    + each(errors.values(), m -> "<li>" + esc(m) + "</li>") + "</ul><p><a href=\"/patients/" + esc(p.id())
                    + "\">Back to the chart</a></p>"));
        }
    }

    String section(String name, Patient p) {
        return switch (name) {
            case "contact" -> contactSection(p, false);
            case "problems" -> problemSection(p);
            case "medications" -> medicationSection(p);
            case "prescriptions" -> prescriptionSection(p);
            case "orders" -> orderSection(p);
            case "results" -> resultSection(p);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String blank(String s) {
        return s == null ? "" : s.trim();
    }

    // ------------------------------------------------------------------ alerts and reconciliation notice

    String alerts(Patient p) {
        List<ClinicalRecord.Alert> alerts = record.pendingAlerts(p.id());
        if (alerts.isEmpty()) {
            return "";
        }
        ClinicalRecord.Alert a = alerts.get(0);
        return """
                <dialog id="cds-alert" class="cds-alert" role="alertdialog" aria-modal="true" aria-labelledby="cds-alert-title" aria-describedby="cds-alert-detail" open>
                  <h2 id="cds-alert-title">Alert: %s</h2>
                  <p id="cds-alert-detail">%s</p>
                  <form method="post" action="/patients/%s/alerts/%s/acknowledge" class="js-inline" id="cds-alert-form">
                    <button type="submit" class="primary" autofocus>Acknowledge alert</button>
                  </form>
                </dialog>
                """.formatted(esc(a.title()), esc(a.detail()), esc(p.id()), esc(a.code()));
    }

    String reconciliationNotice(Patient p) {
        long pending = record.incomingMedications(p.id()).stream().filter(i -> i.pending()).count();
        if (pending == 0) {
            return "";
        }
        return """
                <div class="notice" id="reconciliation-notice">
                  <p><strong>%d discharge medicine%s to reconcile</strong> from %s.</p>
                  <a class="button" href="/patients/%s/reconcile">Reconcile medicines</a>
                </div>
                """.formatted(pending, pending == 1 ? "" : "s", esc(record.incomingMedications(p.id()).get(0).source()),
                esc(p.id()));
    }

    private void acknowledgeAlert(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        record.acknowledgeAlert(p.id(), ctx.pathParam("code"), login.user().username(), null);
        saved(ctx, p, "results", "Alert acknowledged");
    }

    // ------------------------------------------------------------------ contact details

    String contactSection(Patient p, boolean open) {
        Address a = p.address() == null ? new Address("", "", "") : p.address();
        Map<String, String> none = Map.of();
        return """
                <section id="contact" class="card" aria-labelledby="contact-heading">
                  <div class="card-head">
                    <h2 id="contact-heading">Contact details</h2>
                    <button type="button" data-toggle="contact-form" aria-expanded="false" aria-controls="contact-form">Edit contact details</button>
                  </div>
                  <dl class="pairs" id="contact-details">
                    <div><dt>Address</dt><dd id="contact-address">%s</dd></div>
                    <div><dt>Phone</dt><dd id="contact-phone">%s</dd></div>
                    <div><dt>Nominated pharmacy</dt><dd>%s</dd></div>
                  </dl>
                  <form id="contact-form" class="inline-form js-inline" method="post" action="/patients/%s/contact" novalidate hidden>
                    %s%s%s%s
                    <div class="actions"><button type="submit" class="primary">Save contact details</button>
                    <button type="button" class="secondary" data-cancel="contact-form">Cancel</button></div>
                  </form>
                </section>
                """.formatted(esc(a.text()), esc(p.phone()),
                esc(record.nominatedPharmacy(p.id()).map(Pharmacy::label).orElse("None")), esc(p.id()),
                Forms.text("contact-form", "address", "Address", a.line(), none, "autocomplete=\"address-line1\"", null),
                Forms.text("contact-form", "city", "Town or city", a.city(), none, "autocomplete=\"address-level2\"", null),
                Forms.text("contact-form", "postcode", "Postcode", a.postcode(), none, "autocomplete=\"postal-code\" size=\"9\"", null),
                Forms.text("contact-form", "phone", "Phone number", p.phone(), none, "type=\"tel\" autocomplete=\"tel\"", null));
    }

    static final String POSTCODE = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";
    static final String PHONE = "[0-9 +()]{10,16}";

    private void saveContact(Context ctx) {
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String address = blank(ctx.formParam("address"));
        String city = blank(ctx.formParam("city"));
        String postcode = blank(ctx.formParam("postcode")).toUpperCase(java.util.Locale.ROOT);
        String phone = blank(ctx.formParam("phone"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (address.isEmpty()) {
            errors.put("address", "Enter the first line of the address");
        }
        if (city.isEmpty()) {
            errors.put("city", "Enter the town or city");
        }
        if (!postcode.matches(POSTCODE)) {
            errors.put("postcode", "Enter a real postcode, like LS1 4AP");
        }
        if (!phone.isEmpty() && !phone.matches(PHONE)) {
            errors.put("phone", "Enter a phone number, like 0113 496 0000 or 07700 900000");
        }
        if (!errors.isEmpty()) {
            invalid(ctx, p, errors);
            return;
        }
        Patient updated = record.updateContact(p.id(), new Address(address, city, postcode), phone);
        saved(ctx, updated, "contact", "Contact details updated");
    }

    // ------------------------------------------------------------------ problems

    String problemSection(Patient p) {
        List<Condition> list = record.problems(p.id());
        String items = list.isEmpty() ? "<li class=\"empty\">No problems recorded</li>\n"
                : each(list, c -> "<li>" + esc(c.description())
                        + (c.onset() == null ? "" : " <span class=\"meta\">since " + esc(c.onset().getYear()) + "</span>")
                        + "</li>\n");
        Map<String, String> none = Map.of();
        return """
                <section id="problems" class="card" aria-labelledby="problems-heading">
                  <div class="card-head">
                    <h2 id="problems-heading">Problems</h2>
                    <button type="button" data-toggle="problem-form" aria-expanded="false" aria-controls="problem-form">Add problem</button>
                  </div>
                  <ul id="problem-list" class="entries">
                %s  </ul>
                  <form id="problem-form" class="inline-form js-inline" method="post" action="/patients/%s/problems" novalidate hidden>
                    %s
                    <datalist id="problem-terms">%s</datalist>
                    %s
                    <div class="actions"><button type="submit" class="primary">Save problem</button>
                    <button type="button" class="secondary" data-cancel="problem-form">Cancel</button></div>
                  </form>
                </section>
                """.formatted(items, esc(p.id()),
                Forms.text("problem-form", "problem", "Problem", "", none, "list=\"problem-terms\" autocomplete=\"off\"", null),
                each(PROBLEM_TERMS, t -> "<option value=\"" + esc(t) + "\"></option>"),
                Forms.text("problem-form", "onsetYear", "Year of onset (optional)", "", none,
                        "inputmode=\"numeric\" size=\"4\" maxlength=\"4\"", "For example, 2019"));
    }

    private void addProblem(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String problem = blank(ctx.formParam("problem"));
        String year = blank(ctx.formParam("onsetYear"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem.isEmpty()) {
            errors.put("problem", "Enter the problem, for example Asthma");
        } else if (record.problems(p.id()).stream().anyMatch(x -> x.description().equalsIgnoreCase(problem))) {
            errors.put("problem", problem + " is already on the problem list");
        }
        java.time.LocalDate onset = null;
        if (!year.isEmpty()) {
            if (!year.matches("\\d{4}") || Integer.parseInt(year) < p.birthDate().getYear()
                    || Integer.parseInt(year) > record.today().getYear()) {
                errors.put("onsetYear", "Enter a year between " + p.birthDate().getYear() + " and " + record.today().getYear());
            } else {
                onset = java.time.LocalDate.of(Integer.parseInt(year), 1, 1);
            }
        }
        if (!errors.isEmpty()) {
            invalid(ctx, p, errors);
            return;
        }
        String term = PROBLEM_TERMS.stream().filter(t -> t.equalsIgnoreCase(problem)).findFirst()
                .orElse(problem.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + problem.substring(1));
        record.addProblem(p.id(), term, onset, null, login.user().username());
        saved(ctx, p, "problems", "Problem added: " + term);
    }

    // ------------------------------------------------------------------ medication list

    String medicationSection(Patient p) {
        List<MedicationStatement> active = record.medications(p.id()).stream()
                .filter(m -> m.status().equals("active")).toList();
        List<MedicationStatement> stopped = record.medications(p.id()).stream()
                .filter(m -> m.status().equals("stopped")).toList();
        Map<String, String> none = Map.of();
        String items = active.isEmpty() ? "<li class=\"empty\">No current medications</li>\n"
                : each(active, m -> """
                        <li><span class="med">%s</span>
                          <button type="button" class="small" data-toggle="stop-%s" aria-expanded="false" aria-controls="stop-%s" aria-label="Stop %s">Stop</button>
                          <form id="stop-%s" class="inline-form js-inline" method="post" action="/patients/%s/medications/%s/stop" hidden>
                            %s
                            <div class="actions"><button type="submit" class="danger">Stop medication</button>
                            <button type="button" class="secondary" data-cancel="stop-%s">Cancel</button></div>
                          </form>
                        </li>
                        """.formatted(esc(m.text()), m.id(), m.id(), esc(m.medication()), m.id(), esc(p.id()), m.id(),
                        Forms.select("stop-" + m.id(), "reason", "Reason for stopping " + m.medication(),
                                prepend("", STOP_REASONS), "", none), m.id()));
        String stoppedHtml = stopped.isEmpty() ? "" : "<h3>Stopped</h3><ul class=\"entries stopped\" id=\"stopped-medication-list\">"
                + each(stopped, m -> "<li><s>" + esc(m.text()) + "</s> <span class=\"meta\">" + esc(m.statusReason()) + "</span></li>")
                + "</ul>";
        return """
                <section id="medications" class="card" aria-labelledby="medications-heading">
                  <div class="card-head">
                    <h2 id="medications-heading">Medications</h2>
                    <button type="button" data-toggle="medication-form" aria-expanded="false" aria-controls="medication-form">Add medication</button>
                  </div>
                  <ul id="medication-list" class="entries">
                %s  </ul>
                  %s
                  <form id="medication-form" class="inline-form js-inline" method="post" action="/patients/%s/medications" novalidate hidden>
                    %s
                    <datalist id="medicine-names">%s</datalist>
                    %s%s
                    <div class="actions"><button type="submit" class="primary">Save medication</button>
                    <button type="button" class="secondary" data-cancel="medication-form">Cancel</button></div>
                  </form>
                </section>
                """.formatted(items, stoppedHtml, esc(p.id()),
                Forms.text("medication-form", "medication", "Medicine", "", none, "list=\"medicine-names\" autocomplete=\"off\"", null),
                each(Medicine.CATALOGUE, m -> "<option value=\"" + esc(m.name()) + "\"></option>"),
                Forms.text("medication-form", "dosage", "Dose and frequency", "", none, "autocomplete=\"off\"", "For example, 1 tablet once daily"),
                Forms.select("medication-form", "route", "Route", Medicine.ROUTES, "Oral", none));
    }

    static List<String> prepend(String first, List<String> rest) {
        List<String> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private void addMedication(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String med = blank(ctx.formParam("medication"));
        String dosage = blank(ctx.formParam("dosage"));
        String route = blank(ctx.formParam("route"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (med.isEmpty()) {
            errors.put("medication", "Enter the medicine, for example Atorvastatin 20 mg tablets");
        }
        if (dosage.isEmpty()) {
            errors.put("dosage", "Enter the dose and how often it is taken");
        }
        if (!Medicine.ROUTES.contains(route)) {
            errors.put("route", "Choose a route");
        }
        if (!errors.isEmpty()) {
            invalid(ctx, p, errors);
            return;
        }
        String name = Medicine.find(med).map(Medicine::name).orElse(med);
        record.addMedication(p.id(), name, dosage, route.toLowerCase(java.util.Locale.ROOT), login.user().username(), null);
        saved(ctx, p, "medications", "Medication added: " + name);
    }

    private void stopMedication(Context ctx) {
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String medId = ctx.pathParam("med");
        MedicationStatement m = record.medications(p.id()).stream().filter(x -> x.id().equals(medId)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no medication " + medId));
        String reason = blank(ctx.formParam("reason"));
        if (!STOP_REASONS.contains(reason)) {
            invalid(ctx, p, Map.of("reason", "Choose why the medicine is stopped"));
            return;
        }
        record.stopMedication(m.id(), reason);
        saved(ctx, p, "medications", "Medication stopped: " + m.medication());
    }

    // ------------------------------------------------------------------ prescriptions

    String prescriptionSection(Patient p) {
        List<MedicationRequest> list = record.prescriptions(p.id());
        String items = list.isEmpty() ? "<li class=\"empty\">No prescriptions</li>\n" : each(list, r -> {
            String status = r.dispatch().equals("sent")
                    ? "<span class=\"badge ok\">Sent to " + esc(Pharmacy.byCode(r.pharmacyCode()).map(Pharmacy::label).orElse(r.pharmacyCode())) + "</span>"
                    : "<span class=\"badge\">Not sent</span>";
            String send = r.dispatch().equals("sent") ? "" : """
                    <form class="js-inline inline-send" id="send-%s" method="post" action="/patients/%s/prescriptions/%s/send">
                      <input type="hidden" name="pharmacy" value="%s">
                      <button type="submit" class="small">Send to nominated pharmacy</button>
                    </form>
                    """.formatted(r.id(), esc(p.id()), r.id(), esc(record.nominatedPharmacy(p.id()).map(Pharmacy::code).orElse("")));
            return "<li><strong>" + esc(r.medication()) + "</strong> \u2014 " + esc(r.directions()) + " " + status
                    + (r.detectedIssueIds().isEmpty() ? "" : " <span class=\"badge warn\">Warning overridden</span>") + send + "</li>\n";
        });
        return """
                <section id="prescriptions" class="card" aria-labelledby="prescriptions-heading">
                  <div class="card-head">
                    <h2 id="prescriptions-heading">Prescriptions</h2>
                    <a class="button" href="/patients/%s/prescribe">Prescribe</a>
                  </div>
                  <ul id="prescription-list" class="entries">
                %s  </ul>
                </section>
                """.formatted(esc(p.id()), items);
    }

    private void sendPrescription(Context ctx) {
        Patient p = record.requirePatient(ctx.pathParam("id"));
        MedicationRequest r = record.prescription(ctx.pathParam("rx"))
                .filter(x -> x.patientId().equals(p.id()))
                .orElseThrow(() -> new java.util.NoSuchElementException("no prescription"));
        Pharmacy ph = Pharmacy.byCode(ctx.formParam("pharmacy")).orElse(null);
        if (ph == null) {
            invalid(ctx, p, Map.of("pharmacy", "Choose a pharmacy"));
            return;
        }
        record.sendPrescription(r.id(), ph.code());
        saved(ctx, p, "prescriptions", "Prescription sent to " + ph.name() + ", " + ph.town() + ": " + r.medication());
    }

    // ------------------------------------------------------------------ orders

    String orderSection(Patient p) {
        List<ServiceRequest> list = record.orders(p.id());
        Map<String, String> none = Map.of();
        String items = list.isEmpty() ? "<li class=\"empty\">No orders</li>\n" : each(list, o ->
                "<li><strong>" + esc(o.test()) + "</strong> \u2014 " + esc(o.category().equals("imaging") ? "Imaging" : "Laboratory")
                        + ", " + esc(o.priority()) + " <span class=\"meta\">ordered " + esc(Html.dayMonYearTime(o.authoredOn()))
                        + " by " + esc(o.requester()) + "</span></li>\n");
        String tests = "<option value=\"\">Choose\u2026</option><optgroup label=\"Laboratory\">"
                + each(ServiceRequest.LAB_TESTS, t -> "<option data-category=\"laboratory\">" + esc(t) + "</option>")
                + "</optgroup><optgroup label=\"Imaging\">"
                + each(ServiceRequest.IMAGING_TESTS, t -> "<option data-category=\"imaging\">" + esc(t) + "</option>")
                + "</optgroup>";
        return """
                <section id="orders" class="card" aria-labelledby="orders-heading">
                  <div class="card-head">
                    <h2 id="orders-heading">Orders</h2>
                    <button type="button" data-toggle="order-form" aria-expanded="false" aria-controls="order-form">Order test</button>
                  </div>
                  <ul id="order-list" class="entries">
                %s  </ul>
                  <form id="order-form" class="inline-form js-inline" method="post" action="/patients/%s/orders" novalidate hidden>
                    <div class="field">
                      <label for="order-form-test">Test</label>
                      <select id="order-form-test" name="test" aria-describedby="order-form-test-error">%s</select>
                      <span id="order-form-test-error" class="error-text" hidden></span>
                    </div>
                    %s%s
                    <div class="actions"><button type="submit" class="primary">Place order</button>
                    <button type="button" class="secondary" data-cancel="order-form">Cancel</button></div>
                  </form>
                </section>
                """.formatted(items, esc(p.id()), tests,
                Forms.radios("order-form", "priority", "Priority", List.of("routine|Routine", "urgent|Urgent"), "routine", none),
                Forms.text("order-form", "indication", "Clinical indication", "", none, "autocomplete=\"off\"",
                        "Required for imaging"));
    }

    private void placeOrder(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String test = blank(ctx.formParam("test"));
        String priority = blank(ctx.formParam("priority"));
        String indication = blank(ctx.formParam("indication"));
        Map<String, String> errors = new LinkedHashMap<>();
        String category = ServiceRequest.LAB_TESTS.contains(test) ? "laboratory"
                : ServiceRequest.IMAGING_TESTS.contains(test) ? "imaging" : null;
        if (category == null) {
            errors.put("test", "Choose a test");
        }
        if (!priority.equals("routine") && !priority.equals("urgent")) {
            errors.put("priority", "Choose routine or urgent");
        }
        if ("imaging".equals(category) && indication.isEmpty()) {
            errors.put("indication", "Enter the clinical indication for imaging");
        }
        if (!errors.isEmpty()) {
            invalid(ctx, p, errors);
            return;
        }
        record.order(p.id(), category, test, priority, indication, login.user().username());
        saved(ctx, p, "orders", "Order placed: " + test + " (" + priority + ")");
    }

    // ------------------------------------------------------------------ results

    String resultSection(Patient p) {
        List<LabResult> list = record.results(p.id());
        if (list.isEmpty()) {
            return """
                    <section id="results" class="card wide" aria-labelledby="results-heading">
                      <div class="card-head"><h2 id="results-heading">Results</h2></div>
                      <p class="empty">No results</p>
                    </section>
                    """;
        }
        String rows = each(list, r -> """
                <tr class="%s"><th scope="row">%s</th><td>%s %s</td><td>%s</td><td>%s</td><td class="nowrap">%s</td><td>%s</td></tr>
                """.formatted(r.abnormal() ? "abnormal" : "", esc(r.test()), esc(r.value()), esc(r.unit()),
                esc(r.referenceRange()), esc(r.interpretationText()), esc(Html.dayMonYearTime(r.effective())),
                !r.abnormal() ? "" : r.acknowledged()
                        ? "<span class=\"meta\">Acknowledged by " + esc(r.acknowledgedBy()) + "</span>"
                        : """
                          <form class="js-inline" id="ack-%s" method="post" action="/patients/%s/results/%s/acknowledge">
                            <button type="submit" class="small" aria-label="Acknowledge %s result">Acknowledge</button>
                          </form>""".formatted(r.id(), esc(p.id()), r.id(), esc(r.test()))));
        return """
                <section id="results" class="card wide" aria-labelledby="results-heading">
                  <div class="card-head"><h2 id="results-heading">Results</h2></div>
                  <table id="result-table">
                    <thead><tr><th scope="col">Test</th><th scope="col">Result</th><th scope="col">Reference range</th><th scope="col">Flag</th><th scope="col">Taken</th><th scope="col">Review</th></tr></thead>
                    <tbody>
                %s    </tbody>
                  </table>
                </section>
                """.formatted(rows);
    }

    private void acknowledgeResult(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        LabResult r = record.result(ctx.pathParam("result")).filter(x -> x.patientId().equals(p.id()))
                .orElseThrow(() -> new java.util.NoSuchElementException("no result"));
        record.acknowledgeResult(r.id(), login.user().username());
        saved(ctx, p, "results", "Result acknowledged: " + r.test() + " " + r.value() + " " + r.unit());
    }
}
