package bedside.harness.run;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import java.util.Map;

/**
 * A WCAG 2.2 A/AA audit of one screen with Deque's axe-core: the rules that fail, each with its impact, the WCAG
 * success criteria it tests and the elements that fail it (a selector and an HTML excerpt with every typed value
 * masked). axe-core finds a part of what WCAG asks (about a third to a half of the criteria can be tested
 * automatically); a clean audit is not a conformance claim.
 */
public final class AccessibilityAudit {
    /** The axe-core tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Pattern CRITERION = Pattern.compile("wcag(\\d)(\\d)(\\d{1,2})");
    private static final Pattern VALUE = Pattern.compile("(\\bvalue\\s*=\\s*)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("(<textarea\\b[^>]*>)(.*?)(</textarea>)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private AccessibilityAudit() {
    }

    /** One element that fails one rule. */
    public record Finding(String rule, String impact, List<String> criteria, String help, String helpUrl, String selector,
                          String html) {
    }

    /**
     * One screen's audit: where, after which step, how long it took, and what failed.
     *
     * @param picture the screen with its failing elements outlined, or null (a clean screen is not pictured)
     */
    public record Screen(String screen, String step, long auditMs, int rulesPassed, List<Finding> findings,
                         Camera.Picture picture, Camera.View view) {
        public Screen(String screen, String step, long auditMs, int rulesPassed, List<Finding> findings,
                      Camera.Picture picture) {
            this(screen, step, auditMs, rulesPassed, findings, picture, null);
        }
    }

    /** axe-core's results as its Selenium package reads them. */
    private static final com.fasterxml.jackson.databind.ObjectMapper RESULTS = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** axe-core itself, as the Selenium package ships it. */
    private static final String AXE = axeSource();

    /**
     * Puts axe-core into every document the browser opens from now on, before the page's own scripts (Chromium's
     * DevTools): an audit then only runs it, instead of sending its 550 KB to each screen first. Only ever done in
     * the audit's own browser, never in an attempt's.
     */
    static void prepare(WebDriver driver) {
        if (driver instanceof HasCdp cdp) {
            try {
                cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE));
            } catch (RuntimeException e) {
                // no DevTools (a Grid): each audit sends axe-core itself
            }
        }
    }

    /**
     * Audits the document of the browser's current frame as it is now (the caller lets it settle first): the page of a
     * path, or the frame a replay rebuilds a screen in.
     */
    public static Screen audit(WebDriver driver, String screen, String step) {
        return audit(driver, screen, step, () -> Camera.viewport(driver));
    }

    /**
     * @param view takes the screen as shown, before anything is marked on it (null when it cannot): its picture is
     *             kept with the audit, as the background of the click maps of that screen
     */
    public static Screen audit(WebDriver driver, String screen, String step, java.util.function.Supplier<Camera.View> view) {
        Camera.View shown = view.get();
        long started = System.nanoTime();
        // axe.run in the current document itself, on the WCAG A/AA rules, and nothing else: no blank window per
        // screen (the newer mode of Deque's Selenium package), no frames, only the violations element by element (a
        // passed rule still counts, with one example). About a fifth less per screen than that mode (BENCHMARKS.md):
        // the rules themselves are most of the cost.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"))) {
            js.executeScript(AXE);
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations'], iframes: false})
                  .then((r) => done(JSON.stringify(r)), (e) => done(JSON.stringify({errorMessage: String(e && e.message || e)})));
                """, WCAG_AA);
        Results results;
        try {
            results = RESULTS.readValue(String.valueOf(answer), Results.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("axe-core's answer on " + screen + " could not be read: " + e.getMessage(), e);
        }
        if (results.getErrorMessage() != null) {
            throw new IllegalStateException("axe-core could not audit " + screen + ": " + results.getErrorMessage());
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            List<String> criteria = criteria(r.getTags());
            for (CheckedNode n : r.getNodes()) {
                findings.add(new Finding(r.getId(), r.getImpact() == null ? "unknown" : r.getImpact(), criteria, r.getHelp(),
                        r.getHelpUrl(), selector(n.getTarget()), masked(n.getHtml())));
            }
        }
        long auditMs = (System.nanoTime() - started) / 1_000_000;
        return new Screen(screen, step, auditMs, results.getPasses() == null ? 0 : results.getPasses().size(), findings,
                findings.isEmpty() ? null : picture(driver, findings), shown);
    }

    /**
     * The window with the failing elements outlined in red, the first of them scrolled into view; the page is put
     * back as it was (outlines and scroll position) before the path goes on.
     */
    static Camera.Picture picture(WebDriver driver, List<Finding> findings) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        List<String> selectors = findings.stream().map(Finding::selector).filter(sel -> !sel.contains(" >>> ")).distinct()
                .toList();
        try {
            js.executeScript("""
                    const marked = [];
                    for (const sel of arguments[0]) {
                      let found = [];
                      try { found = document.querySelectorAll(sel); } catch (bad) { continue; }
                      for (const e of found) {
                        marked.push([e, e.style.outline, e.style.outlineOffset]);
                        e.style.outline = '3px solid #d4351c';
                        e.style.outlineOffset = '1px';
                      }
                    }
                    window.__bedsideAuditMarks = {marked, x: window.scrollX, y: window.scrollY};
                    const first = marked.length && marked[0][0].getBoundingClientRect();
                    if (first && (first.bottom < 0 || first.top > innerHeight)) marked[0][0].scrollIntoView({block: 'center'});
                    """, selectors);
            return Camera.of(driver).take();
        } catch (RuntimeException e) {
            return null; // better no picture than one of a page in an unknown state
        } finally {
            try {
                js.executeScript("""
                        const m = window.__bedsideAuditMarks;
                        if (!m) return;
                        for (const [e, outline, offset] of m.marked) { e.style.outline = outline; e.style.outlineOffset = offset; }
                        window.scrollTo(m.x, m.y);
                        delete window.__bedsideAuditMarks;
                        """);
            } catch (RuntimeException gone) {
                // the page went away: nothing to put back
            }
        }
    }

    /** axe-core's WCAG tags as success criteria, e.g. {@code wcag143} → 1.4.3, {@code wcag1411} → 1.4.11. */
    static List<String> criteria(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            Matcher m = CRITERION.matcher(t);
            if (m.matches()) out.add(m.group(1) + "." + m.group(2) + "." + m.group(3));
        }
        return out;
    }

    /** The element's HTML with what was typed into it masked: a value attribute, a text area's text. */
    static String masked(String html) {
        if (html == null) return "";
        String out = VALUE.matcher(html).replaceAll("$1\"•••\"");
        out = TEXTAREA.matcher(out).replaceAll("$1•••$3");
        return out.length() > 300 ? out.substring(0, 300) + "…" : out;
    }

    private static String axeSource() {
        try (java.io.InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is missing from axe-core's Selenium package");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String selector(Object target) {
        if (target instanceof List<?> list) {
            return String.join(" >>> ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(target);
    }

    /**
     * What a person would call the screen: the address without its query (a route of a single-page app is in its path
     * or fragment) and, when a dialog is open, the dialog's name.
     */
    public static String screenOf(WebDriver driver) {
        return screenOf(driver.getCurrentUrl()) + dialogOf(driver);
    }

    /** {@code " ▸ "} and the name of the dialog open in the current document, or nothing when none is. */
    static String dialogOf(WebDriver driver) {
        Object dialog = ((JavascriptExecutor) driver).executeScript("""
                const d = Array.from(document.querySelectorAll('[role=dialog],[role=alertdialog],dialog[open],[aria-modal=true]'))
                  .find((e) => e.getClientRects().length > 0);
                if (!d) return null;
                const by = d.getAttribute('aria-labelledby');
                const l = by && document.getElementById(by.split(/\\s+/)[0]);
                return (d.getAttribute('aria-label') || (l && l.textContent) || 'dialog').replace(/\\s+/g, ' ').trim().slice(0, 60);
                """);
        return dialog == null ? "" : " ▸ " + dialog;
    }

    /** The screen an address shows: its path and fragment (a single-page app's route), without its query. */
    public static String screenOf(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            return (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                    + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Waits (3 s at most) for the page to be loaded and quiet: no change to the document for 300 ms. */
    public static void settle(WebDriver driver) {
        try {
            ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const until = performance.now() + 3000;
                    let last = performance.now();
                    const o = new MutationObserver(() => { last = performance.now(); });
                    o.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
                    const tick = () => {
                      const now = performance.now();
                      if (document.readyState === 'complete' && now - last >= 300 || now > until) { o.disconnect(); done(); }
                      else setTimeout(tick, 50);
                    };
                    tick();
                    """);
        } catch (RuntimeException e) {
            // a page that went away while settling: audited as it is
        }
    }

}
