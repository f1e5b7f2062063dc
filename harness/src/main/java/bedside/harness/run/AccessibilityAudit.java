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

    /** One screen's audit: where, after which step, how long it took, and what failed. */
    public record Screen(String screen, String step, long auditMs, int rulesPassed, List<Finding> findings) {
    }

    /** Audits the page as it is now (the caller lets it settle first). */
    public static Screen audit(WebDriver driver, String screen, String step) {
        long started = System.nanoTime();
        Results results = new AxeBuilder().withTags(WCAG_AA).disableIframeTesting().analyze(driver);
        if (results.isErrored()) {
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
        return new Screen(screen, step, (System.nanoTime() - started) / 1_000_000,
                results.getPasses() == null ? 0 : results.getPasses().size(), findings);
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
        Object dialog = ((JavascriptExecutor) driver).executeScript("""
                const d = Array.from(document.querySelectorAll('[role=dialog],[role=alertdialog],dialog[open],[aria-modal=true]'))
                  .find((e) => e.getClientRects().length > 0);
                if (!d) return null;
                const by = d.getAttribute('aria-labelledby');
                const l = by && document.getElementById(by.split(/\\s+/)[0]);
                return (d.getAttribute('aria-label') || (l && l.textContent) || 'dialog').replace(/\\s+/g, ' ').trim().slice(0, 60);
                """);
        return screenOf(driver.getCurrentUrl()) + (dialog == null ? "" : " ▸ " + dialog);
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
