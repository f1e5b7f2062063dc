package bedside.candidates.legacy;

import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.Clinician;
import bedside.candidates.domain.Patient;
import bedside.candidates.web.CandidateServer;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * "Legacy-style EHR (sample)": nested menus, separate search and results pages, modal confirmations, validation
 * only after submit with vague messages, more pages per task, full-page POSTs.
 */
public final class LegacyCandidate extends CandidateServer {
    /** The one error message the legacy candidate ever gives for a form. */
    public static final String INVALID_INPUT = "Invalid input. Please check the form.";

    public LegacyCandidate() {
        super("JSESSIONID");
    }

    @Override
    public String id() {
        return "legacy";
    }

    @Override
    public String displayName() {
        return "Legacy-style EHR (sample)";
    }

    @Override
    public String vendor() {
        return "Bedside sample vendor B";
    }

    @Override
    protected String loginPath() {
        return "/login.do";
    }

    @Override
    protected void pages(RoutesConfig routes) {
        routes.get("/login.do", ctx -> ctx.html(loginPage(ctx.queryParam("next"), null)));
        routes.post("/login.do", this::logOn);
        routes.get("/logoff.do", ctx -> {
            logins.signOut(ctx);
            ctx.redirect("/login.do");
        });
        routes.get("/", ctx -> ctx.redirect("/main.do"));
        // A deliberate accessibility fault (documented in the README): the notices box scrolls but nothing in it can
        // take the keyboard's focus, so a keyboard user cannot scroll it (WCAG 2.1.1; axe-core's
        // `scrollable-region-focusable`).
        routes.get("/main.do", ctx -> {
            Login login = Logins.of(ctx);
            ctx.html(LegacyLayout.page("Main", login, selectedPatient(login), """
                    <h1>Main Menu</h1>
                    <p>Welcome, %s. Select a function from the menu bar above.</p>
                    <p class="small">Last logon: today.</p>
                    <h2>System notices</h2>
                    <div class="notices">
                      <p>Planned downtime: Sunday 02:00 to 04:00. Record on paper and enter afterwards.</p>
                      <p>New: the pathology interface now sends potassium results with their reference ranges.</p>
                      <p>Reminder: lock your workstation when you leave it (Ctrl+Alt+Del, then Enter).</p>
                      <p>The drug dictionary was updated on the 1st of the month.</p>
                      <p>Report faults to the service desk on extension 4321.</p>
                    </div>
                    """.formatted(esc(login.user().displayName()))));
        });
        routes.get("/help/about.do", ctx -> {
            Login login = Logins.of(ctx);
            ctx.html(LegacyLayout.page("About", login, selectedPatient(login), """
                    <h1>About CIS</h1>
                    <p>CIS Clinical Information System, Release 4.2.1. %s.</p>
                    <p>This is a sample system with fictitious patients.</p>
                    """.formatted(esc(vendor()))));
        });
        new LegacyPatientPages(this).register(routes);
        new LegacyClinicalPages(this).register(routes);
        new LegacyMedicationPages(this).register(routes);
        new LegacyOrderPages(this).register(routes);
        new LegacyResultPages(this).register(routes);
    }

    @Override
    protected String notFoundPage(Context ctx, String message) {
        Login login = ctx.attribute(Logins.ATTRIBUTE);
        return LegacyLayout.page("Error", login, null, "<h1>Error</h1>" + LegacyLayout.error("Record not found.")
                + "<p><a href=\"/main.do\">Return to Main Menu</a></p>");
    }

    /** The login's selected patient, if any. */
    Patient selectedPatient(Login login) {
        return login.selectedPatientId() == null ? null : record.patient(login.selectedPatientId()).orElse(null);
    }

    /** Sends the user to the clinical alert page when the patient has an unacknowledged alert. */
    boolean alertGate(Context ctx, Patient p) {
        if (p != null && !record.pendingAlerts(p.id()).isEmpty()) {
            ctx.redirect("/clinical/alert.do");
            return true;
        }
        return false;
    }

    private void logOn(Context ctx) {
        var account = Clinician.authenticate(ctx.formParam("userId"), ctx.formParam("password"));
        String next = ctx.formParam("next");
        if (account.isEmpty()) {
            ctx.status(401).html(loginPage(next, "Logon failed. Check your User ID and Password."));
            return;
        }
        logins.signIn(ctx, account.get());
        ctx.redirect(localTarget(next, "/main.do"), HttpStatus.SEE_OTHER);
    }

    private static String loginPage(String next, String error) {
        String hidden = next == null ? "" : "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">";
        return LegacyLayout.page("Log On", null, null, """
                <h1>System Log On</h1>
                %s
                <form method="post" action="/login.do">
                  %s
                  <table class="form">
                    <tr><td><label for="userId">User ID</label></td><td><input id="userId" name="userId" size="20"></td></tr>
                    <tr><td><label for="password">Password</label></td><td><input id="password" name="password" type="password" size="20"></td></tr>
                    <tr><td></td><td><button type="submit">Log On</button></td></tr>
                  </table>
                </form>
                <p class="small">Authorised users only. All access is audited.</p>
                """.formatted(LegacyLayout.error(error), hidden));
    }

    com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return mapper;
    }
}
