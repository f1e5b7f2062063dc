package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * rrweb's recorder as Bedside puts it into pages, in Chromium: on a page whose prototypes nobody patched, starting it
 * creates no hidden iframe (RrwebBundle's mend; rrweb as npm gives it creates one on every page), and on a page that
 * did patch one of the functions rrweb reads the DOM through, it still takes clean ones from an iframe.
 */
class RrwebBundleIT {
    static Browsers.Session session;

    @BeforeAll
    static void browser() {
        session = Browsers.start(BrowserSettings.local());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** How many iframes rrweb created while it started recording a fresh page (after {@code before} ran in it). */
    static long iframesCreated(String bundle, String before) {
        session.driver().get("data:text/html,<title>t</title><main><p>Allergies</p><button>Save</button></main>");
        Object n = ((JavascriptExecutor) session.driver()).executeScript("""
                (new Function(arguments[1]))();
                const created = [];
                const create = Document.prototype.createElement;
                Document.prototype.createElement = function (tag, options) {
                  created.push(String(tag).toLowerCase());
                  return create.call(this, tag, options);
                };
                try {
                  const module = { exports: {} };
                  (new Function('module', 'exports', arguments[0]))(module, module.exports);
                  let snapshots = 0;
                  const stop = module.exports.record({ emit(e) { if (e.type === 2) snapshots++; }, maskAllInputs: true });
                  stop();
                  if (snapshots !== 1) throw new Error('no full snapshot: ' + snapshots);
                } finally {
                  Document.prototype.createElement = create;
                }
                return created.filter(t => t === 'iframe').length;
                """, bundle, before);
        return ((Number) n).longValue();
    }

    @Test
    void theMendedRecorderCreatesNoIframeOnAnUnpatchedPage() {
        assertThat(iframesCreated(RrwebBundle.SOURCE, "")).isZero();
    }

    @Test
    void rrwebAsBuiltCreatesOneOnEveryPage() {
        // What the mend is for: if this fails, the pinned rrweb no longer has the fault and the mend can go.
        assertThat(iframesCreated(RrwebBundle.asBuilt(), "")).isEqualTo(1);
    }

    @Test
    void aPageThatPatchedQuerySelectorStillGetsCleanPrototypes() {
        String patch = "const q = Element.prototype.querySelector;"
                + " Element.prototype.querySelector = function (s) { return q.call(this, s); };";
        assertThat(iframesCreated(RrwebBundle.SOURCE, patch)).isEqualTo(1);
    }
}
