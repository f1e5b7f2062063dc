package bedside.candidates.streamlined;

import static bedside.candidates.web.Html.checkedIf;
import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.Allergy;
import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.Formulary;
import bedside.candidates.domain.LabResult;
import bedside.candidates.domain.NhsNumber;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.ReactionSeverity;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Patient search, the chart and its one-page forms. */
final class StreamlinedPages {
    private final StreamlinedCandidate app;
    private final ClinicalRecord record;
    private final StreamlinedChart sections;

    StreamlinedPages(StreamlinedCandidate app) {
        this.app = app;
        this.record = app.record();
        this.sections = new StreamlinedChart(app);
    }

    void register(RoutesConfig routes) {
        new StreamlinedWorkflows(app).register(routes); // before /patients/{id}, so that /patients/new matches first
        routes.get("/", this::home);
        routes.get("/api/patients", this::searchApi);
        routes.get("/patients/{id}", ctx -> chart(ctx, null, null));
        routes.post("/patients/{id}/allergies", this::saveAllergy);
        sections.register(routes);
    }

    // ------------------------------------------------------------------ search

    /** "Okafor, Margaret — 999 526 0182 — born 12-Mar-1948". */
    static String searchLabel(Patient p) {
        return p.sortName() + " \u2014 " + NhsNumber.format(p.nhsNumber()) + " \u2014 born "
                + Html.dayMonYear(p.birthDate());
    }

    private void home(Context ctx) {
        Login login = Logins.of(ctx);
        String q = ctx.queryParam("q");
        List<Patient> found = q == null ? List.of() : record.search(q);
        String items = each(found, p -> "<li><a href=\"/patients/" + esc(p.id()) + "\">" + esc(searchLabel(p))
                + "</a></li>\n");
        String count = q == null || q.isBlank() ? "" : countText(found.size());
        ctx.html(StreamlinedLayout.page("Find patient", login, """
                <div class="page-head"><h1>Patients</h1><a class="button" href="/patients/new">Register new patient</a></div>
                <form role="search" method="get" action="/" id="patient-search-form" class="search">
                  <label for="patient-search">Find patient</label>
                  <input type="search" id="patient-search" name="q" value="%s" autocomplete="off" autofocus
                         aria-describedby="patient-search-hint" aria-controls="patient-results"
                         data-search-url="/api/patients">
                  <p id="patient-search-hint" class="hint">Type a surname, full name or NHS number.</p>
                </form>
                <p id="patient-results-count" role="status" class="hint">%s</p>
                <ul id="patient-results" class="results" aria-label="Matching patients">
                %s</ul>
                %s
                """.formatted(esc(q), esc(count), items, resultsToReview())));
    }

    private String resultsToReview() {
        List<LabResult> list = record.allUnacknowledgedAbnormalResults();
        if (list.isEmpty()) {
            return "<section class=\"card\" aria-labelledby=\"review-heading\"><h2 id=\"review-heading\">Results to review</h2><p class=\"empty\">Nothing to review</p></section>";
        }
        return "<section class=\"card\" aria-labelledby=\"review-heading\"><h2 id=\"review-heading\">Results to review (" + list.size()
                + ")</h2><ul id=\"review-list\" class=\"entries\">" + each(list, r -> {
                    Patient p = record.requirePatient(r.patientId());
                    return "<li><a href=\"/patients/" + esc(p.id()) + "#results\">" + esc(p.sortName()) + "</a> \u2014 <strong>"
                            + esc(r.test()) + " " + esc(r.value()) + " " + esc(r.unit()) + "</strong> (" + esc(r.interpretationText())
                            + ", reference " + esc(r.referenceRange()) + ")</li>";
                }) + "</ul></section>";
    }

    private static String countText(int n) {
        return n == 0 ? "No patients found" : n == 1 ? "1 patient found" : n + " patients found";
    }

    private void searchApi(Context ctx) {
        String q = ctx.queryParam("q");
        List<Patient> found = record.search(q);
        ObjectNode body = app.mapper().createObjectNode();
        body.put("query", q == null ? "" : q);
        body.put("summary", q == null || q.isBlank() ? "" : countText(found.size()));
        ArrayNode list = body.putArray("patients");
        for (Patient p : found) {
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("name", p.sortName());
            o.put("nhsNumber", NhsNumber.format(p.nhsNumber()));
            o.put("birthDate", Html.dayMonYear(p.birthDate()));
            o.put("label", searchLabel(p));
            o.put("href", "/patients/" + p.id());
        }
        app.writeJson(ctx, body);
    }

    // ------------------------------------------------------------------ chart

    /** Form state for re-rendering the allergy form without JavaScript. */
    record AllergyForm(String substance, String reaction, String severity, Map<String, String> errors) {
        static AllergyForm empty() {
            return new AllergyForm("", "Rash", "moderate", Map.of());
        }
    }

    private void chart(Context ctx, AllergyForm form, String status) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String saved = ctx.queryParam("saved");
        if (status == null && saved != null) {
            status = record.allergies(p.id()).stream().filter(a -> a.id().equals(saved)).findFirst()
                    .map(StreamlinedPages::allergyConfirmation).orElse(null);
        }
        AllergyForm f = form == null ? AllergyForm.empty() : form;
        String chartStatus = ctx.queryParam("status");
        ctx.html(StreamlinedLayout.page(p.fullName(), login, sections.alerts(p) + banner(p) + """
                <p id="chart-status" class="confirmation toast" role="status">%s</p>
                %s
                <div class="chart">
                %s
                %s
                %s
                %s
                %s
                %s
                %s
                </div>
                """.formatted(esc(chartStatus), sections.reconciliationNotice(p), allergySection(p, f, form != null, status),
                sections.medicationSection(p), sections.problemSection(p), sections.prescriptionSection(p),
                sections.orderSection(p), sections.contactSection(p, false), sections.resultSection(p))));
    }

    private String banner(Patient p) {
        List<Allergy> allergies = record.allergies(p.id());
        String allergyText = allergies.isEmpty() ? "None recorded"
                : String.join(", ", allergies.stream().map(Allergy::substance).toList());
        return """
                <section class="banner" aria-label="Patient banner">
                  <h1 id="patient-name">%s</h1>
                  <dl>
                    <div><dt>NHS number</dt><dd id="patient-nhs">%s</dd></div>
                    <div><dt>Born</dt><dd id="patient-dob">%s (%d years)</dd></div>
                    <div><dt>Sex</dt><dd>%s</dd></div>
                    <div class="%s"><dt>Allergies</dt><dd id="banner-allergies">%s</dd></div>
                  </dl>
                </section>
                """.formatted(esc(p.fullName()), esc(NhsNumber.format(p.nhsNumber())),
                esc(Html.dayMonYear(p.birthDate())), Html.ageYears(p.birthDate(), record.today()),
                esc(p.sex().label()), allergies.isEmpty() ? "" : "warn", esc(allergyText));
    }

    /** A one-line patient banner for pages outside the chart. */
    static String miniBanner(Patient p, ClinicalRecord record) {
        List<Allergy> allergies = record.allergies(p.id());
        return """
                <section class="banner compact" aria-label="Patient banner">
                  <p><a href="/patients/%s" id="patient-name"><strong>%s</strong></a> \u00b7 NHS %s \u00b7 born %s \u00b7
                  <span class="%s">Allergies: %s</span></p>
                </section>
                """.formatted(esc(p.id()), esc(p.fullName()), esc(NhsNumber.format(p.nhsNumber())),
                esc(Html.dayMonYear(p.birthDate())), allergies.isEmpty() ? "" : "warn",
                esc(allergies.isEmpty() ? "None recorded" : String.join(", ", allergies.stream().map(Allergy::substance).toList())));
    }

    static String allergyItem(Allergy a) {
        return "<li><strong>" + esc(a.substance()) + "</strong> \u2014 " + esc(a.reaction()) + ", "
                + esc(a.severity().code()) + " <span class=\"meta\">recorded " + esc(Html.dayMonYear(
                        a.recordedDate().atZone(Html.ZONE).toLocalDate())) + " by " + esc(a.recorder()) + "</span></li>\n";
    }

    static String allergyConfirmation(Allergy a) {
        return "Allergy recorded: " + a.substance() + " (" + a.reaction() + ", " + a.severity().code() + ")";
    }

    private String allergySection(Patient p, AllergyForm f, boolean open, String status) {
        List<Allergy> list = record.allergies(p.id());
        String items = list.isEmpty() ? "<li class=\"empty\">No allergies recorded</li>\n"
                : each(list, StreamlinedPages::allergyItem);
        String substanceError = f.errors().get("substance");
        String options = each(Formulary.ALLERGENS, a -> "<option value=\"" + esc(a) + "\"></option>");
        String reactions = each(Formulary.REACTIONS, r -> "<option value=\"" + esc(r) + "\""
                + Html.selectedIf(r.equals(f.reaction())) + ">" + esc(r) + "</option>");
        StringBuilder severities = new StringBuilder();
        for (ReactionSeverity sev : ReactionSeverity.values()) {
            severities.append("""
                    <span class="choice"><input type="radio" id="severity-%1$s" name="severity" value="%1$s"%2$s>
                    <label for="severity-%1$s">%3$s</label></span>
                    """.formatted(sev.code(), checkedIf(sev.code().equals(f.severity())), sev.label()));
        }
        return """
                <section id="allergies" class="card" aria-labelledby="allergies-heading">
                  <div class="card-head">
                    <h2 id="allergies-heading">Allergies</h2>
                    <button type="button" id="add-allergy" aria-expanded="%s" aria-controls="allergy-form">Add allergy</button>
                  </div>
                  <ul id="allergy-list" class="entries">
                %s  </ul>
                  <form id="allergy-form" class="inline-form" method="post" action="/patients/%s/allergies" novalidate%s>
                    <div class="field%s">
                      <label for="allergy-substance">Substance</label>
                      <input id="allergy-substance" name="substance" list="allergy-substances" autocomplete="off"
                             value="%s" aria-describedby="allergy-substance-error"%s>
                      <datalist id="allergy-substances">%s</datalist>
                      <span id="allergy-substance-error" class="error-text"%s>%s</span>
                    </div>
                    <div class="field">
                      <label for="allergy-reaction">Reaction</label>
                      <select id="allergy-reaction" name="reaction">%s</select>
                    </div>
                    <fieldset class="field">
                      <legend>Severity</legend>
                      %s
                    </fieldset>
                    <div class="actions">
                      <button type="submit" class="primary">Save allergy</button>
                      <button type="button" id="cancel-allergy" class="secondary">Cancel</button>
                    </div>
                  </form>
                  <p id="allergy-status" class="confirmation" role="status">%s</p>
                </section>
                """.formatted(open, items, esc(p.id()), open ? "" : " hidden", substanceError == null ? "" : " invalid",
                esc(f.substance()), substanceError == null ? "" : " aria-invalid=\"true\"", options,
                substanceError == null ? " hidden" : "", esc(substanceError), reactions, severities,
                esc(status));
    }

    // ------------------------------------------------------------------ allergy save

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private void saveAllergy(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.pathParam("id"));
        String substanceRaw = ctx.formParam("substance");
        String reactionRaw = ctx.formParam("reaction");
        String severityRaw = ctx.formParam("severity");
        Map<String, String> errors = new LinkedHashMap<>();
        String substance = Formulary.normaliseAllergen(substanceRaw);
        if (substance == null) {
            errors.put("substance", "Enter the substance, for example Penicillin");
        } else if (record.allergies(p.id()).stream().anyMatch(a -> a.substance().equalsIgnoreCase(substance))) {
            errors.put("substance", "An allergy to " + substance + " is already recorded");
        }
        String reaction = Formulary.normaliseReaction(reactionRaw);
        if (reaction == null) {
            errors.put("reaction", "Choose a reaction");
        }
        ReactionSeverity severity = ReactionSeverity.parse(severityRaw);
        if (severity == null) {
            errors.put("severity", "Choose a severity");
        }
        if (!errors.isEmpty()) {
            if (wantsJson(ctx)) {
                ObjectNode body = app.mapper().createObjectNode();
                ObjectNode e = body.putObject("errors");
                errors.forEach(e::put);
                ctx.status(422);
                app.writeJson(ctx, body);
            } else {
                ctx.status(422);
                chart(ctx, new AllergyForm(nullToEmpty(substanceRaw), reactionRaw,
                        severityRaw == null ? "" : severityRaw.toLowerCase(Locale.ROOT), errors), null);
            }
            return;
        }
        Allergy a = record.addAllergy(p.id(), substance, reaction, severity, null, null, login.user().username());
        if (wantsJson(ctx)) {
            ObjectNode body = app.mapper().createObjectNode();
            body.put("id", a.id());
            body.put("substance", a.substance());
            body.put("reaction", a.reaction());
            body.put("severity", a.severity().code());
            body.put("message", allergyConfirmation(a));
            body.put("itemHtml", allergyItem(a));
            body.put("bannerAllergies", String.join(", ", record.allergies(p.id()).stream().map(Allergy::substance).toList()));
            ctx.status(201);
            app.writeJson(ctx, body);
        } else {
            ctx.redirect("/patients/" + p.id() + "?saved=" + Html.url(a.id()) + "#allergies", HttpStatus.SEE_OTHER);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
