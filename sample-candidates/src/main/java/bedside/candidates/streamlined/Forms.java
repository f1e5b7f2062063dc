package bedside.candidates.streamlined;

import static bedside.candidates.web.Html.esc;

import java.util.List;
import java.util.Map;

/**
 * Field markup for the streamlined candidate's forms: a visible label, the control, and an error line tied to it
 * with {@code aria-describedby}; a control with an error gets {@code aria-invalid="true"}. Control ids are
 * {@code formId-name}; error ids {@code formId-name-error}.
 */
final class Forms {
    private Forms() {}

    static String id(String form, String name) {
        return form + "-" + name;
    }

    private static String error(String form, String name, Map<String, String> errors) {
        String e = errors.get(name);
        return "<span id=\"" + id(form, name) + "-error\" class=\"error-text\"" + (e == null ? " hidden" : "") + ">"
                + esc(e) + "</span>";
    }

    private static String invalid(String name, Map<String, String> errors) {
        return errors.containsKey(name) ? " aria-invalid=\"true\"" : "";
    }

    private static String fieldClass(String name, Map<String, String> errors) {
        return errors.containsKey(name) ? "field invalid" : "field";
    }

    static String text(String form, String name, String label, String value, Map<String, String> errors, String attrs,
            String hint) {
        String hintHtml = hint == null ? "" : "<span class=\"hint\" id=\"" + id(form, name) + "-hint\">" + esc(hint) + "</span>";
        String describedBy = id(form, name) + "-error" + (hint == null ? "" : " " + id(form, name) + "-hint");
        return """
                <div class="%s">
                  <label for="%s">%s</label>
                  %s
                  <input id="%s" name="%s" value="%s" aria-describedby="%s"%s %s>
                  %s
                </div>
                """.formatted(fieldClass(name, errors), id(form, name), esc(label), hintHtml, id(form, name), name,
                esc(value), describedBy, invalid(name, errors), attrs == null ? "" : attrs, error(form, name, errors));
    }

    static String select(String form, String name, String label, List<String> options, String selected,
            Map<String, String> errors) {
        StringBuilder o = new StringBuilder();
        for (String opt : options) {
            o.append("<option value=\"").append(esc(opt)).append("\"").append(opt.equals(selected) ? " selected" : "")
                    .append(">").append(esc(opt.isEmpty() ? "Choose\u2026" : opt)).append("</option>");
        }
        return """
                <div class="%s">
                  <label for="%s">%s</label>
                  <select id="%s" name="%s" aria-describedby="%s-error"%s>%s</select>
                  %s
                </div>
                """.formatted(fieldClass(name, errors), id(form, name), esc(label), id(form, name), name, id(form, name),
                invalid(name, errors), o, error(form, name, errors));
    }

    /** Radio buttons; option values are the labels unless given as "value|Label". */
    static String radios(String form, String name, String legend, List<String> options, String checked,
            Map<String, String> errors) {
        StringBuilder o = new StringBuilder();
        for (String opt : options) {
            String value = opt.contains("|") ? opt.substring(0, opt.indexOf('|')) : opt;
            String label = opt.contains("|") ? opt.substring(opt.indexOf('|') + 1) : opt;
            String rid = id(form, name) + "-" + value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            o.append("<span class=\"choice\"><input type=\"radio\" id=\"").append(rid).append("\" name=\"").append(name)
                    .append("\" value=\"").append(esc(value)).append("\"").append(value.equals(checked) ? " checked" : "")
                    .append("><label for=\"").append(rid).append("\">").append(esc(label)).append("</label></span>\n");
        }
        return """
                <fieldset class="%s" aria-describedby="%s-error">
                  <legend>%s</legend>
                  %s
                  %s
                </fieldset>
                """.formatted(fieldClass(name, errors), id(form, name), esc(legend), o, error(form, name, errors));
    }
}
