package bedside.candidates.legacy;

import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.NhsNumber;
import bedside.candidates.domain.Patient;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Patient search form, results page and summary. */
final class LegacyPatientPages {
    private final LegacyCandidate app;
    private final ClinicalRecord record;

    LegacyPatientPages(LegacyCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.get("/patient/search.do", ctx -> searchForm(ctx, null, "", "", ""));
        routes.post("/patient/results.do", this::results);
        routes.get("/patient/results.do", ctx -> ctx.redirect("/patient/search.do"));
        routes.get("/patient/summary.do", this::summary);
        routes.get("/patient/register.do", ctx -> registerForm(ctx, null, Map.of()));
        routes.post("/patient/register.do", this::register);
        routes.get("/patient/amend.do", ctx -> amendForm(ctx, null, null));
        routes.post("/patient/amend.do", this::amend);
    }

    static final List<LegacyForms.Opt> SEXES = List.of(new LegacyForms.Opt("M", "Male"), new LegacyForms.Opt("F", "Female"),
            new LegacyForms.Opt("O", "Other"), new LegacyForms.Opt("U", "Unknown"));
    static final String POSTCODE = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";

    private void registerForm(Context ctx, String error, Map<String, String> v) {
        Login login = Logins.of(ctx);
        String rows = LegacyForms.row("surname", "Surname", true, LegacyForms.text("surname", v.get("surname"), 25))
                + LegacyForms.row("forename", "Forename", true, LegacyForms.text("forename", v.get("forename"), 25))
                + LegacyForms.row("sex", "Sex", true, LegacyForms.select("sex", SEXES, v.getOrDefault("sex", "")))
                + LegacyForms.row("dob", "Date of Birth", true, LegacyForms.text("dob", v.get("dob"), 10) + " <span class=\"small\">(DD/MM/YYYY)</span>")
                + LegacyForms.row("nhsNo", "NHS No.", true, LegacyForms.text("nhsNo", v.get("nhsNo"), 12))
                + LegacyForms.row("address1", "Address Line 1", true, LegacyForms.text("address1", v.get("address1"), 30))
                + LegacyForms.row("town", "Town", true, LegacyForms.text("town", v.get("town"), 20))
                + LegacyForms.row("postcode", "Postcode", true, LegacyForms.text("postcode", v.get("postcode"), 8))
                + LegacyForms.row("telephone", "Telephone", false, LegacyForms.text("telephone", v.get("telephone"), 15));
        ctx.html(LegacyLayout.page("Register New Patient", login, app.selectedPatient(login), LegacyForms.entry("Register New Patient", error,
                "/patient/register.do", "", rows, "/main.do")));
    }

    private void register(Context ctx) {
        Login login = Logins.of(ctx);
        Map<String, String> v = new java.util.LinkedHashMap<>();
        for (String k : List.of("surname", "forename", "sex", "dob", "nhsNo", "address1", "town", "postcode", "telephone")) {
            v.put(k, trim(ctx.formParam(k)));
        }
        java.time.LocalDate dob = Html.parseSlashed(v.get("dob"));
        bedside.candidates.domain.Sex sex = switch (v.get("sex")) {
            case "M" -> bedside.candidates.domain.Sex.MALE;
            case "F" -> bedside.candidates.domain.Sex.FEMALE;
            case "O" -> bedside.candidates.domain.Sex.OTHER;
            case "U" -> bedside.candidates.domain.Sex.UNKNOWN;
            default -> null;
        };
        String nhs = NhsNumber.normalise(v.get("nhsNo"));
        boolean bad = v.get("surname").isEmpty() || v.get("forename").isEmpty() || sex == null || dob == null
                || dob.isAfter(record.today()) || nhs == null || !NhsNumber.isValid(nhs)
                || record.patientByNhsNumber(nhs).isPresent() || v.get("address1").isEmpty() || v.get("town").isEmpty()
                || !v.get("postcode").matches(POSTCODE)
                || (!v.get("telephone").isEmpty() && !v.get("telephone").matches("[0-9 +()]{10,16}"));
        if (bad) {
            registerForm(ctx, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        String surname = v.get("surname");
        String family = surname.equals(surname.toUpperCase(java.util.Locale.ROOT))
                ? surname.charAt(0) + surname.substring(1).toLowerCase(java.util.Locale.ROOT) : surname;
        Patient p = record.registerPatient(nhs, v.get("forename"), family, sex, dob,
                new bedside.candidates.domain.Address(v.get("address1"), v.get("town"),
                        v.get("postcode").toUpperCase(java.util.Locale.ROOT)), v.get("telephone"));
        login.selectPatient(p.id());
        login.flash("Record saved.");
        ctx.redirect("/patient/summary.do", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void amendForm(Context ctx, String error, Map<String, String> values) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(LegacyClinicalPages.noPatient(login, "Amend Address/Telephone"));
            return;
        }
        Map<String, String> v = values != null ? values : Map.of(
                "address1", p.address() == null ? "" : p.address().line(),
                "town", p.address() == null ? "" : p.address().city(),
                "postcode", p.address() == null ? "" : p.address().postcode(),
                "telephone", p.phone() == null ? "" : p.phone());
        String rows = LegacyForms.row("address1", "Address Line 1", true, LegacyForms.text("address1", v.get("address1"), 30))
                + LegacyForms.row("town", "Town", true, LegacyForms.text("town", v.get("town"), 20))
                + LegacyForms.row("postcode", "Postcode", true, LegacyForms.text("postcode", v.get("postcode"), 8))
                + LegacyForms.row("telephone", "Telephone", false, LegacyForms.text("telephone", v.get("telephone"), 15));
        ctx.html(LegacyLayout.page("Amend Address/Telephone", login, p, LegacyForms.entry("Amend Address/Telephone", error,
                "/patient/amend.do", LegacyForms.hidden("patientId", p.id()), rows, "/patient/summary.do")));
    }

    private void amend(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = record.requirePatient(ctx.formParam("patientId"));
        login.selectPatient(p.id());
        Map<String, String> v = new java.util.LinkedHashMap<>();
        for (String k : List.of("address1", "town", "postcode", "telephone")) {
            v.put(k, trim(ctx.formParam(k)));
        }
        if (v.get("address1").isEmpty() || v.get("town").isEmpty() || !v.get("postcode").matches(POSTCODE)
                || (!v.get("telephone").isEmpty() && !v.get("telephone").matches("[0-9 +()]{10,16}"))) {
            amendForm(ctx, LegacyCandidate.INVALID_INPUT, v);
            return;
        }
        record.updateContact(p.id(), new bedside.candidates.domain.Address(v.get("address1"), v.get("town"),
                v.get("postcode").toUpperCase(java.util.Locale.ROOT)), v.get("telephone"));
        login.flash("Record saved.");
        ctx.redirect("/patient/summary.do", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // A deliberate accessibility fault (documented in the README): the Forename field's caption is not its label, so
    // a screen reader announces an unnamed field (WCAG 1.3.1, 4.1.2; axe-core's `label` rule).
    private void searchForm(Context ctx, String error, String surname, String forename, String nhs) {
        Login login = Logins.of(ctx);
        ctx.html(LegacyLayout.page("Find Patient", login, app.selectedPatient(login), """
                <h1>Find Patient</h1>
                %s
                <form method="post" action="/patient/results.do">
                  <table class="form">
                    <tr><td><label for="surname">Surname</label></td><td><input id="surname" name="surname" size="25" value="%s"></td></tr>
                    <tr><td>Forename</td><td><input id="forename" name="forename" size="25" value="%s"></td></tr>
                    <tr><td><label for="nhsNo">NHS No.</label></td><td><input id="nhsNo" name="nhsNo" size="12" value="%s"></td></tr>
                    <tr><td></td><td><button type="submit">Search</button> <button type="reset">Clear</button></td></tr>
                  </table>
                </form>
                <p class="small">Enter at least one search criterion.</p>
                """.formatted(LegacyLayout.error(error), esc(surname), esc(forename), esc(nhs))));
    }

    private void results(Context ctx) {
        Login login = Logins.of(ctx);
        String surname = trim(ctx.formParam("surname"));
        String forename = trim(ctx.formParam("forename"));
        String nhs = trim(ctx.formParam("nhsNo"));
        if (surname.isEmpty() && forename.isEmpty() && nhs.isEmpty()) {
            searchForm(ctx, LegacyCandidate.INVALID_INPUT, surname, forename, nhs);
            return;
        }
        List<Patient> found = record.search(surname, forename, nhs);
        String rows = found.isEmpty()
                ? "<tr><td colspan=\"6\">No matching records found.</td></tr>\n"
                : each(found, p -> """
                        <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td><a href="/patient/summary.do?id=%s">Select</a></td></tr>
                        """.formatted(esc(LegacyLayout.name(p)), esc(NhsNumber.format(p.nhsNumber())),
                        esc(Html.slashed(p.birthDate())), esc(p.sex().label()),
                        esc(p.address() == null ? "" : p.address().text()), esc(Html.url(p.id()))));
        ctx.html(LegacyLayout.page("Search Results", login, app.selectedPatient(login), """
                <h1>Search Results</h1>
                <p>%d record(s) found.</p>
                <table class="grid" id="search-results">
                  <thead><tr><th>Name</th><th>NHS No.</th><th>DOB</th><th>Sex</th><th>Address</th><th></th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                <p><a href="/patient/search.do">New Search</a></p>
                """.formatted(found.size(), rows)));
    }

    private void summary(Context ctx) {
        Login login = Logins.of(ctx);
        String id = ctx.queryParam("id");
        Patient p;
        if (id != null) {
            p = record.requirePatient(id);
            login.selectPatient(p.id());
        } else {
            p = app.selectedPatient(login);
        }
        if (p == null) {
            ctx.html(LegacyLayout.page("Patient Summary", login, null, """
                    <h1>Patient Summary</h1>
                    <p>No patient selected. Use Patient &gt; Find Patient... to select a patient.</p>
                    """));
            return;
        }
        if (app.alertGate(ctx, p)) {
            return;
        }
        ctx.html(LegacyLayout.page("Patient Summary", login, p, """
                <h1>Patient Summary</h1>
                %s
                <table class="details" id="patient-details">
                  <tr><th>Name</th><td>%s</td></tr>
                  <tr><th>NHS No.</th><td>%s</td></tr>
                  <tr><th>Date of Birth</th><td>%s</td></tr>
                  <tr><th>Sex</th><td>%s</td></tr>
                  <tr><th>Address</th><td>%s</td></tr>
                  <tr><th>Telephone</th><td>%s</td></tr>
                </table>
                <p class="small">Use the Clinical menu to view or record allergies, problems and medications.</p>
                """.formatted(LegacyLayout.message(login.takeFlash()), esc(LegacyLayout.name(p)), esc(NhsNumber.format(p.nhsNumber())),
                esc(Html.slashed(p.birthDate())), esc(p.sex().label()),
                esc(p.address() == null ? "" : p.address().text()), esc(p.phone()))));
    }

    static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
