package bedside.candidates.legacy;

import static bedside.candidates.web.Html.each;
import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.LabResult;
import bedside.candidates.domain.NhsNumber;
import bedside.candidates.domain.Patient;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;

/** Results inbox (all patients), result view with acknowledgement, and the selected patient's results. */
final class LegacyResultPages {
    private final LegacyCandidate app;
    private final ClinicalRecord record;

    LegacyResultPages(LegacyCandidate app) {
        this.app = app;
        this.record = app.record();
    }

    void register(RoutesConfig routes) {
        routes.get("/results/inbox.do", this::inbox);
        routes.get("/results/view.do", this::view);
        routes.post("/results/acknowledge.do", this::acknowledge);
        routes.get("/results/patient.do", this::patientResults);
    }

    private static String flag(LabResult r) {
        return r.interpretation().equals("N") ? "" : r.interpretation().equals("H") ? "HIGH" : "LOW";
    }

    private void inbox(Context ctx) {
        Login login = Logins.of(ctx);
        List<LabResult> list = record.allUnacknowledgedAbnormalResults();
        String rows = list.isEmpty() ? "<tr><td colspan=\"7\">No results awaiting review.</td></tr>\n" : each(list, r -> {
            Patient p = record.requirePatient(r.patientId());
            return """
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s %s</td><td>%s</td><td>%s</td><td><a href="/results/view.do?id=%s">View</a></td></tr>
                    """.formatted(esc(LegacyLayout.name(p)), esc(NhsNumber.format(p.nhsNumber())), esc(r.test().toUpperCase(Locale.ROOT)),
                    esc(r.value()), esc(r.unit()), flag(r), esc(Html.slashedTime(r.effective())), esc(r.id()));
        });
        ctx.html(LegacyLayout.page("Results Inbox", login, app.selectedPatient(login), """
                <h1>Results Inbox</h1>
                %s
                <table class="grid" id="inbox-table">
                  <thead><tr><th>Patient</th><th>NHS No.</th><th>Test</th><th>Result</th><th>Flag</th><th>Date</th><th></th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                """.formatted(LegacyLayout.message(login.takeFlash()), rows)));
    }

    private void view(Context ctx) {
        Login login = Logins.of(ctx);
        LabResult r = record.result(ctx.queryParam("id")).orElseThrow(() -> new java.util.NoSuchElementException("no result"));
        Patient p = record.requirePatient(r.patientId());
        login.selectPatient(p.id());
        String ack = r.acknowledged()
                ? "<p>Acknowledged by " + esc(r.acknowledgedBy().toUpperCase(Locale.ROOT)) + " on " + esc(Html.slashedTime(r.acknowledgedAt())) + "</p>"
                : """
                  <form method="post" action="/results/acknowledge.do" onsubmit="return confirm('Are you sure you want to acknowledge this result?');">
                    <input type="hidden" name="resultId" value="%s">
                    <button type="submit">Acknowledge</button> <a class="btn" href="/results/inbox.do">Back</a>
                  </form>""".formatted(esc(r.id()));
        ctx.html(LegacyLayout.page("Result", login, p, """
                <h1>Result</h1>
                <table class="details" id="result-details">
                  <tr><th>Test</th><td>%s</td></tr>
                  <tr><th>Result</th><td>%s %s</td></tr>
                  <tr><th>Reference Range</th><td>%s</td></tr>
                  <tr><th>Flag</th><td>%s</td></tr>
                  <tr><th>Collected</th><td>%s</td></tr>
                </table>
                %s
                """.formatted(esc(r.test().toUpperCase(Locale.ROOT)), esc(r.value()), esc(r.unit()), esc(r.referenceRange()), flag(r),
                esc(Html.slashedTime(r.effective())), ack)));
    }

    private void acknowledge(Context ctx) {
        Login login = Logins.of(ctx);
        LabResult r = record.result(ctx.formParam("resultId")).orElseThrow(() -> new java.util.NoSuchElementException("no result"));
        record.acknowledgeResult(r.id(), login.user().username());
        login.flash("Result acknowledged.");
        ctx.redirect("/results/inbox.do", HttpStatus.SEE_OTHER);
    }

    private void patientResults(Context ctx) {
        Login login = Logins.of(ctx);
        Patient p = app.selectedPatient(login);
        if (p == null) {
            ctx.html(LegacyClinicalPages.noPatient(login, "Patient Results"));
            return;
        }
        if (app.alertGate(ctx, p)) {
            return;
        }
        List<LabResult> list = record.results(p.id());
        String rows = list.isEmpty() ? "<tr><td colspan=\"6\">No records found.</td></tr>\n" : each(list, r -> """
                <tr><td>%s</td><td>%s %s</td><td>%s</td><td>%s</td><td>%s</td><td><a href="/results/view.do?id=%s">View</a></td></tr>
                """.formatted(esc(r.test().toUpperCase(Locale.ROOT)), esc(r.value()), esc(r.unit()), esc(r.referenceRange()), flag(r),
                r.acknowledged() ? "ACKNOWLEDGED" : r.abnormal() ? "UNACKNOWLEDGED" : "", esc(r.id())));
        ctx.html(LegacyLayout.page("Patient Results", login, p, """
                <h1>Patient Results</h1>
                <table class="grid" id="patient-results-table">
                  <thead><tr><th>Test</th><th>Result</th><th>Range</th><th>Flag</th><th>Status</th><th></th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                """.formatted(rows)));
    }
}
