package bedside.candidates.legacy;

import static bedside.candidates.web.Html.esc;

import java.util.List;
import java.util.Locale;

/** The legacy candidate's menu bar: top-level menus open submenus, which may open further submenus. */
final class LegacyMenu {
    sealed interface Entry permits Link, Sub {}

    record Link(String label, String href) implements Entry {}

    record Sub(String label, List<Entry> entries) implements Entry {}

    private LegacyMenu() {}

    static Link link(String label, String href) {
        return new Link(label, href);
    }

    static Sub sub(String label, Entry... entries) {
        return new Sub(label, List.of(entries));
    }

    /** The whole menu bar. Grows as functions are added. */
    static final List<Sub> MENUS = List.of(
            sub("Patient",
                    link("Find Patient...", "/patient/search.do"),
                    link("Patient Summary", "/patient/summary.do"),
                    sub("Registration",
                            link("Register New Patient...", "/patient/register.do"),
                            link("Amend Address/Telephone...", "/patient/amend.do"))),
            sub("Clinical",
                    sub("Allergies",
                            link("Allergies & Adverse Reactions", "/clinical/allergies.do")),
                    sub("Problems",
                            link("Problem List", "/clinical/problems.do")),
                    sub("Medications",
                            link("Medication List", "/clinical/medications.do"),
                            link("Medication Reconciliation", "/clinical/reconcile.do"))),
            sub("Orders",
                    sub("Prescribing",
                            link("New Prescription...", "/orders/prescribe.do"),
                            link("Outstanding Prescriptions", "/orders/prescriptions.do")),
                    sub("Requests",
                            link("Laboratory Request...", "/orders/lab-request.do"),
                            link("Radiology Request...", "/orders/radiology-request.do"),
                            link("Request History", "/orders/requests.do"))),
            sub("Results",
                    link("Results Inbox", "/results/inbox.do"),
                    link("Patient Results", "/results/patient.do")),
            sub("Help",
                    link("About CIS...", "/help/about.do")));

    static String render() {
        StringBuilder b = new StringBuilder("<nav class=\"menubar\" aria-label=\"Main menu\">\n<ul class=\"menu-top\">\n");
        for (Sub top : MENUS) {
            renderSub(b, top, "menu-" + slug(top.label()), true);
        }
        b.append("<li class=\"logoff\"><a href=\"/logoff.do\">Log Off</a></li>\n</ul>\n</nav>\n");
        return b.toString();
    }

    private static void renderSub(StringBuilder b, Sub sub, String id, boolean top) {
        b.append("<li class=\"").append(top ? "top" : "has-sub").append("\"><button type=\"button\" class=\"menu-button")
                .append(top ? "" : " sub").append("\" aria-haspopup=\"true\" aria-expanded=\"false\" aria-controls=\"")
                .append(id).append("\">").append(esc(sub.label())).append("</button>\n<ul class=\"menu\" id=\"")
                .append(id).append("\" hidden>\n");
        for (Entry e : sub.entries()) {
            if (e instanceof Link l) {
                b.append("<li><a href=\"").append(esc(l.href())).append("\">").append(esc(l.label())).append("</a></li>\n");
            } else if (e instanceof Sub s) {
                renderSub(b, s, id + "-" + slug(s.label()), false);
            }
        }
        b.append("</ul></li>\n");
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
