package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.scenarios.Locator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A caption not linked to its field finds the field a person would take for it: the one right beside it, or below it.
 * The SMART patient browser's "Name:" is a Bootstrap input-group addon, wide, with its field to the right and another
 * control one row below; measured from the corners, the one below looked nearer.
 */
class UnlinkedCaptionIT {
    static final String PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
              body { font: 14px sans-serif; width: 900px; }
              .group { display: flex; margin-bottom: 6px; }
              .addon { padding: 6px 40px 6px 12px; background: #eee; border: 1px solid #ccc; }
              .group input { flex: 1; }
              select { display: block; width: 400px; }
            </style></head><body>
            <div class="group"><span class="addon">Name:</span><input id="name" placeholder="Search by name..."></div>
            <select id="gender"><option>Any gender</option><option>Female</option></select>
            <p>Notes</p>
            <textarea id="notes"></textarea>
            </body></html>
            """;
    static Browsers.Session browser;

    @BeforeAll
    static void open() {
        browser = Browsers.start(BrowserSettings.local());
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(PAGE, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    static String found(String label) {
        Locators.Found f = Locators.find(browser.driver(), new Locator(Locator.Kind.LABEL, label, null, null));
        assertThat(f.byProximity()).as(label + ": found by where it stands, so recorded as a finding").isTrue();
        assertThat(f.visible()).as(label).hasSize(1);
        return f.visible().get(0).getAttribute("id");
    }

    @Test
    void aFieldRightBesideAWideCaptionIsItsFieldNotTheOneARowBelow() {
        assertThat(found("Name")).isEqualTo("name");
    }

    @Test
    void aCaptionAboveItsFieldStillFindsTheFieldBelow() {
        assertThat(found("Notes")).isEqualTo("notes");
    }
}
