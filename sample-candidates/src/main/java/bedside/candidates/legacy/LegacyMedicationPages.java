package bedside.candidates.legacy;

import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.IncomingMedication;
import bedside.candidates.domain.MedicationStatement;
import bedside.candidates.domain.Medicine;
import bedside.candidates.domain.Patient;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;

/** Medication list (new entry, discontinue) and medication reconciliation, one item per page. */
final class LegacyMedicationPages {
    static final List<String> STOP_REASONS = List.of("COURSE COMPLETED", "ADVERSE EFFECT", "NO LONGER REQUIRED",
            "CHANGED TO ALTERNATIVE", "PATIENT DECLINED", "OTHER");
    static final List<String> ROUTES = Medicine.ROUTES.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();

    private final LegacyCandidate app;
    private final ClinicalRecord record;

    LegacyMedicationPages(LegacyCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.get("/clinical/medications.do", ctx -> list(ctx, null));
        routes.get("/clinical/medication-edit.do", ctx -> entryForm(ctx, null, new String[3]));
        routes.post("/clinical/medication-edit.do", this::saveEntry);
        routes.get("/clinical/medication-stop.do", this::stopForm);
        routes.post("/clinical/medication-stop.do", this::stop);
        routes.get("/clinical/reconcile.do", this::reconcileList);
        routes.get("/clinical/reconcile-item.do", ctx -> reconcileItem(ctx, null));
        routes.post("/clinical/reconcile-item.do", this::reconcileSave);
    }

    private Patient patientOrNoPage(Context ctx, Login login, String title) {
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(LegacyClinicalPages.noPatient(login, title));
        }
        return p;
    }

    private void list(Context ctx, String error) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Medication List");
        if (p == null || app.alertGate(ctx, p)) {
            return;
        }
        List<MedicationStatement> meds = record.medications(p.id());
        String rows = meds.isEmpty() ? "<tr><td colspan=\"7\">No records found.</td></tr>\n" : each(meds, m -> """
                <tr><td class="sel">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                """.formatted(m.status().equals("active")
                        ? "<input type=\"radio\" name=\"medId\" value=\"" + esc(m.id()) + "\" id=\"sel-" + esc(m.id())
                                + "\" aria-label=\"Select " + esc(m.medication().toUpperCase(Locale.ROOT)) + "\">" : "",
                esc(m.medication().toUpperCase(Locale.ROOT)), esc(m.dosage()), esc(m.route() == null ? "" : m.route().toUpperCase(Locale.ROOT)),
                esc(m.status().equals("active") ? "CURRENT" : "DISCONTINUED"), esc(Html.slashedTime(m.dateAsserted())),
                esc(m.statusReason())));
        ctx.html(LegacyLayout.page("Medication List", login, p, """
                <h1>Medication List</h1>
                %s%s
                <form method="get" action="/clinical/medication-stop.do">
                <table class="grid" id="medication-table">
                  <thead><tr><th>Sel</th><th>Drug</th><th>Dosage</th><th>Route</th><th>Status</th><th>Entered</th><th>Reason</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                <div class="buttons"><button type="submit">Discontinue</button>
                <button type="submit" formaction="/clinical/medication-edit.do">New Entry</button></div>
                </form>
                """.formatted(LegacyLayout.error(error), LegacyLayout.message(login.takeFlash()), rows)));
    }

    private void entryForm(Context ctx, String error, String[] v) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Medication Entry");
        if (p == null) {
            return;
        }
        String rows = LegacyForms.row("drug", "Drug", true,
                LegacyForms.select("drug", LegacyForms.upper(Medicine.CATALOGUE.stream().map(Medicine::name).toList()), v[0]))
                + LegacyForms.row("dosage", "Dosage", true, LegacyForms.text("dosage", v[1], 30))
                + LegacyForms.row("route", "Route", true, LegacyForms.select("route", ROUTES.stream().map(LegacyForms.Opt::same).toList(), v[2]));
        ctx.html(LegacyLayout.page("Medication Entry", login, p, LegacyForms.entry("Medication Entry", error,
                "/clinical/medication-edit.do", LegacyForms.hidden("patientId", p.id()), rows, "/clinical/medications.do")));
    }

    private void saveEntry(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        login.selectPatient(p.id());
        String[] v = {LegacyForms.trim(ctx.formParam("drug")), LegacyForms.trim(ctx.formParam("dosage")),
            LegacyForms.trim(ctx.formParam("route"))};
        Medicine m = Medicine.CATALOGUE.stream().filter(x -> x.name().equalsIgnoreCase(v[0])).findFirst().orElse(null);
        if (m == null || v[1].isEmpty() || !ROUTES.contains(v[2])) {
            entryForm(ctx, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        record.addMedication(p.id(), m.name(), v[1], v[2].toLowerCase(Locale.ROOT), login.user().username(), null);
        login.flash("Record saved.");
        ctx.redirect("/clinical/medications.do", HttpStatus.SEE_OTHER);
    }

    private MedicationStatement activeMedication(Patient p, String id) {
        return record.medications(p.id()).stream().filter(m -> m.id().equals(id) && m.status().equals("active"))
                .findFirst().orElse(null);
    }

    private void stopForm(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Discontinue Medication");
        if (p == null) {
            return;
        }
        MedicationStatement m = activeMedication(p, LegacyForms.trim(ctx.queryParam("medId")));
        if (m == null) {
            list(ctx, LegacyCandidate.INVALID_INPUT);
            return;
        }
        stopPage(ctx, login, p, m, null, "");
    }

    private void stopPage(Context ctx, Login login, Patient p, MedicationStatement m, String error, String reason) {
        String rows = "<tr><td>Drug</td><td><b>" + esc(m.medication().toUpperCase(Locale.ROOT)) + "</b> " + esc(m.dosage()) + "</td></tr>\n"
                + LegacyForms.row("reason", "Reason", true, LegacyForms.select("reason",
                        STOP_REASONS.stream().map(LegacyForms.Opt::same).toList(), reason));
        ctx.html(LegacyLayout.page("Discontinue Medication", login, p, "<h1>Discontinue Medication</h1>\n" + LegacyLayout.error(error)
                + LegacyForms.form("/clinical/medication-stop.do", "Are you sure you want to discontinue this medication?",
                        LegacyForms.hidden("medId", m.id()) + LegacyForms.hidden("patientId", p.id()), rows,
                        "<button type=\"submit\">Submit</button> <a class=\"btn\" href=\"/clinical/medications.do\">Cancel</a>")));
    }

    private void stop(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        login.selectPatient(p.id());
        MedicationStatement m = activeMedication(p, LegacyForms.trim(ctx.formParam("medId")));
        if (m == null) {
            list(ctx, LegacyCandidate.INVALID_INPUT);
            return;
        }
        String reason = LegacyForms.trim(ctx.formParam("reason"));
        if (!STOP_REASONS.contains(reason)) {
            stopPage(ctx, login, p, m, LegacyCandidate.INVALID_INPUT, reason);
            return;
        }
        String text = reason.charAt(0) + reason.substring(1).toLowerCase(Locale.ROOT);
        record.stopMedication(m.id(), text);
        login.flash("Record saved.");
        ctx.redirect("/clinical/medications.do", HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ reconciliation

    private void reconcileList(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Medication Reconciliation");
        if (p == null || app.alertGate(ctx, p)) {
            return;
        }
        List<IncomingMedication> items = record.incomingMedications(p.id());
        String rows = items.isEmpty() ? "<tr><td colspan=\"6\">No incoming medication lists.</td></tr>\n" : each(items, i -> """
                <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                """.formatted(esc(i.medication().toUpperCase(Locale.ROOT)), esc(i.dosage()), esc(i.route().toUpperCase(Locale.ROOT)),
                esc(i.change().toUpperCase(Locale.ROOT)), esc(i.decision().toUpperCase(Locale.ROOT)),
                i.pending() ? "<a href=\"/clinical/reconcile-item.do?id=" + esc(i.id()) + "\">Process</a>" : ""));
        ctx.html(LegacyLayout.page("Medication Reconciliation", login, p, """
                <h1>Medication Reconciliation</h1>
                %s
                <p>Source: %s</p>
                <table class="grid" id="reconcile-table">
                  <thead><tr><th>Drug</th><th>Dosage</th><th>Route</th><th>Change</th><th>Status</th><th></th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                """.formatted(LegacyLayout.message(login.takeFlash()), esc(items.isEmpty() ? "" : items.get(0).source()), rows)));
    }

    private void reconcileItem(Context ctx, String error) {
        Login login = Logins.of(ctx);
        Patient p = patientOrNoPage(ctx, login, "Reconcile Item");
        if (p == null) {
            return;
        }
        String id = ctx.queryParam("id") != null ? ctx.queryParam("id") : ctx.formParam("itemId");
        IncomingMedication i = record.incomingMedication(id).filter(x -> x.patientId().equals(p.id()))
                .orElseThrow(() -> new java.util.NoSuchElementException("no item"));
        String current = record.medications(p.id()).stream().filter(m -> m.status().equals("active"))
                .filter(m -> Medicine.ingredientOf(m.medication()).equalsIgnoreCase(Medicine.ingredientOf(i.medication())))
                .map(m -> m.text().toUpperCase(Locale.ROOT)).findFirst().orElse("(NONE)");
        String rows = "<tr><td>Incoming</td><td><b>" + esc(i.medication().toUpperCase(Locale.ROOT)) + "</b> " + esc(i.dosage())
                + " " + esc(i.route()) + "</td></tr>\n<tr><td>Change</td><td>" + esc(i.change().toUpperCase(Locale.ROOT)) + " "
                + esc(i.note()) + "</td></tr>\n<tr><td>Current</td><td>" + esc(current) + "</td></tr>\n"
                + LegacyForms.row("action", "Action", true, LegacyForms.select("action",
                        List.of(LegacyForms.Opt.same("ACCEPT"), LegacyForms.Opt.same("REJECT")), ""))
                + LegacyForms.row("comments", "Comments", false, LegacyForms.textarea("comments", ""));
        ctx.html(LegacyLayout.page("Reconcile Item", login, p, LegacyForms.entry("Reconcile Item", error,
                "/clinical/reconcile-item.do", LegacyForms.hidden("itemId", i.id()), rows, "/clinical/reconcile.do")));
    }

    private void reconcileSave(Context ctx) {
        Login login = Logins.of(ctx);
        IncomingMedication i = record.incomingMedication(LegacyForms.trim(ctx.formParam("itemId")))
                .orElseThrow(() -> new java.util.NoSuchElementException("no item"));
        login.selectPatient(i.patientId());
        String action = LegacyForms.trim(ctx.formParam("action"));
        if (!i.pending() || !(action.equals("ACCEPT") || action.equals("REJECT"))) {
            reconcileItem(ctx, LegacyCandidate.INVALID_INPUT);
            return;
        }
        record.reconcile(i.id(), action.equals("ACCEPT"), login.user().username());
        login.flash("Record saved.");
        ctx.redirect("/clinical/reconcile.do", HttpStatus.SEE_OTHER);
    }
}
