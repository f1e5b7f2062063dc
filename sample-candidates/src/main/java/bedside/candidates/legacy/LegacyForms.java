package bedside.candidates.legacy;

import static bedside.candidates.web.Html.esc;

import java.util.List;
import java.util.Locale;

/** Table-layout form rows for the legacy candidate. Every required select starts with "-- Select --". */
final class LegacyForms {
    static final String SELECT = "-- Select --";

    private LegacyForms() {}

    /** An option: value and visible text. */
    record Opt(String value, String text) {
        static Opt same(String s) {
            return new Opt(s, s);
        }
    }

    static List<Opt> upper(List<String> values) {
        return values.stream().map(v -> Opt.same(v.toUpperCase(Locale.ROOT))).sorted((a, b) -> a.text().compareTo(b.text())).toList();
    }

    static String row(String id, String label, boolean required, String control) {
        return "<tr><td><label for=\"" + id + "\">" + esc(label) + "</label>" + (required ? " *" : "") + "</td><td>"
                + control + "</td></tr>\n";
    }

    static String text(String id, String value, int size) {
        return "<input id=\"" + id + "\" name=\"" + id + "\" size=\"" + size + "\" value=\"" + esc(value) + "\">";
    }

    static String textarea(String id, String value) {
        return "<textarea id=\"" + id + "\" name=\"" + id + "\" rows=\"3\" cols=\"40\">" + esc(value) + "</textarea>";
    }

    static String select(String id, List<Opt> options, String selected) {
        StringBuilder b = new StringBuilder("<select id=\"" + id + "\" name=\"" + id + "\">\n<option value=\"\">" + SELECT + "</option>\n");
        for (Opt o : options) {
            b.append("<option value=\"").append(esc(o.value())).append("\"").append(o.value().equals(selected) ? " selected" : "")
                    .append(">").append(esc(o.text())).append("</option>\n");
        }
        return b.append("</select>").toString();
    }

    static final String CONFIRM_SAVE = "Are you sure you want to save this record?";

    /**
     * A data-entry page's body: its heading, the error if any, and the form, which asks to confirm before saving and
     * has Submit and Cancel (back to {@code cancelHref}).
     */
    static String entry(String title, String error, String action, String hidden, String rows, String cancelHref) {
        return "<h1>" + esc(title) + "</h1>\n" + LegacyLayout.error(error) + form(action, CONFIRM_SAVE, hidden, rows,
                "<button type=\"submit\">Submit</button> <a class=\"btn\" href=\"" + cancelHref + "\">Cancel</a>");
    }

    /** A full-page form that asks {@code confirmText} before posting. */
    static String form(String action, String confirmText, String hidden, String rows, String buttons) {
        return """
                <form method="post" action="%s" onsubmit="return confirm('%s');">
                  %s
                  <table class="form">
                %s    <tr><td></td><td>%s</td></tr>
                  </table>
                  <p class="small">* Mandatory field</p>
                </form>
                """.formatted(action, confirmText.replace("'", "\\'"), hidden, rows, buttons);
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
