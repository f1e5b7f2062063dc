package bedside.candidates.streamlined;

import static bedside.candidates.streamlined.StreamlinedChart.blank;
import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.Address;
import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.IncomingMedication;
import bedside.candidates.domain.Interactions;
import bedside.candidates.domain.MedicationRequest;
import bedside.candidates.domain.MedicationStatement;
import bedside.candidates.domain.Medicine;
import bedside.candidates.domain.NhsNumber;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.Pharmacy;
import bedside.candidates.domain.Sex;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pages of their own: register a patient, prescribe, reconcile discharge medicines. */
final class StreamlinedWorkflows {
    static final List<String> OVERRIDE_REASONS = List.of("Patient has tolerated this medicine before",
            "Benefit outweighs the risk; will monitor", "Allergy or interaction recorded in error", "Other");

    private final StreamlinedCandidate app;
    private final ClinicalRecord record;

    StreamlinedWorkflows(StreamlinedCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.get("/patients/new", ctx -> registerPage(ctx, Map.of(), Map.of()));
        routes.post("/patients/new", this::registerPatient);
        routes.get("/patients/{id}/prescribe", ctx -> prescribePage(ctx, Map.of(), Map.of()));
        routes.post("/patients/{id}/prescribe", this::prescribe);
        routes.post("/patients/{id}/prescribe/cancel", this::cancelPrescription);
        routes.get("/api/patients/{id}/prescribing-check", this::prescribingCheck);
        routes.get("/patients/{id}/reconcile", ctx -> reconcilePage(ctx, Map.of(), Map.of()));
        routes.post("/patients/{id}/reconcile", this::reconcile);
    }

    private static String errorSummary(Map<String, String> errors, String formId) {
        if (errors.isEmpty()) {
            return "";
        }
        return "<div class=\"alert\" role=\"alert\" id=\"error-summary\"><h2>There is a problem</h2><ul>"
                + each(errors.entrySet(), e -> "<li><a href=\"#" + formId + "-" + esc(e.getKey()) + "\">" + esc(e.getValue())
                        + "</a></li>") + "</ul></div>";
    }

    // ------------------------------------------------------------------ register

    private void registerPage(Context ctx, Map<String, String> v, Map<String, String> errors) {
        Login login = Logins.of(ctx);
        String f = "register";
        if (!errors.isEmpty()) {
            ctx.status(422);
        }
        ctx.html(StreamlinedLayout.page("Register a patient", login, """
                <h1>Register a patient</h1>
                %s
                <form id="register" method="post" action="/patients/new" class="card narrow" novalidate>
                  %s%s%s%s%s%s%s%s%s
                  <div class="actions"><button type="submit" class="primary">Register patient</button>
                  <a href="/" class="button secondary">Cancel</a></div>
                </form>
                """.formatted(errorSummary(errors, f),
                Forms.text(f, "givenName", "First name", v.get("givenName"), errors, "autocomplete=\"given-name\"", null),
                Forms.text(f, "familyName", "Last name", v.get("familyName"), errors, "autocomplete=\"family-name\"", null),
                Forms.text(f, "birthDate", "Date of birth", v.get("birthDate"), errors, "autocomplete=\"bday\" size=\"10\"", "For example, 14/04/1986"),
                Forms.radios(f, "sex", "Sex", List.of("female|Female", "male|Male", "other|Other", "unknown|Not known"), v.get("sex"), errors),
                Forms.text(f, "nhsNumber", "NHS number", v.get("nhsNumber"), errors, "inputmode=\"numeric\" size=\"12\"", "10 digits, for example 999 123 4567"),
                Forms.text(f, "address", "Address", v.get("address"), errors, "autocomplete=\"address-line1\"", null),
                Forms.text(f, "city", "Town or city", v.get("city"), errors, "autocomplete=\"address-level2\"", null),
                Forms.text(f, "postcode", "Postcode", v.get("postcode"), errors, "autocomplete=\"postal-code\" size=\"9\"", null),
                Forms.text(f, "phone", "Phone number (optional)", v.get("phone"), errors, "type=\"tel\" autocomplete=\"tel\"", null))));
    }

    private void registerPatient(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String k : List.of("givenName", "familyName", "birthDate", "sex", "nhsNumber", "address", "city", "postcode", "phone")) {
            v.put(k, blank(ctx.formParam(k)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (v.get("givenName").isEmpty()) {
            errors.put("givenName", "Enter the first name");
        }
        if (v.get("familyName").isEmpty()) {
            errors.put("familyName", "Enter the last name");
        }
        LocalDate born = Html.parseSlashed(v.get("birthDate"));
        if (born == null) {
            try {
                born = v.get("birthDate").matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(v.get("birthDate")) : null;
            } catch (java.time.format.DateTimeParseException e) {
                born = null;
            }
        }
        if (born == null) {
            errors.put("birthDate", "Enter the date of birth as day/month/year, for example 14/04/1986");
        } else if (born.isAfter(record.today()) || born.isBefore(LocalDate.of(1900, 1, 1))) {
            errors.put("birthDate", "Date of birth must be in the past");
        }
        Sex sex = Sex.parse(v.get("sex"));
        if (sex == null) {
            errors.put("sex", "Choose the patient's sex");
        }
        String nhs = NhsNumber.normalise(v.get("nhsNumber"));
        if (nhs == null) {
            errors.put("nhsNumber", "Enter an NHS number of 10 digits");
        } else if (!NhsNumber.isValid(nhs)) {
            errors.put("nhsNumber", "This is not a valid NHS number: check the digits");
        } else if (record.patientByNhsNumber(nhs).isPresent()) {
            errors.put("nhsNumber", "A patient with this NHS number is already registered: "
                    + record.patientByNhsNumber(nhs).get().fullName());
        }
        if (v.get("address").isEmpty()) {
            errors.put("address", "Enter the first line of the address");
        }
        if (v.get("city").isEmpty()) {
            errors.put("city", "Enter the town or city");
        }
        if (!v.get("postcode").matches(StreamlinedChart.POSTCODE)) {
            errors.put("postcode", "Enter a real postcode, like LS1 4AP");
        }
        if (!v.get("phone").isEmpty() && !v.get("phone").matches(StreamlinedChart.PHONE)) {
            errors.put("phone", "Enter a phone number, like 0113 496 0000 or 07700 900000");
        }
        if (!errors.isEmpty()) {
            registerPage(ctx, v, errors);
            return;
        }
        Patient p = record.registerPatient(nhs, v.get("givenName"), v.get("familyName"), sex, born,
                new Address(v.get("address"), v.get("city"), v.get("postcode").toUpperCase(Locale.ROOT)), v.get("phone"));
        ctx.redirect("/patients/" + p.id() + "?status=" + Html.url("Patient registered: " + p.fullName()), HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ prescribe

    String warningsPanel(List<Interactions.Finding> findings, String reason, String error) {
        if (findings.isEmpty()) {
            return "";
        }
        String f = "prescribe";
        Map<String, String> errors = error == null ? Map.of() : Map.of("overrideReason", error);
        return """
                <div class="warning-panel" id="prescribe-warnings" role="alert">
                  <h2>Check before prescribing</h2>
                  <ul>%s</ul>
                  %s
                  <div class="actions">
                    <button type="submit" formaction="%s" formnovalidate class="secondary" id="cancel-prescription">Cancel prescription</button>
                  </div>
                </div>
                """.formatted(each(findings, x -> "<li><strong>" + esc(x.title()) + ":</strong> " + esc(x.detail()) + "</li>"),
                Forms.select(f, "overrideReason", "Override reason", StreamlinedChart.prepend("", OVERRIDE_REASONS),
                        reason == null ? "" : reason, errors), "CANCEL_ACTION");
    }

    private String warnings(Patient p, List<Interactions.Finding> findings, String reason, String error) {
        return warningsPanel(findings, reason, error).replace("CANCEL_ACTION", "/patients/" + p.id() + "/prescribe/cancel");
    }

    private void prescribePage(Context ctx, Map<String, String> v, Map<String, String> errors) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String f = "prescribe";
        String med = v.getOrDefault("medication", "");
        List<Interactions.Finding> findings = med.isEmpty() ? List.of() : record.checkPrescription(p.id(), med);
        String nominated = record.nominatedPharmacy(p.id()).map(Pharmacy::code).orElse("");
        String pharmacy = v.getOrDefault("pharmacy", nominated);
        StringBuilder pharmacies = new StringBuilder();
        for (Pharmacy ph : Pharmacy.ALL) {
            pharmacies.append("<option value=\"").append(ph.code()).append("\"").append(ph.code().equals(pharmacy) ? " selected" : "")
                    .append(">").append(esc(ph.label())).append(ph.code().equals(nominated) ? " \u2014 nominated" : "").append("</option>");
        }
        pharmacies.append("<option value=\"\"").append(pharmacy.isEmpty() ? " selected" : "").append(">Do not send (print)</option>");
        if (!errors.isEmpty()) {
            ctx.status(422);
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>(errors);
        String overrideError = fieldErrors.remove("overrideReason");
        ctx.html(StreamlinedLayout.page("Prescribe for " + p.fullName(), login, StreamlinedPages.miniBanner(p, record) + """
                <h1>Prescribe</h1>
                %s
                <form id="prescribe" method="post" action="/patients/%s/prescribe" class="card narrow" novalidate
                      data-check-url="/api/patients/%s/prescribing-check">
                  %s
                  <datalist id="prescribable">%s</datalist>
                  <div id="prescribe-warnings-slot">%s</div>
                  %s%s%s%s
                  <div class="field">
                    <label for="prescribe-pharmacy">Send to pharmacy</label>
                    <select id="prescribe-pharmacy" name="pharmacy">%s</select>
                  </div>
                  <div class="actions"><button type="submit" class="primary">Prescribe and send</button>
                  <a href="/patients/%s" class="button secondary">Back to chart</a></div>
                </form>
                """.formatted(errorSummary(errors, f), esc(p.id()), esc(p.id()),
                Forms.text(f, "medication", "Medicine", med, fieldErrors, "list=\"prescribable\" autocomplete=\"off\"", null),
                each(Medicine.CATALOGUE, m -> "<option value=\"" + esc(m.name()) + "\"></option>"),
                warnings(p, findings, v.get("overrideReason"), overrideError),
                Forms.text(f, "dose", "Dose", v.get("dose"), fieldErrors, "autocomplete=\"off\"", "For example, 500 mg"),
                Forms.select(f, "route", "Route", Medicine.ROUTES, v.getOrDefault("route", "Oral"), fieldErrors),
                Forms.select(f, "frequency", "Frequency", StreamlinedChart.prepend("", Medicine.FREQUENCIES), v.getOrDefault("frequency", ""), fieldErrors),
                Forms.text(f, "days", "Duration (days)", v.get("days"), fieldErrors, "inputmode=\"numeric\" size=\"4\"", null),
                pharmacies, esc(p.id()))));
    }

    private void prescribe(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        Map<String, String> v = new LinkedHashMap<>();
        for (String k : List.of("medication", "dose", "route", "frequency", "days", "pharmacy", "overrideReason")) {
            v.put(k, blank(ctx.formParam(k)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Medicine m = Medicine.find(v.get("medication")).orElse(null);
        if (m == null) {
            errors.put("medication", "Choose a medicine from the list");
        } else {
            v.put("medication", m.name());
        }
        if (v.get("dose").isEmpty()) {
            errors.put("dose", "Enter the dose");
        }
        if (!Medicine.ROUTES.contains(v.get("route"))) {
            errors.put("route", "Choose a route");
        }
        if (!Medicine.FREQUENCIES.contains(v.get("frequency"))) {
            errors.put("frequency", "Choose how often");
        }
        int days = 0;
        if (!v.get("days").matches("\\d{1,3}") || (days = Integer.parseInt(v.get("days"))) < 1 || days > 365) {
            errors.put("days", "Enter the duration in days, from 1 to 365");
        }
        String pharmacy = v.get("pharmacy").isEmpty() ? null : v.get("pharmacy");
        if (pharmacy != null && Pharmacy.byCode(pharmacy).isEmpty()) {
            errors.put("pharmacy", "Choose a pharmacy");
        }
        if (m != null && !record.checkPrescription(p.id(), m.name()).isEmpty()
                && !OVERRIDE_REASONS.contains(v.get("overrideReason"))) {
            errors.put("overrideReason", "Choose a reason to override the warning, or cancel the prescription");
        }
        if (!errors.isEmpty()) {
            prescribePage(ctx, v, errors);
            return;
        }
        MedicationRequest r = record.prescribe(p.id(), m.name(), v.get("dose"), v.get("route"), v.get("frequency"), days,
                login.user().username(), pharmacy, v.get("overrideReason").isEmpty() ? null : v.get("overrideReason"));
        String message = pharmacy == null ? "Prescription issued (not sent): " + r.medication()
                : "Prescription sent to " + Pharmacy.byCode(pharmacy).map(ph -> ph.name() + ", " + ph.town()).orElse(pharmacy)
                        + ": " + r.medication();
        ctx.redirect("/patients/" + p.id() + "?status=" + Html.url(message) + "#prescriptions", HttpStatus.SEE_OTHER);
    }

    private void cancelPrescription(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String med = Medicine.find(ctx.formParam("medication")).map(Medicine::name).orElse(blank(ctx.formParam("medication")));
        if (!med.isEmpty()) {
            record.cancelPrescription(p.id(), med, login.user().username());
        }
        String message = med.isEmpty() ? "Prescription cancelled" : "Prescription cancelled: " + med;
        ctx.redirect("/patients/" + p.id() + "?status=" + Html.url(message) + "#prescriptions", HttpStatus.SEE_OTHER);
    }

    private void prescribingCheck(Context ctx) {
        Patient p = record.requirePatient(ctx.pathParam("id"));
        ObjectNode body = app.mapper().createObjectNode();
        Medicine m = Medicine.find(ctx.queryParam("medication")).orElse(null);
        if (m != null) {
            ObjectNode d = body.putObject("defaults");
            d.put("medication", m.name());
            d.put("dose", m.dose());
            d.put("route", m.route());
            d.put("frequency", m.frequency());
            d.put("days", String.valueOf(m.days()));
            List<Interactions.Finding> findings = record.checkPrescription(p.id(), m.name());
            var list = body.putArray("warnings");
            findings.forEach(f -> list.addObject().put("title", f.title()).put("detail", f.detail()).put("kind", f.kind()));
            body.put("warningsHtml", warnings(p, findings, null, null));
        } else {
            body.putArray("warnings");
            body.put("warningsHtml", "");
        }
        app.writeJson(ctx, body);
    }

    // ------------------------------------------------------------------ reconcile

    private void reconcilePage(Context ctx, Map<String, String> chosen, Map<String, String> errors) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        List<IncomingMedication> items = record.incomingMedications(p.id());
        List<MedicationStatement> current = record.medications(p.id()).stream().filter(m -> m.status().equals("active")).toList();
        if (!errors.isEmpty()) {
            ctx.status(422);
        }
        String rows = each(items, i -> {
            String onList = current.stream()
                    .filter(c -> Medicine.ingredientOf(c.medication()).equalsIgnoreCase(Medicine.ingredientOf(i.medication())))
                    .map(MedicationStatement::text).findFirst().orElse("Not on list");
            String change = switch (i.change()) {
                case "new" -> "<span class=\"badge warn\">New</span>";
                case "changed" -> "<span class=\"badge warn\">Changed</span>";
                default -> "<span class=\"badge\">Unchanged</span>";
            };
            String decision;
            if (!i.pending()) {
                decision = "<span class=\"badge ok\">" + (i.decision().equals("accepted") ? "Accepted" : "Rejected") + "</span>";
            } else {
                Map<String, String> e = errors.containsKey(i.id()) ? Map.of(i.id(), errors.get(i.id())) : Map.of();
                decision = Forms.radios("reconcile", i.id(), "Decision for " + i.medication(),
                        List.of("accept|Accept", "reject|Reject"), chosen.get(i.id()), e);
            }
            return """
                    <tr><th scope="row">%s<br><span class="meta">%s, %s</span></th><td>%s<br><span class="meta">%s</span></td><td>%s</td><td>%s</td></tr>
                    """.formatted(esc(i.medication()), esc(i.dosage()), esc(i.route()), change, esc(i.note()), esc(onList), decision);
        });
        ctx.html(StreamlinedLayout.page("Reconcile medicines", login, StreamlinedPages.miniBanner(p, record) + """
                <h1>Reconcile discharge medicines</h1>
                <p>From: %s</p>
                %s
                <form id="reconcile" method="post" action="/patients/%s/reconcile" class="card" novalidate>
                  <table id="reconcile-table">
                    <thead><tr><th scope="col">Discharge medicine</th><th scope="col">Change</th><th scope="col">Current medication list</th><th scope="col">Decision</th></tr></thead>
                    <tbody>
                %s    </tbody>
                  </table>
                  <div class="actions"><button type="submit" class="primary">Complete reconciliation</button>
                  <a href="/patients/%s" class="button secondary">Back to chart</a></div>
                </form>
                """.formatted(esc(items.isEmpty() ? "No incoming medication list" : items.get(0).source()),
                errors.isEmpty() ? "" : "<div class=\"alert\" role=\"alert\">Choose accept or reject for every medicine.</div>",
                esc(p.id()), rows, esc(p.id()))));
    }

    private void reconcile(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (IncomingMedication i : record.incomingMedications(p.id())) {
            if (!i.pending()) {
                continue;
            }
            String d = blank(ctx.formParam(i.id()));
            if (d.equals("accept") || d.equals("reject")) {
                chosen.put(i.id(), d);
            } else {
                errors.put(i.id(), "Choose accept or reject for " + i.medication());
            }
        }
        if (!errors.isEmpty()) {
            reconcilePage(ctx, chosen, errors);
            return;
        }
        int accepted = 0;
        int rejected = 0;
        for (var e : chosen.entrySet()) {
            boolean accept = e.getValue().equals("accept");
            record.reconcile(e.getKey(), accept, login.user().username());
            if (accept) {
                accepted++;
            } else {
                rejected++;
            }
        }
        String message = "Medicines reconciled: " + accepted + " accepted, " + rejected + " rejected";
        ctx.redirect("/patients/" + p.id() + "?status=" + Html.url(message) + "#medications", HttpStatus.SEE_OTHER);
    }
}
