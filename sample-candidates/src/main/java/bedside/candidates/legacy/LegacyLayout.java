package bedside.candidates.legacy;

import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.NhsNumber;
import bedside.candidates.domain.Patient;
import bedside.candidates.web.Html;
import bedside.candidates.web.Login;
import java.util.Locale;

/** The page frame of the legacy candidate. */
final class LegacyLayout {
    private LegacyLayout() {}

    /** "OKAFOR, Margaret". */
    static String name(Patient p) {
        return p.familyName().toUpperCase(Locale.ROOT) + ", " + p.givenName();
    }

    static String page(String title, Login login, Patient context, String content) {
        String menu = login == null ? "" : LegacyMenu.render();
        String ctxBar = login == null ? "" : context == null
                ? "<div class=\"ptbar none\">No patient selected</div>"
                : """
                <div class="ptbar" id="patient-context">
                  <span class="ptname">%s</span>
                  <span>NHS No.: <b>%s</b></span>
                  <span>DOB: <b>%s</b></span>
                  <span>Sex: <b>%s</b></span>
                </div>
                """.formatted(esc(name(context)), esc(NhsNumber.format(context.nhsNumber())),
                        esc(Html.slashed(context.birthDate())), esc(context.sex().label()));
        String status = login == null ? "" : "<div class=\"statusbar\">User: " + esc(login.user().username()
                .toUpperCase(Locale.ROOT)) + " &nbsp;|&nbsp; " + esc(login.user().displayName())
                + " &nbsp;|&nbsp; Location: GENERAL MEDICINE</div>";
        return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                  <meta charset="utf-8">
                  <title>CIS - %s</title>
                  <link rel="stylesheet" href="/static/legacy.css">
                  <script src="/static/legacy.js" defer></script>
                </head>
                <body>
                  <div class="titlebar">CIS Clinical Information System &nbsp; <small>Release 4.2.1</small></div>
                  %s
                  %s
                  <div class="content">
                %s
                  </div>
                  %s
                </body>
                </html>
                """.formatted(esc(title), menu, ctxBar, content, status);
    }

    /** The vague error box at the top of a form. */
    static String error(String message) {
        return message == null ? "" : "<div class=\"err\" role=\"alert\">" + esc(message) + "</div>\n";
    }

    static String message(String message) {
        return message == null ? "" : "<div class=\"msg\" role=\"status\">" + esc(message) + "</div>\n";
    }
}
