package bedside.candidates.legacy;

import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.Interactions;
import bedside.candidates.domain.MedicationRequest;
import bedside.candidates.domain.Medicine;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.Pharmacy;
import bedside.candidates.domain.ServiceRequest;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prescribing (with interaction warning pages), transmission to a pharmacy, laboratory and radiology requests. */
final class LegacyOrderPages {
    /** Frequency codes shown to the user, with the frequency they stand for. */
    static final List<LegacyForms.Opt> FREQUENCIES = List.of(
            new LegacyForms.Opt("Once daily", "OD"), new LegacyForms.Opt("Twice daily", "BD"),
            new LegacyForms.Opt("Three times a day", "TDS"), new LegacyForms.Opt("Four times a day", "QDS"),
            new LegacyForms.Opt("At night", "NOCTE"), new LegacyForms.Opt("Every 4 to 6 hours when required", "Q4-6H PRN"),
            new LegacyForms.Opt("When required", "PRN"));
    static final List<String> OVERRIDE_REASONS = List.of("PATIENT HAS TOLERATED PREVIOUSLY", "BENEFIT OUTWEIGHS RISK",
            "ALLERGY/INTERACTION RECORDED IN ERROR", "OTHER");
    static final String[] FIELDS = {"drug", "dose", "route", "frequency", "duration"};

    private final LegacyCandidate app;
    private final ClinicalRecord record;

    LegacyOrderPages(LegacyCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.get("/orders/prescribe.do", ctx -> prescribeForm(ctx, null, Map.of()));
        routes.post("/orders/prescribe.do", this::prescribe);
        routes.post("/orders/prescribe-cancel.do", this::cancel);
        routes.get("/orders/prescriptions.do", ctx -> prescriptions(ctx, null));
        routes.get("/orders/transmit.do", ctx -> transmitForm(ctx, null));
        routes.post("/orders/transmit.do", this::transmit);
        routes.get("/orders/lab-request.do", ctx -> requestForm(ctx, "laboratory", null, Map.of()));
        routes.post("/orders/lab-request.do", ctx -> saveRequest(ctx, "laboratory"));
        routes.get("/orders/radiology-request.do", ctx -> requestForm(ctx, "imaging", null, Map.of()));
        routes.post("/orders/radiology-request.do", ctx -> saveRequest(ctx, "imaging"));
        routes.get("/orders/requests.do", this::requestHistory);
    }

    private Patient patientOrNoPage(Context ctx, Login login, String title) {
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(LegacyClinicalPages.noPatient(login, title));
        }
        return p;
    }

    // ------------------------------------------------------------------ prescribe

    private void prescribeForm(Context ctx, String error, Map<String, String> v) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "New Prescription");
        if (p == null || app.alertGate(ctx, p)) {
            return;
        }
        String rows = LegacyForms.row("drug", "Drug", true,
                LegacyForms.select("drug", LegacyForms.upper(Medicine.CATALOGUE.stream().map(Medicine::name).toList()), v.getOrDefault("drug", "")))
                + LegacyForms.row("dose", "Dose", true, LegacyForms.text("dose", v.get("dose"), 10))
                + LegacyForms.row("route", "Route", true, LegacyForms.select("route",
                        LegacyMedicationPages.ROUTES.stream().map(LegacyForms.Opt::same).toList(), v.getOrDefault("route", "")))
                + LegacyForms.row("frequency", "Frequency", true, LegacyForms.select("frequency", FREQUENCIES, v.getOrDefault("frequency", "")))
                + LegacyForms.row("duration", "Duration (days)", true, LegacyForms.text("duration", v.get("duration"), 4));
        ctx.html(LegacyLayout.page("New Prescription", login, p, LegacyForms.entry("New Prescription", error,
                "/orders/prescribe.do", LegacyForms.hidden("patientId", p.id()), rows, "/main.do")));
    }

    private Map<String, String> values(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            v.put(f, LegacyForms.trim(ctx.formParam(f)));
        }
        return v;
    }

    private static Medicine medicine(String drug) {
        return Medicine.CATALOGUE.stream().filter(m -> m.name().equalsIgnoreCase(drug)).findFirst().orElse(null);
    }

    private static boolean valid(Map<String, String> v) {
        return medicine(v.get("drug")) != null && !v.get("dose").isEmpty()
                && LegacyMedicationPages.ROUTES.contains(v.get("route"))
                && FREQUENCIES.stream().anyMatch(f -> f.value().equals(v.get("frequency")))
                && v.get("duration").matches("\\d{1,3}") && Integer.parseInt(v.get("duration")) >= 1
                && Integer.parseInt(v.get("duration")) <= 365;
    }

    private void prescribe(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        login.selectPatient(p.id());
        Map<String, String> v = values(ctx);
        if (!valid(v)) {
            prescribeForm(ctx, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        Medicine m = medicine(v.get("drug"));
        List<Interactions.Finding> findings = record.checkPrescription(p.id(), m.name());
        String reason = null;
        if (!findings.isEmpty()) {
            boolean overriding = "override".equals(ctx.formParam("stage"));
            String chosen = LegacyForms.trim(ctx.formParam("overrideReason"));
            if (!overriding || !OVERRIDE_REASONS.contains(chosen)) {
                warningPage(ctx, login, p, v, findings, overriding ? LegacyCandidate.INVALID_INPUT : null);
                return;
            }
            reason = chosen.charAt(0) + chosen.substring(1).toLowerCase(Locale.ROOT);
        }
        record.prescribe(p.id(), m.name(), v.get("dose"), v.get("route").charAt(0) + v.get("route").substring(1).toLowerCase(Locale.ROOT),
                v.get("frequency"), Integer.parseInt(v.get("duration")), login.user().username(), null, reason);
        login.flash("Prescription saved. Status: PENDING.");
        ctx.redirect("/orders/prescriptions.do", HttpStatus.SEE_OTHER);
    }

    private void warningPage(Context ctx, Login login, Patient p, Map<String, String> v, List<Interactions.Finding> findings,
            String error) {
        boolean allergy = findings.stream().anyMatch(f -> f.kind().equals("drug-allergy"));
        String hidden = LegacyForms.hidden("patientId", p.id()) + each(List.of(FIELDS), f -> LegacyForms.hidden(f, v.get(f)));
        ctx.html(LegacyLayout.page("Warning", login, p, """
                <h1>*** %s ***</h1>
                %s
                <div class="alertbox" role="alert" id="order-warning">
                  <table class="grid">
                    <thead><tr><th>Type</th><th>Severity</th><th>Details</th></tr></thead>
                    <tbody>%s</tbody>
                  </table>
                </div>
                <form method="post" action="/orders/prescribe.do">
                  %s
                  <table class="form">
                    %s
                    <tr><td></td><td><button type="submit" name="stage" value="override" onclick="return confirm('Are you sure you want to override this warning?');">Override</button>
                    <button type="submit" formaction="/orders/prescribe-cancel.do">Cancel Order</button></td></tr>
                  </table>
                </form>
                """.formatted(allergy ? "DRUG ALLERGY WARNING" : "DRUG INTERACTION WARNING", LegacyLayout.error(error),
                each(findings, f -> "<tr><td>" + esc(f.kind().toUpperCase(Locale.ROOT)) + "</td><td>" + esc(f.severity().toUpperCase(Locale.ROOT))
                        + "</td><td>" + esc(f.detail()) + "</td></tr>"),
                hidden, LegacyForms.row("overrideReason", "Override Reason", true, LegacyForms.select("overrideReason",
                        OVERRIDE_REASONS.stream().map(LegacyForms.Opt::same).toList(), "")))));
    }

    private void cancel(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        Medicine m = medicine(LegacyForms.trim(ctx.formParam("drug")));
        if (m != null) {
            record.cancelPrescription(p.id(), m.name(), login.user().username());
        }
        login.flash("Order cancelled.");
        ctx.redirect("/orders/prescriptions.do", HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ transmit

    private static String pharmacyText(Pharmacy ph) {
        return (ph.name() + ", " + ph.town()).toUpperCase(Locale.ROOT) + " (" + ph.code() + ")";
    }

    private void prescriptions(Context ctx, String error) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Outstanding Prescriptions");
        if (p == null) {
            return;
        }
        List<MedicationRequest> list = record.prescriptions(p.id());
        String rows = list.isEmpty() ? "<tr><td colspan=\"6\">No records found.</td></tr>\n" : each(list, r -> """
                <tr><td class="sel">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                """.formatted(r.dispatch().equals("sent") ? "" : "<input type=\"radio\" name=\"rxId\" value=\"" + esc(r.id())
                        + "\" aria-label=\"Select " + esc(r.medication().toUpperCase(Locale.ROOT)) + "\">",
                esc(r.medication().toUpperCase(Locale.ROOT)), esc(r.directions()),
                r.dispatch().equals("sent") ? "TRANSMITTED" : "PENDING",
                esc(r.pharmacyCode() == null ? "" : Pharmacy.byCode(r.pharmacyCode()).map(LegacyOrderPages::pharmacyText).orElse("")),
                esc(Html.slashedTime(r.authoredOn()))));
        ctx.html(LegacyLayout.page("Outstanding Prescriptions", login, p, """
                <h1>Outstanding Prescriptions</h1>
                %s%s
                <form method="get" action="/orders/transmit.do">
                <table class="grid" id="prescription-table">
                  <thead><tr><th>Sel</th><th>Drug</th><th>Directions</th><th>Status</th><th>Pharmacy</th><th>Date</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                <div class="buttons"><button type="submit">Transmit</button></div>
                </form>
                """.formatted(LegacyLayout.error(error), LegacyLayout.message(login.takeFlash()), rows)));
    }

    private void transmitForm(Context ctx, String error) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Transmit Prescription");
        if (p == null) {
            return;
        }
        String id = ctx.queryParam("rxId") != null ? ctx.queryParam("rxId") : ctx.formParam("rxId");
        MedicationRequest r = id == null ? null : record.prescription(id)
                .filter(x -> x.patientId().equals(p.id()) && !x.dispatch().equals("sent")).orElse(null);
        if (r == null) {
            prescriptions(ctx, LegacyCandidate.INVALID_INPUT);
            return;
        }
        String nominated = record.nominatedPharmacy(p.id()).map(LegacyOrderPages::pharmacyText).orElse("NONE");
        String rows = "<tr><td>Drug</td><td><b>" + esc(r.medication().toUpperCase(Locale.ROOT)) + "</b> " + esc(r.directions()) + "</td></tr>\n"
                + "<tr><td>Nominated Pharmacy</td><td>" + esc(nominated) + "</td></tr>\n"
                + LegacyForms.row("pharmacy", "Pharmacy", true, LegacyForms.select("pharmacy",
                        Pharmacy.ALL.stream().map(ph -> new LegacyForms.Opt(ph.code(), pharmacyText(ph))).toList(), ""));
        ctx.html(LegacyLayout.page("Transmit Prescription", login, p, "<h1>Transmit Prescription</h1>\n" + LegacyLayout.error(error)
                + LegacyForms.form("/orders/transmit.do", "Are you sure you want to transmit this prescription?",
                        LegacyForms.hidden("rxId", r.id()), rows,
                        "<button type=\"submit\">Submit</button> <a class=\"btn\" href=\"/orders/prescriptions.do\">Cancel</a>")));
    }

    private void transmit(Context ctx) {
        Login login = Logins.of(ctx);
        MedicationRequest r = record.prescription(LegacyForms.trim(ctx.formParam("rxId")))
                .orElseThrow(() -> new java.util.NoSuchElementException("no prescription"));
        login.selectPatient(r.patientId());
        Pharmacy ph = Pharmacy.byCode(ctx.formParam("pharmacy")).orElse(null);
        if (ph == null || r.dispatch().equals("sent")) {
            transmitForm(ctx, LegacyCandidate.INVALID_INPUT);
            return;
        }
        record.sendPrescription(r.id(), ph.code());
        login.flash("Prescription transmitted.");
        ctx.redirect("/orders/prescriptions.do", HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ requests

    private void requestForm(Context ctx, String category, String error, Map<String, String> v) {
        Login login = Logins.of(ctx);
        boolean lab = category.equals("laboratory");
        String title = lab ? "Laboratory Request" : "Radiology Request";
        Patient p = patientOrNoPage(ctx, login, title);
        if (p == null) {
            return;
        }
        String rows = LegacyForms.row("test", lab ? "Test" : "Examination", true, LegacyForms.select("test",
                LegacyForms.upper(lab ? ServiceRequest.LAB_TESTS : ServiceRequest.IMAGING_TESTS), v.getOrDefault("test", "")))
                + LegacyForms.row("priority", "Priority", true, LegacyForms.select("priority",
                        List.of(LegacyForms.Opt.same("ROUTINE"), LegacyForms.Opt.same("URGENT")), v.getOrDefault("priority", "")))
                + LegacyForms.row("clinicalDetails", "Clinical Details", !lab, LegacyForms.textarea("clinicalDetails", v.get("clinicalDetails")));
        ctx.html(LegacyLayout.page(title, login, p, "<h1>" + title + "</h1>\n" + LegacyLayout.error(error)
                + LegacyForms.form(lab ? "/orders/lab-request.do" : "/orders/radiology-request.do",
                        "Are you sure you want to submit this request?", LegacyForms.hidden("patientId", p.id()), rows,
                        "<button type=\"submit\">Submit</button> <a class=\"btn\" href=\"/main.do\">Cancel</a>")));
    }

    private void saveRequest(Context ctx, String category) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        login.selectPatient(p.id());
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : List.of("test", "priority", "clinicalDetails")) {
            v.put(f, LegacyForms.trim(ctx.formParam(f)));
        }
        List<String> tests = category.equals("laboratory") ? ServiceRequest.LAB_TESTS : ServiceRequest.IMAGING_TESTS;
        String test = tests.stream().filter(t -> t.equalsIgnoreCase(v.get("test"))).findFirst().orElse(null);
        boolean ok = test != null && (v.get("priority").equals("ROUTINE") || v.get("priority").equals("URGENT"))
                && (category.equals("laboratory") || !v.get("clinicalDetails").isEmpty());
        if (!ok) {
            requestForm(ctx, category, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        record.order(p.id(), category, test, v.get("priority").toLowerCase(Locale.ROOT), v.get("clinicalDetails"), login.user().username());
        login.flash("Request submitted.");
        ctx.redirect("/orders/requests.do", HttpStatus.SEE_OTHER);
    }

    private void requestHistory(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Request History");
        if (p == null) {
            return;
        }
        List<ServiceRequest> list = record.orders(p.id());
        String rows = list.isEmpty() ? "<tr><td colspan=\"6\">No records found.</td></tr>\n" : each(list, o -> """
                <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                """.formatted(o.category().equals("imaging") ? "RADIOLOGY" : "LABORATORY", esc(o.test().toUpperCase(Locale.ROOT)),
                esc(o.priority().toUpperCase(Locale.ROOT)), "REQUESTED", esc(Html.slashedTime(o.authoredOn())),
                esc(o.requester().toUpperCase(Locale.ROOT))));
        ctx.html(LegacyLayout.page("Request History", login, p, """
                <h1>Request History</h1>
                %s
                <table class="grid" id="request-table">
                  <thead><tr><th>Department</th><th>Test</th><th>Priority</th><th>Status</th><th>Date</th><th>Requested By</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                """.formatted(LegacyLayout.message(login.takeFlash()), rows)));
    }
}
