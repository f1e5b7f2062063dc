package bedside.harness.run;

import bedside.scenarios.Locator;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Finds elements the way a person would name them: by accessible role and name, by label, by visible
 * text; css and xpath as the last resort. Every kind is resolved in the page in one round trip (so finding costs the
 * candidate no extra time), inside the locator's {@code within} element when it has one.
 *
 * <p>Role and label follow the accessibility tree: an element hidden from it ({@code aria-hidden}, as a modal dialog
 * hides the page behind it) is not found by them. A label that is not linked to its field (no {@code for}, no
 * {@code aria-labelledby}) still finds the field nearest to it, below or to its right, as a person would; the
 * result says so, and the step records it as an accessibility finding.
 *
 * <p>The page may shadow DOM properties (a form with an input named {@code tagName} or {@code querySelectorAll}):
 * the script reads every property and calls every method through the prototypes, never through the element.
 */
final class Locators {
    private Locators() {}

    /**
     * What a locator found.
     *
     * @param visible     the visible matches, in document order
     * @param hidden      how many matches are not visible
     * @param byProximity the field was found by a label not linked to it
     * @param scope       why nothing could be looked for (the {@code within} element is missing or ambiguous), or null
     */
    record Found(List<WebElement> visible, int hidden, boolean byProximity, String scope) {
        static Found none(String why) {
            return new Found(List.of(), 0, false, why);
        }
    }

    private static final String FIND = """
            const [kind, value, name, match, root] = arguments;
            const D = Document.prototype, E = Element.prototype, N = Node.prototype, H = HTMLElement.prototype;
            const get = (proto, prop) => Object.getOwnPropertyDescriptor(proto, prop).get;
            const textOf = get(N, 'textContent'), tagOf = get(E, 'tagName'), parentOf = get(N, 'parentNode');
            const attr = (el, a) => E.getAttribute.call(el, a);
            const flat = (r, sel) => Array.from((r === document ? D : r instanceof DocumentFragment ? DocumentFragment.prototype : E)
                .querySelectorAll.call(r, sel));
            // Open shadow roots are part of the page a person sees (web components): looked into as well, at any depth.
            // A closed one cannot be, by design.
            const shadowOf = get(E, 'shadowRoot'), hostOf = get(ShadowRoot.prototype, 'host');
            let shadowRoots = null;
            const allShadowRoots = () => {
              if (shadowRoots === null) {
                shadowRoots = [];
                const walk = (r) => { for (const el of flat(r, '*')) { const sr = shadowOf.call(el); if (sr) { shadowRoots.push(sr); walk(sr); } } };
                walk(document);
              }
              return shadowRoots;
            };
            // Whether b is a or inside it, across shadow boundaries.
            const contains = (a, b) => {
              for (let n = b; n; n = n instanceof ShadowRoot ? hostOf.call(n) : parentOf.call(n)) if (n === a) return true;
              return false;
            };
            const qsa = (r, sel) => {
              const out = flat(r, sel);
              for (const sr of allShadowRoots()) if (r === document || contains(r, hostOf.call(sr))) out.push(...flat(sr, sel));
              return out;
            };
            const rects = (el) => E.getClientRects.call(el);
            const tag = (el) => String(tagOf.call(el)).toUpperCase();
            const valueOf = (el) => { try { const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
              return tag(el) === 'INPUT' ? d.get.call(el) : ''; } catch (e) { return ''; } };
            const typeOf = (el) => (attr(el, 'type') || '').toLowerCase();
            const norm = (s) => (s || '').replace(/[\\s\\u200b]+/g, ' ').trim();
            const strip = (s) => norm(s).replace(/\\s*[:*]+\\s*$/, '');
            const want = (s) => match === 'REGEX' ? new RegExp(s) : norm(s);
            const matches = (text, w) => match === 'REGEX' ? w.test(norm(text))
                : match === 'CONTAINS' ? norm(text).includes(w) : norm(text) === w;
            const visible = (el) => {
              const r = E.getBoundingClientRect.call(el);
              return (r.width > 0 || r.height > 0 || rects(el).length > 0) && getComputedStyle(el).visibility !== 'hidden'
                && getComputedStyle(el).display !== 'none';
            };
            // Hidden from the accessibility tree: aria-hidden on it or an ancestor, or inert.
            const ariaHidden = (el) => {
              for (let n = el; n instanceof Element; n = parentOf.call(n)) {
                if (attr(n, 'aria-hidden') === 'true' || E.hasAttribute.call(n, 'inert')) return true;
              }
              return false;
            };
            const byId = (id) => D.getElementById.call(document, id);
            // The labels of a labelable element, through its own class's getter.
            const LABELABLE = [HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement, HTMLButtonElement, HTMLOutputElement];
            const labelsOf = (el) => {
              const kind = LABELABLE.find((k) => el instanceof k);
              return kind ? Array.from(Object.getOwnPropertyDescriptor(kind.prototype, 'labels').get.call(el) || []) : [];
            };
            const accName = (el) => {
              const aria = attr(el, 'aria-label'); if (aria && norm(aria)) return norm(aria);
              const by = attr(el, 'aria-labelledby');
              if (by) return norm(by.split(/\\s+/).map((id) => { const l = byId(id); return l ? textOf.call(l) : ''; }).join(' '));
              const labels = labelsOf(el);
              if (labels.length) return norm(labels.map((l) => textOf.call(l)).join(' '));
              const t = tag(el);
              if (t === 'INPUT' && /^(submit|button|reset)$/.test(typeOf(el))) return norm(valueOf(el));
              if (t === 'IMG') return norm(attr(el, 'alt'));
              if (/^(INPUT|TEXTAREA|SELECT)$/.test(t)) return norm(attr(el, 'placeholder') || attr(el, 'title'));
              return norm(textOf.call(el)) || norm(attr(el, 'title'));
            };
            const ROLES = {
              button: 'button, [role=button], input[type=submit], input[type=button], input[type=reset], summary',
              link: 'a[href], [role=link]',
              textbox: 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=url], input[type=number], input[type=password], input[type=date], input[type=time], textarea, [role=textbox], [role=searchbox]',
              searchbox: 'input[type=search], [role=searchbox]',
              combobox: 'select:not([multiple]), input[list], [role=combobox]',
              listbox: 'select[multiple], [role=listbox]',
              checkbox: 'input[type=checkbox], [role=checkbox]',
              radio: 'input[type=radio], [role=radio]',
              heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
              option: 'option, [role=option]',
              row: 'tr, [role=row]',
              cell: 'td, [role=cell], [role=gridcell]',
              columnheader: 'th, [role=columnheader]',
              table: 'table, [role=table], [role=grid]',
              menuitem: '[role=menuitem], [role=menuitemcheckbox], [role=menuitemradio]',
              dialog: 'dialog, [role=dialog], [role=alertdialog]',
              navigation: 'nav, [role=navigation]',
              main: 'main, [role=main]',
              banner: 'header, [role=banner]',
              contentinfo: 'footer, [role=contentinfo]',
              complementary: 'aside, [role=complementary]',
              form: 'form, [role=form]',
              region: 'section[aria-label], section[aria-labelledby], [role=region]',
              list: 'ul, ol, [role=list]',
              listitem: 'li, [role=listitem]',
              spinbutton: 'input[type=number], [role=spinbutton]',
              slider: 'input[type=range], [role=slider]',
              img: 'img, [role=img]',
            };
            const scope = root || document;
            const inScope = (el) => root == null || root === el || contains(root, el);
            const CONTROLS = 'input:not([type=hidden]), textarea, select, [contenteditable=""], [contenteditable=true], '
              + '[role=textbox], [role=combobox], [role=spinbutton], [role=searchbox], [role=listbox], [role=group]';
            const labelled = (w) => {
              const out = new Set();
              for (const l of qsa(document, 'label')) {
                if (!matches(strip(textOf.call(l)), w)) continue;
                let control = null;
                try { control = Object.getOwnPropertyDescriptor(HTMLLabelElement.prototype, 'control').get.call(l); } catch (e) { /* none */ }
                if (control) out.add(control);
              }
              for (const el of qsa(document, '[aria-label]')) if (matches(strip(attr(el, 'aria-label')), w)) out.add(el);
              for (const el of qsa(document, '[aria-labelledby]')) {
                // Labelled by it when any of the elements it names is that label (MUI adds the shown value to the name).
                const ids = (attr(el, 'aria-labelledby') || '').split(/\\s+/);
                if (ids.some((id) => { const l = byId(id); return l && matches(strip(textOf.call(l)), w); })) out.add(el);
              }
              return Array.from(out);
            };
            // A label not linked to its field: the visible text, then the nearest field below it or to its right.
            const nearby = (w) => {
              const texts = qsa(scope, 'label, span, div, p, dt, th, td, legend, strong, b').filter((el) =>
                visible(el) && matches(strip(textOf.call(el)), w));
              const innermost = texts.filter((el) => !texts.some((o) => o !== el && contains(el, o)));
              const controls = qsa(scope, CONTROLS).filter((c) => visible(c) && !ariaHidden(c) && typeOf(c) !== 'hidden');
              const out = [];
              for (const t of innermost) {
                const tr = E.getBoundingClientRect.call(t);
                let best = null, bestD = 400;
                for (const c of controls) {
                  if (contains(c, t) || contains(t, c)) continue;
                  const cr = E.getBoundingClientRect.call(c);
                  const below = cr.top >= tr.top - 4, right = cr.left >= tr.left - 4;
                  if (!below || !right && cr.top < tr.bottom - 4) continue;
                  // the gap between the caption's edges and the field's, not their corners: a field right beside a
                  // wide caption (a Bootstrap input-group addon, "Name:") is nearer than one a row below it
                  const d = Math.hypot(Math.max(0, cr.left - tr.right), Math.max(0, cr.top - tr.bottom))
                    + (labelsOf(c).length ? 200 : 0);
                  if (d < bestD) { bestD = d; best = c; }
                }
                if (best && !out.includes(best)) out.push(best);
              }
              return out;
            };
            let found = [], proximity = false;
            if (kind === 'ROLE') {
              const sel = ROLES[value] || ('[role=' + value + ']');
              const w = name == null ? null : want(name);
              found = qsa(scope, sel).filter((el) => !ariaHidden(el) && (w == null || matches(accName(el), w)));
            } else if (kind === 'LABEL') {
              const w = want(value);
              found = labelled(w).filter((el) => inScope(el) && !ariaHidden(el));
              if (!found.some(visible)) {
                const near = nearby(w);
                if (near.length) { found = near; proximity = true; }
              }
            } else if (kind === 'TEXT') {
              const w = want(value);
              const all = qsa(scope, '*').filter((el) => !/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|HEAD|TITLE)$/.test(tag(el)));
              const hits = all.filter((el) => matches(textOf.call(el), w) || (tag(el) === 'INPUT' && matches(valueOf(el), w)));
              // The innermost element whose text is the value: what a person would click.
              found = hits.filter((el) => !hits.some((o) => o !== el && contains(el, o)));
            } else if (kind === 'CSS') {
              found = qsa(scope, value);
            } else if (kind === 'XPATH') {
              const r = D.evaluate.call(document, value, scope, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
              for (let i = 0; i < r.snapshotLength; i++) if (r.snapshotItem(i) instanceof Element) found.push(r.snapshotItem(i));
            }
            const shown = found.filter(visible);
            return [shown, found.length - shown.length, proximity];
            """;

    /** Finds what {@code locator} (its parameters already filled) matches, inside its {@code within} element if any. */
    @SuppressWarnings("unchecked")
    static Found find(WebDriver driver, Locator locator) {
        WebElement root = null;
        if (locator.within() != null) {
            Found scope = find(driver, locator.within());
            if (scope.scope() != null) {
                return scope;
            }
            if (scope.visible().isEmpty()) {
                return Found.none("nothing matches " + locator.within().describe() + " to look within");
            }
            Integer nth = locator.within().nth();
            if (nth == null && scope.visible().size() > 1) {
                return Found.none(scope.visible().size() + " elements match " + locator.within().describe()
                        + " to look within (give it `nth:` or a name)");
            }
            if (nth != null && nth > scope.visible().size()) {
                return Found.none("only " + scope.visible().size() + " element(s) match " + locator.within().describe()
                        + ", not " + nth);
            }
            root = scope.visible().get(nth == null ? 0 : nth - 1);
        }
        Object r = ((JavascriptExecutor) driver).executeScript(FIND, locator.kind().name(), locator.value(),
                locator.name(), locator.match().name(), root);
        List<Object> result = (List<Object>) r;
        return new Found((List<WebElement>) result.get(0), ((Number) result.get(1)).intValue(),
                Boolean.TRUE.equals(result.get(2)), null);
    }

    private static final String DESCRIBE = """
            const els = arguments[0];
            const E = Element.prototype, N = Node.prototype;
            const textOf = Object.getOwnPropertyDescriptor(N, 'textContent').get;
            const norm = (s) => (s || '').replace(/[\\s\\u200b]+/g, ' ').trim();
            const short = (s) => { const t = norm(s); return t.length > 40 ? t.slice(0, 40) + '…' : t; };
            const attr = (el, a) => E.getAttribute.call(el, a);
            const named = (el) => attr(el, 'aria-label') || (attr(el, 'aria-labelledby') || '').split(/\\s+/)
              .map((id) => { const l = document.getElementById(id); return l ? textOf.call(l) : ''; }).join(' ');
            // Where an element is, in words a binding can use: the dialog, row, region, form or section around it.
            const context = (el) => {
              for (let n = el.parentElement; n; n = n.parentElement) {
                const role = attr(n, 'role') || ({ DIALOG: 'dialog', TR: 'row', FORM: 'form', NAV: 'navigation', MAIN: 'main',
                  SECTION: 'region', FIELDSET: 'group', HEADER: 'banner', FOOTER: 'contentinfo' })[n.tagName];
                if (!role) continue;
                let label = named(n);
                if (!label) {
                  const h = n.querySelector('h1, h2, h3, h4, h5, h6, legend, [role=heading]');
                  label = h ? textOf.call(h) : (role === 'row' ? textOf.call(n) : '');
                }
                return 'in ' + role + (label ? ' "' + short(label) + '"' : '');
              }
              return 'in the page';
            };
            return els.map((el) => {
              const r = el.getBoundingClientRect();
              const role = attr(el, 'role');
              return '<' + el.tagName.toLowerCase() + (role ? ' role=' + role : '') + '> "' + short(named(el) || textOf.call(el)
                || el.value || '') + '" ' + context(el) + ' at (' + Math.round(r.left) + ', ' + Math.round(r.top) + ')';
            });
            """;

    /** Each element as a message lists it: its tag, name, where it is (dialog, row, region) and its position. */
    @SuppressWarnings("unchecked")
    static List<String> describe(WebDriver driver, List<WebElement> elements) {
        try {
            return (List<String>) ((JavascriptExecutor) driver).executeScript(DESCRIBE, elements);
        } catch (RuntimeException e) {
            return elements.stream().map(el -> "<" + el.getTagName() + ">").toList();
        }
    }
}
