package bedside.candidates.legacy;

import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;
import static bedside.candidates.web.Html.selectedIf;

import bedside.candidates.domain.Allergy;
import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.Formulary;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.ReactionSeverity;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Clinical pages that work on the selected patient: allergies (list and edit form). */
final class LegacyClinicalPages {
    static final String CONFIRM_SAVE = "return confirm('" + LegacyForms.CONFIRM_SAVE + "');";

    /** Legacy severity codes. */
    static final List<String[]> SEVERITIES = List.of(
            new String[] {"1", "Mild"}, new String[] {"2", "Moderate"}, new String[] {"3", "Severe"});

    private final LegacyCandidate app;
    private final ClinicalRecord record;

    LegacyClinicalPages(LegacyCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.get("/clinical/allergies.do", this::allergies);
        routes.get("/clinical/allergy-edit.do", ctx -> allergyForm(ctx, null, new String[6]));
        routes.post("/clinical/allergy-edit.do", this::saveAllergy);
        routes.get("/clinical/problems.do", this::problems);
        routes.get("/clinical/problem-edit.do", ctx -> problemForm(ctx, null, new String[3]));
        routes.post("/clinical/problem-edit.do", this::saveProblem);
        routes.get("/clinical/alert.do", ctx -> alertPage(ctx, null));
        routes.post("/clinical/alert.do", this::acknowledgeAlert);
    }

    static final List<String> PROBLEM_TERMS = List.of("Anaemia", "Angina", "Asthma", "Atrial fibrillation",
            "Chronic kidney disease stage 3", "Chronic obstructive pulmonary disease", "Depression",
            "Essential hypertension", "Gastro-oesophageal reflux disease", "Gout", "Heart failure", "Hypothyroidism",
            "Migraine", "Osteoarthritis of knee", "Osteoporosis", "Type 2 diabetes mellitus");

    private void problems(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(noPatient(login, "Problem List"));
            return;
        }
        if (app.alertGate(ctx, p)) {
            return;
        }
        var list = record.problems(p.id());
        String rows = list.isEmpty() ? "<tr><td colspan=\"5\">No records found.</td></tr>\n"
                : each(list, c -> "<tr><td>" + esc(c.description().toUpperCase(Locale.ROOT)) + "</td><td>"
                        + esc(Html.slashed(c.onset())) + "</td><td>" + esc(c.clinicalStatus().toUpperCase(Locale.ROOT))
                        + "</td><td>" + esc(c.recorder().toUpperCase(Locale.ROOT)) + "</td><td>" + esc(c.comment()) + "</td></tr>\n");
        ctx.html(LegacyLayout.page("Problem List", login, p, """
                <h1>Problem List</h1>
                %s
                <table class="grid" id="problem-table">
                  <thead><tr><th>Problem</th><th>Onset</th><th>Status</th><th>Entered By</th><th>Comments</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                <form method="get" action="/clinical/problem-edit.do" class="buttons">
                  <button type="submit">New Entry</button>
                </form>
                """.formatted(LegacyLayout.message(login.takeFlash()), rows)));
    }

    private void problemForm(Context ctx, String error, String[] v) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(noPatient(login, "Problem Entry"));
            return;
        }
        String rows = LegacyForms.row("problem", "Problem", true, LegacyForms.select("problem", LegacyForms.upper(PROBLEM_TERMS), v[0]))
                + LegacyForms.row("onset", "Onset", false, LegacyForms.text("onset", v[1], 10) + " <span class=\"small\">(DD/MM/YYYY)</span>")
                + LegacyForms.row("comments", "Comments", false, LegacyForms.textarea("comments", v[2]));
        ctx.html(LegacyLayout.page("Problem Entry", login, p, LegacyForms.entry("Problem Entry", error,
                "/clinical/problem-edit.do", LegacyForms.hidden("patientId", p.id()), rows, "/clinical/problems.do")));
    }

    private void saveProblem(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        login.selectPatient(p.id());
        String[] v = {LegacyForms.trim(ctx.formParam("problem")), LegacyForms.trim(ctx.formParam("onset")),
            LegacyForms.trim(ctx.formParam("comments"))};
        String term = PROBLEM_TERMS.stream().filter(t -> t.equalsIgnoreCase(v[0])).findFirst().orElse(null);
        LocalDate onset = Html.parseSlashed(v[1]);
        if (term == null || (!v[1].isEmpty() && (onset == null || onset.isAfter(record.today())))) {
            problemForm(ctx, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        record.addProblem(p.id(), term, onset, v[2], login.user().username());
        login.flash("Record saved.");
        ctx.redirect("/clinical/problems.do", HttpStatus.SEE_OTHER);
    }

    private void alertPage(Context ctx, String error) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.redirect("/main.do");
            return;
        }
        var alerts = record.pendingAlerts(p.id());
        if (alerts.isEmpty()) {
            ctx.redirect("/patient/summary.do");
            return;
        }
        var a = alerts.get(0);
        ctx.html(LegacyLayout.page("Clinical Alert", login, p, """
                <h1>CLINICAL ALERT</h1>
                %s
                <div class="alertbox" role="alert" id="clinical-alert">
                  <p><b>%s</b></p>
                  <p>%s</p>
                </div>
                <form method="post" action="/clinical/alert.do">
                  <input type="hidden" name="alertCode" value="%s">
                  <p><input type="checkbox" id="ackRead" name="ackRead" value="Y"> <label for="ackRead">I have read and understood this alert</label></p>
                  <button type="submit">Acknowledge</button>
                </form>
                """.formatted(LegacyLayout.error(error), esc(a.title().toUpperCase(Locale.ROOT)), esc(a.detail()), esc(a.code()))));
    }

    private void acknowledgeAlert(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.redirect("/main.do");
            return;
        }
        if (!"Y".equals(ctx.formParam("ackRead"))) {
            alertPage(ctx, LegacyCandidate.INVALID_INPUT);
            return;
        }
        record.acknowledgeAlert(p.id(), LegacyForms.trim(ctx.formParam("alertCode")), login.user().username(), null);
        login.flash("Alert acknowledged.");
        ctx.redirect("/patient/summary.do", HttpStatus.SEE_OTHER);
    }

    /** A page saying no patient is selected, when a clinical page is opened without one. */
    static String noPatient(Login login, String title) {
        return LegacyLayout.page(title, login, null, """
                <h1>%s</h1>
                <div class="err" role="alert">No patient selected.</div>
                <p>Use Patient &gt; Find Patient... to select a patient first.</p>
                """.formatted(esc(title)));
    }

    private void allergies(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(noPatient(login, "Allergies & Adverse Reactions"));
            return;
        }
        if (app.alertGate(ctx, p)) {
            return;
        }
        List<Allergy> list = record.allergies(p.id());
        String rows = list.isEmpty() ? "<tr><td colspan=\"7\">No records found.</td></tr>\n"
                : each(list, a -> """
                        <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                        """.formatted(esc(a.substance().toUpperCase(Locale.ROOT)), esc(a.reaction()),
                        esc(a.severity().label()), esc(Html.slashed(a.onset())), esc(Html.slashedTime(a.recordedDate())),
                        esc(a.recorder().toUpperCase(Locale.ROOT)), esc(a.comment())));
        ctx.html(LegacyLayout.page("Allergies & Adverse Reactions", login, p, """
                <h1>Allergies &amp; Adverse Reactions</h1>
                %s
                <table class="grid" id="allergy-table">
                  <thead><tr><th>Allergen</th><th>Reaction Type</th><th>Severity</th><th>Onset</th><th>Entered</th><th>Entered By</th><th>Comments</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                <form method="get" action="/clinical/allergy-edit.do" class="buttons">
                  <button type="submit">New Entry</button>
                </form>
                """.formatted(LegacyLayout.message(login.takeFlash()), rows)));
    }

    /** values: allergen, reactionType, severity, onset, comments, (unused). */
    private void allergyForm(Context ctx, String error, String[] v) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(noPatient(login, "Allergy / Adverse Reaction Entry"));
            return;
        }
        String allergens = each(Formulary.ALLERGENS.stream().map(a -> a.toUpperCase(Locale.ROOT)).sorted().toList(),
                a -> "<option value=\"" + esc(a) + "\"" + selectedIf(a.equals(v[0])) + ">" + esc(a) + "</option>\n");
        String reactions = each(Formulary.REACTIONS.stream().sorted().toList(),
                r -> "<option value=\"" + esc(reactionCode(r)) + "\"" + selectedIf(reactionCode(r).equals(v[1])) + ">"
                        + esc(r) + "</option>\n");
        String severities = each(SEVERITIES, sv -> "<option value=\"" + sv[0] + "\"" + selectedIf(sv[0].equals(v[2]))
                + ">" + sv[1] + "</option>\n");
        ctx.html(LegacyLayout.page("Allergy / Adverse Reaction Entry", login, p, """
                <h1>Allergy / Adverse Reaction Entry</h1>
                %s
                <form method="post" action="/clinical/allergy-edit.do" onsubmit="%s">
                  <input type="hidden" name="patientId" value="%s">
                  <table class="form">
                    <tr><td><label for="allergen">Allergen</label> *</td><td><select id="allergen" name="allergen">
                      <option value="">-- Select --</option>
                %s    </select></td></tr>
                    <tr><td><label for="reactionType">Reaction Type</label> *</td><td><select id="reactionType" name="reactionType">
                      <option value="">-- Select --</option>
                %s    </select></td></tr>
                    <tr><td><label for="severity">Severity</label> *</td><td><select id="severity" name="severity">
                      <option value="">-- Select --</option>
                %s    </select></td></tr>
                    <tr><td><label for="onset">Onset</label></td><td><input id="onset" name="onset" size="10" maxlength="10" value="%s"> <span class="small">(DD/MM/YYYY)</span></td></tr>
                    <tr><td><label for="comments">Comments</label></td><td><textarea id="comments" name="comments" rows="3" cols="40">%s</textarea></td></tr>
                    <tr><td></td><td><button type="submit">Submit</button> <a class="btn" href="/clinical/allergies.do">Cancel</a></td></tr>
                  </table>
                  <p class="small">* Mandatory field</p>
                </form>
                """.formatted(LegacyLayout.error(error), CONFIRM_SAVE, esc(p.id()), allergens, reactions, severities,
                esc(v[3]), esc(v[4]))));
    }

    static String reactionCode(String reaction) {
        return reaction.toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private void saveAllergy(Context ctx) {
        Login login = Logins.of(ctx);
        String patientId = ctx.formParam("patientId");
        Patient p = patientId == null ? app.selectedPatient(login) : record.requirePatient(patientId);
        if (p == null) {
            ctx.html(noPatient(login, "Allergy / Adverse Reaction Entry"));
            return;
        }
        login.selectPatient(p.id());
        String[] v = {
            LegacyPatientPages.trim(ctx.formParam("allergen")),
            LegacyPatientPages.trim(ctx.formParam("reactionType")),
            LegacyPatientPages.trim(ctx.formParam("severity")),
            LegacyPatientPages.trim(ctx.formParam("onset")),
            LegacyPatientPages.trim(ctx.formParam("comments")),
            null
        };
        String allergen = v[0].isEmpty() ? null : Formulary.normaliseAllergen(v[0]);
        String reaction = Formulary.normaliseReaction(v[1]);
        ReactionSeverity severity = switch (v[2]) {
            case "1" -> ReactionSeverity.MILD;
            case "2" -> ReactionSeverity.MODERATE;
            case "3" -> ReactionSeverity.SEVERE;
            default -> null;
        };
        LocalDate onset = Html.parseSlashed(v[3]);
        boolean onsetBad = !v[3].isEmpty() && (onset == null || onset.isAfter(record.today()));
        if (allergen == null || reaction == null || severity == null || onsetBad || v[4].length() > 500) {
            allergyForm(ctx, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        record.addAllergy(p.id(), allergen, reaction, severity, onset, v[4], login.user().username());
        login.flash("Record saved.");
        ctx.redirect("/clinical/allergies.do", HttpStatus.SEE_OTHER);
    }
}
