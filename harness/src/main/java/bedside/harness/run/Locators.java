package bedside.harness.run;

import bedside.scenarios.Locator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Finds elements the way a person would name them: by accessible role and name, by label, by visible
 * text; css and xpath as the last resort. Role, label and text are resolved in the page in one round
 * trip (so finding costs the candidate no extra time) using the accessible-name rules that matter for
 * honest HTML: aria-label, aria-labelledby, associated labels, button values, alt/title, text content.
 */
final class Locators {
    private Locators() {}

    private static final String FIND = """
            const [kind, value, name] = arguments;
            const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
            const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
                && getComputedStyle(el).visibility !== 'hidden';
            const accName = (el) => {
              const aria = el.getAttribute('aria-label'); if (aria) return norm(aria);
              const by = el.getAttribute('aria-labelledby');
              if (by) return norm(by.split(/\\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' '));
              if (el.labels && el.labels.length) return norm(Array.from(el.labels).map((l) => l.textContent).join(' '));
              if (el.tagName === 'INPUT' && /^(submit|button|reset)$/i.test(el.type)) return norm(el.value);
              if (el.tagName === 'IMG') return norm(el.alt);
              if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return norm(el.getAttribute('placeholder') || el.title);
              return norm(el.textContent) || norm(el.title);
            };
            const ROLES = {
              button: 'button, [role=button], input[type=submit], input[type=button], input[type=reset], summary',
              link: 'a[href], [role=link]',
              textbox: 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=url], input[type=number], input[type=password], input[type=date], textarea, [role=textbox], [role=searchbox]',
              searchbox: 'input[type=search], [role=searchbox]',
              combobox: 'select, input[list], [role=combobox]',
              listbox: 'select[multiple], [role=listbox]',
              checkbox: 'input[type=checkbox], [role=checkbox]',
              radio: 'input[type=radio], [role=radio]',
              heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
              option: 'option, [role=option]',
              row: 'tr, [role=row]',
              cell: 'td, [role=cell], [role=gridcell]',
              menuitem: '[role=menuitem], [role=menuitemcheckbox], [role=menuitemradio]',
              dialog: 'dialog, [role=dialog], [role=alertdialog]',
              navigation: 'nav, [role=navigation]',
              listitem: 'li, [role=listitem]',
            };
            const labelled = (text) => {
              const out = [];
              const strip = (s) => norm(s).replace(/\\s*[:*]+\\s*$/, '');
              document.querySelectorAll('label').forEach((l) => {
                if (strip(l.textContent) === text && l.control) out.push(l.control);
              });
              document.querySelectorAll('[aria-label]').forEach((el) => { if (norm(el.getAttribute('aria-label')) === text) out.push(el); });
              document.querySelectorAll('[aria-labelledby]').forEach((el) => { if (accName(el) === text) out.push(el); });
              return out;
            };
            let found = [];
            if (kind === 'ROLE') {
              const sel = ROLES[value] || ('[role=' + value + ']');
              found = Array.from(document.querySelectorAll(sel)).filter((el) => name == null || accName(el) === name);
            } else if (kind === 'LABEL') {
              found = labelled(value);
            } else if (kind === 'TEXT') {
              const all = Array.from(document.body ? document.body.querySelectorAll('*') : []);
              const exact = all.filter((el) => norm(el.textContent) === value || (el.tagName === 'INPUT' && norm(el.value) === value));
              // The innermost element whose whole text is the value: what a person would click.
              found = exact.filter((el) => !exact.some((o) => o !== el && el.contains(o)));
              if (found.length === 0) {
                const partial = all.filter((el) => norm(el.textContent).includes(value));
                found = partial.filter((el) => !partial.some((o) => o !== el && el.contains(o)));
              }
            }
            const shown = found.filter(visible);
            return shown.length ? shown : found;
            """;

    @SuppressWarnings("unchecked")
    static List<WebElement> findAll(WebDriver driver, Locator locator, String value, String name) {
        return switch (locator.kind()) {
            case CSS -> driver.findElements(By.cssSelector(value));
            case XPATH -> driver.findElements(By.xpath(value));
            default -> {
                Object found = ((JavascriptExecutor) driver).executeScript(FIND, locator.kind().name(), value, name);
                yield found instanceof List<?> list ? (List<WebElement>) list : List.of();
            }
        };
    }
}
