package bedside.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Honest-markup checks shared by the page tests. */
final class PageChecks {
    private PageChecks() {}

    /** Every label points at an existing control, every visible control has a label, ids are unique, no test hooks. */
    static void assertAccessibleForm(Document doc) {
        for (Element label : doc.select("label[for]")) {
            assertThat(doc.getElementById(label.attr("for")))
                    .as("control for label '%s'", label.text()).isNotNull();
        }
        for (Element control : doc.select("input:not([type=hidden]):not([type=submit]), select, textarea")) {
            String id = control.id();
            if (control.hasAttr("aria-label")) {
                continue;
            }
            assertThat(id).as("id of %s", control.outerHtml()).isNotEmpty();
            if (!control.hasAttr("aria-label")) {
                assertThat(doc.select("label[for=" + id + "]")).as("label for #%s", id).isNotEmpty();
            }
        }
        doc.select("[id]").forEach(e ->
                assertThat(doc.select("[id=" + e.id() + "]")).as("unique id %s", e.id()).hasSize(1));
        assertThat(doc.select("[data-testid]")).isEmpty();
        for (Element button : doc.select("button")) {
            assertThat(button.text()).as("visible text of %s", button.outerHtml()).isNotBlank();
        }
    }

    /** The label element whose text is exactly {@code text}; returns the control it labels. */
    static Element controlLabelled(Document doc, String text) {
        Element label = doc.select("label").stream().filter(l -> l.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no label '" + text + "'"));
        Element control = doc.getElementById(label.attr("for"));
        assertThat(control).as("control labelled '%s'", text).isNotNull();
        return control;
    }

    static Element buttonWithText(Document doc, String text) {
        return doc.select("button").stream().filter(b -> b.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }
}
