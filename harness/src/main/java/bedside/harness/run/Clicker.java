package bedside.harness.run;

import bedside.results.Outcome;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A click as a person makes it. Real pages defeat a bare WebDriver click: an element below the fold is scrolled to
 * while the page scrolls smoothly (the click lands on whatever passes under the pointer), a sticky footer or a toast
 * sits over it, a dialog is still sliding or fading in. So: bring it into view (at once, not smoothly), wait until it
 * stands still (it is fully shown and no animation or transition runs on it; or it has not moved for three frames),
 * is enabled and nothing covers its centre, then click. Something of the element's own widget
 * over its centre (a select's placeholder over its input, the label over a field) is no cover: the pointer then clicks
 * at that point, as a person's would. Still covered when the wait ends: the step fails naming what covers it.
 */
final class Clicker {
    private final WebDriver driver;
    private final StepRunner steps;

    Clicker(StepRunner steps) {
        this.driver = steps.driver();
        this.steps = steps;
    }

    /**
     * Resolves {@code {state, cover}}: state {@code self} (the element is hit at its centre), {@code widget} (a part of
     * its own widget is), or after the time: {@code covered}, {@code disabled}, {@code moving}, {@code gone}.
     */
    private static final String SETTLE = """
            const [el, timeoutMs] = arguments; const done = arguments[arguments.length - 1];
            const E = Element.prototype, N = Node.prototype;
            const rectOf = (n) => E.getBoundingClientRect.call(n);
            const contains = (a, b) => N.contains.call(a, b);
            const attr = (n, a) => E.getAttribute.call(n, a);
            const inView = (r) => r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
            const scrollTo = () => E.scrollIntoView.call(el, { block: 'center', inline: 'center', behavior: 'instant' });
            if (!inView(rectOf(el))) scrollTo();
            const started = performance.now();
            let prev = null, still = 0, scrolled = 0;
            const parentOf = (n) => Object.getOwnPropertyDescriptor(N, 'parentNode').get.call(n);
            // Part of the element's own widget: its label, or inside a small box that holds both (not the page).
            const ownWidget = (hit) => {
              try { const c = Object.getOwnPropertyDescriptor(HTMLLabelElement.prototype, 'control').get.call(hit);
                if (c === el) return true; } catch (e) { /* not a label */ }
              const r = rectOf(el), area = Math.max(r.width * r.height, 1);
              for (let a = parentOf(el), i = 0; a instanceof Element && i < 4; a = parentOf(a), i++) {
                if (!contains(a, hit)) continue;
                const ar = rectOf(a);
                return ar.width * ar.height <= 3 * area + 4000;
              }
              return false;
            };
            const describe = (n) => {
              if (!n) return null;
              // Read through the prototypes: a form's own properties may be its inputs (DOM clobbering).
              const classes = (attr(n, 'class') || '').trim(), id = attr(n, 'id');
              const cls = classes ? '.' + classes.split(/\\s+/).slice(0, 2).join('.') : '';
              const text = String(Object.getOwnPropertyDescriptor(N, 'textContent').get.call(n) || '').replace(/\\s+/g, ' ').trim();
              let pos = '';
              for (let a = n; a instanceof Element; a = parentOf(a)) {
                const p = getComputedStyle(a).position;
                if (p === 'fixed' || p === 'sticky') { pos = ' (' + p + ')'; break; }
              }
              const role = attr(n, 'role');
              const tag = String(Object.getOwnPropertyDescriptor(E, 'tagName').get.call(n)).toLowerCase();
              return '<' + tag + (id ? '#' + id : cls) + (role ? ' role=' + role : '') + '>'
                + (text ? ' "' + (text.length > 50 ? text.slice(0, 50) + '…' : text) + '"' : '') + pos;
            };
            // Nothing moving it (no animation or transition running on it or around it): it stands still now.
            const animated = () => {
              try {
                return document.getAnimations().some((a) => a.playState === 'running' && a.effect && a.effect.target
                  && (a.effect.target === el || contains(a.effect.target, el)));
              } catch (e) { return true; }
            };
            // Shown: neither it nor an ancestor transparent, as a dialog about to fade or zoom in is (the browser's own
            // check, cheap; a fade under way is an animation, waited for above).
            const opaque = () => E.checkVisibility.call(el, { opacityProperty: true, visibilityProperty: true });
            const tick = () => {
              try {
                if (!Object.getOwnPropertyDescriptor(N, 'isConnected').get.call(el)) return done({ state: 'gone' });
                const r = rectOf(el);
                const same = prev && r.x === prev.x && r.y === prev.y && r.width === prev.width && r.height === prev.height;
                prev = r; still = same ? still + 1 : 0;
                if (still >= 2 && !inView(r) && scrolled < 3) { scrollTo(); scrolled++; still = 0; }
                // Into open shadow roots: the document names only the component that hosts what is there.
                let hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                while (hit && hit.shadowRoot && hit !== el) {
                  const inner = hit.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  if (!inner || inner === hit) break;
                  hit = inner;
                }
                const disabled = E.hasAttribute.call(el, 'disabled') && E.matches.call(el, ':disabled') || attr(el, 'aria-disabled') === 'true';
                const state = !hit ? 'covered' : hit === el || contains(el, hit) ? 'self' : ownWidget(hit) ? 'widget' : 'covered';
                // In view but under something fixed at the edge (a sticky footer or header): a person scrolls it clear.
                if (state === 'covered' && still >= 2 && scrolled === 0) { scrollTo(); scrolled++; still = 0; }
                // Ready: nothing animates it and it is fully shown (a dialog about to zoom in has not started moving
                // yet, but is not shown either); or it has not moved for three frames and nothing animates it; or for
                // twelve (a spinner spinning beside it for ever).
                const ready = inView(r) && (!animated() && opaque() || still >= 3 && !animated() || still >= 12);
                if (!disabled && state !== 'covered' && ready) return done({ state });
                if (performance.now() - started > timeoutMs) {
                  return done({ state: disabled ? 'disabled' : state === 'covered' ? 'covered' : 'moving', cover: describe(hit) });
                }
              } catch (e) {
                return done({ state: 'error', cover: String(e && e.message) });
              }
              setTimeout(tick, 16);
            };
            tick();
            """;

    /** The longest the page is asked at once whether the element is ready. */
    static final long SLICE_MILLIS = 500;

    /** Clicks {@code el}; false when it left the page first (a re-render replaced it: find it again). */
    boolean click(WebElement el, String number, String what) throws StepFailure {
        Duration wait = steps.remainingWait();
        long deadline = System.nanoTime() + wait.toNanos();
        String cover = null;
        while (true) {
            // Asked in short slices: the driver answers nothing else while a script runs (a stop signal's closing of
            // the browser included), and a slice's end lets a stopping run see it.
            long left = Math.max(50, Math.min(SLICE_MILLIS, (deadline - System.nanoTime()) / 1_000_000));
            if (Stop.requested()) {
                throw new StepFailure(number, what + ": Bedside is stopping", Outcome.SYSTEM_ERROR, null);
            }
            Map<?, ?> r = (Map<?, ?>) ((JavascriptExecutor) driver).executeAsyncScript(SETTLE, el, left);
            String state = String.valueOf(r.get("state"));
            boolean timeLeft = System.nanoTime() < deadline;
            switch (state) {
                case "self" -> {
                    try {
                        el.click();
                        return true;
                    } catch (ElementClickInterceptedException e) {
                        // Something came over it between the look and the click (a toast sliding in): look again.
                        cover = interceptor(e);
                    }
                }
                case "widget" -> {
                    new Actions(driver).moveToElement(el).click().perform();
                    return true;
                }
                case "gone" -> {
                    return false;
                }
                case "disabled" -> {
                    if (!timeLeft) {
                        throw new StepFailure(number, what + ": the element stayed disabled (waited "
                                + StepRunner.seconds(wait) + " s)", Outcome.SCRIPT_ERROR, null);
                    }
                }
                case "moving" -> {
                    if (!timeLeft) {
                        throw new StepFailure(number, what + ": the element did not stop moving (waited "
                                + StepRunner.seconds(wait) + " s)", Outcome.SCRIPT_ERROR, null);
                    }
                }
                default -> cover = r.get("cover") == null ? cover : String.valueOf(r.get("cover"));
            }
            if (System.nanoTime() >= deadline) {
                throw new StepFailure(number, what + ": covered by " + (cover == null ? "another element" : cover)
                        + " (waited " + StepRunner.seconds(wait) + " s for it to be uncovered)", Outcome.SCRIPT_ERROR, null);
            }
        }
    }

    /** The element chromedriver says would have received the click. */
    static String interceptor(ElementClickInterceptedException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Other element would receive the click: (<[^>]*>)")
                .matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
