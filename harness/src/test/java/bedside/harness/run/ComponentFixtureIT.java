package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Proves the {@link ComponentFixture} apps work as a person uses them, in real headless Chromium with plain Selenium:
 * on both the MUI and the Ant Design build, find Okafor, Margaret among two Okafors, open her allergies, add one
 * (typeahead, custom select, the library's date and time pickers, a textarea whose caption is not its label, a reaction
 * row), save below the fold past the fixed footer, confirm in the dialog, see the toast and the list. The server must
 * have stored exactly what was entered. Each library needs its own moves here (how its options and date fields are
 * reached); the harness's step language is to hide that, this test does not.
 */
class ComponentFixtureIT {
    static final String NOTES = "Widespread hives within an hour of the first dose.";

    static ComponentFixture fixture;
    static Browsers.Session browser;
    static WebDriver d;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        fixture = new ComponentFixture();
        browser = Browsers.start(BrowserSettings.local());
        d = browser.driver();
        wait = new WebDriverWait(d, Duration.ofSeconds(10), Duration.ofMillis(25));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void freshState() {
        fixture.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mui", "antd"})
    void recordsAnAllergyFromThePatientList(String v) {
        openFresh(v, "/patients");
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Patients");
        wait.until(x -> rows().size() == ComponentFixture.PATIENTS.size());

        // Search: the table is filtered once the server has answered.
        WebElement search = byLabel("Search patients");
        click(search);
        search.sendKeys("Okafor");
        wait.until(x -> rows().size() == 2);
        assertThat(rows()).extracting(r -> r.split("\t")[0]).containsExactly("Okafor, Margaret", "Okafor, Marguerite");
        assertThat(d.findElements(button("Open"))).hasSize(2); // only the row tells them apart
        click(d.findElement(By.xpath("//tr[td[normalize-space(.)='Okafor, Margaret']]//button[normalize-space(.)='Open']")));

        // Her (empty) allergy list, then the form.
        wait.until(ExpectedConditions.urlToBe(fixture.url(v, "/patients/1/allergies")));
        wait.until(x -> d.findElements(By.cssSelector("[role=progressbar]")).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "No allergies recorded"));
        click(d.findElement(button("Add allergy")));
        wait.until(ExpectedConditions.urlToBe(fixture.url(v, "/patients/1/allergies/new")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Okafor, Margaret"));

        chooseAllergen(v, "Pen", "Penicillin");
        chooseSeverity(v, "Severe");
        typeDate(v, "Reaction date", "21/07/1983");
        typeTime(v, "Reaction time", "14:30");

        WebElement notes = notesTextarea();
        click(notes);
        notes.sendKeys(NOTES);

        assertThat(d.findElements(button("Add item"))).hasSize(2);
        click(section("Reactions").findElement(buttonInside("Add item")));
        WebElement reaction = wait.until(x -> byLabel("Reaction"));
        assertThat(section("Reactions").findElements(By.tagName("input"))).contains(reaction);
        click(reaction);
        reaction.sendKeys("Hives");

        // Save is below the fold; the dialog has a Save of its own.
        WebElement save = d.findElement(By.xpath("//form//button[normalize-space(.)='Save']"));
        assertThat(inViewport(save)).isFalse();
        click(save);
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=dialog]")));
        assertThat(d.findElement(By.id(dialog.getAttribute("aria-labelledby"))).getText()).isEqualTo("Confirm allergy");
        assertThat(dialog.getText()).contains("Penicillin", "Okafor, Margaret", "Severe", "21/07/1983");
        assertThat(d.findElements(button("Save"))).hasSize(2);
        click(dialog.findElement(buttonInside("Save")));

        // The list loads behind a spinner; the toast goes by itself.
        wait.until(ExpectedConditions.urlToBe(fixture.url(v, "/patients/1/allergies")));
        By toast = By.xpath("//*[normalize-space(text())='Allergy saved']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(toast));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role=dialog]")));
        wait.until(x -> rows().size() == 1);
        assertThat(d.findElements(By.cssSelector("[role=progressbar]"))).isEmpty();
        assertThat(rows().get(0)).contains("Penicillin", "Severe", "21/07/1983", "14:30", "Hives");
        new WebDriverWait(d, Duration.ofSeconds(4), Duration.ofMillis(50))
                .until(ExpectedConditions.invisibilityOfElementLocated(toast));

        List<Map<String, Object>> stored = fixture.allergies(1);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0))
                .containsEntry("allergen", "Penicillin")
                .containsEntry("severity", "Severe")
                .containsEntry("reactionDate", "1983-07-21")
                .containsEntry("reactionTime", "14:30")
                .containsEntry("notes", NOTES)
                .containsEntry("reactions", List.of("Hives"))
                .containsEntry("medications", List.of());
        assertThat(fixture.allergies(2)).isEmpty();
        assertThat(js("return localStorage.getItem('bedside-fixture-draft')")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mui", "antd"})
    void theListShowsASpinnerWhileItLoads(String v) {
        openFresh(v, "/patients/3/allergies");
        WebElement spinner = d.findElement(By.cssSelector("[role=progressbar]"));
        assertThat(spinner.getAttribute("aria-label")).isEqualTo("Loading allergies");
        wait.until(ExpectedConditions.stalenessOf(spinner));
        assertThat(d.findElement(By.tagName("body")).getText()).contains("No allergies recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mui", "antd"})
    void theDraftOutlivesAReloadUntilDiscardedOrLocalDataIsCleared(String v) {
        openFresh(v, "/patients/2/allergies/new");
        WebElement notes = notesTextarea();
        click(notes);
        notes.sendKeys("Draft note");
        d.navigate().refresh();
        assertThat(notesTextarea().getAttribute("value")).isEqualTo("Draft note");
        assertThat((String) js("return localStorage.getItem('bedside-fixture-draft')")).contains("Draft note");
        click(d.findElement(button("Discard")));
        wait.until(x -> notesTextarea().getAttribute("value").isEmpty());
        assertThat(js("return localStorage.getItem('bedside-fixture-draft')")).isNull();
        notesTextarea().sendKeys("Draft note");

        d.get(fixture.url(v, "/patients"));
        click(d.findElement(button("Clear local data")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Local data cleared"));
        d.get(fixture.url(v, "/patients/2/allergies/new"));
        assertThat(notesTextarea().getAttribute("value")).isEmpty();
    }

    /** The traps meant for the harness: what a plain WebDriver click does to Save, and the unlabelled Notes. */
    @ParameterizedTest
    @ValueSource(strings = {"mui", "antd"})
    void saveAtTheBottomEdgeIsUnderTheFooter(String v) {
        openFresh(v, "/patients/1/allergies/new");
        WebElement footer = d.findElement(By.cssSelector(".fixture-footer"));
        // getText() is the rendered text: MUI draws its buttons in capitals (DISCARD), the DOM and the name say Discard.
        assertThat(footer.getDomProperty("textContent")).contains("Unsaved changes", "Discard");
        assertThat(footer.getCssValue("position")).isEqualTo("fixed");
        assertThat(footer.getSize().getHeight()).isEqualTo(80);
        assertThat(js("return getComputedStyle(document.documentElement).scrollBehavior")).isEqualTo("smooth");

        WebElement save = d.findElement(By.xpath("//form//button[normalize-space(.)='Save']"));
        Object hit = js("const s = arguments[0]; s.scrollIntoView({block: 'end', behavior: 'instant'});"
                + "const r = s.getBoundingClientRect();"
                + "return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2).closest('.fixture-footer') !== null;",
                save);
        assertThat(hit).isEqualTo(true);
        js("window.scrollTo({top: 0, behavior: 'instant'})");
        assertThatThrownBy(save::click).isInstanceOf(ElementClickInterceptedException.class);

        WebElement notes = notesTextarea();
        String id = notes.getDomAttribute("id");
        assertThat(id == null || d.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()).isTrue();
        for (String a : List.of("aria-label", "aria-labelledby", "placeholder", "title")) {
            assertThat(notes.getDomAttribute(a)).as(a).isNull();
        }
    }

    @Test
    void servesEveryPathOfAVariantAsItsAppAndTheAssetsWithTheirTypes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String v : ComponentFixture.VARIANTS) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(fixture.url(v, "/patients/4/allergies/new")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            String script = page.body().replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
            assertThat(script).startsWith("/" + v + "/assets/").endsWith(".js");
            HttpResponse<Void> js = http.send(HttpRequest.newBuilder(fixture.baseUrl().resolve(script)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
            HttpResponse<Void> missing = http.send(HttpRequest.newBuilder(URI.create(fixture.url(v, "/assets/none.js"))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }

    // --- each library's own moves -------------------------------------------------------------------------------

    /** Types into the typeahead and picks the option once the server has answered (not before: none is shown). */
    static void chooseAllergen(String v, String typed, String option) {
        WebElement input = byLabel("Allergen");
        assertThat(input.getAttribute("role")).isEqualTo("combobox");
        click(input);
        assertThat(visibleOptions(v)).isEmpty();
        input.sendKeys(typed);
        // The server takes DELAY_MS: meanwhile the library shows that it is searching.
        By searching = v.equals("mui") ? By.cssSelector(".MuiAutocomplete-loading")
                : By.cssSelector(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-spin");
        assertThat(d.findElements(searching)).isNotEmpty();
        chooseOption(v, option);
    }

    static void chooseSeverity(String v, String option) {
        WebElement select = v.equals("mui")
                ? d.findElement(By.cssSelector("[role=combobox][aria-labelledby~='" + labelOf("Severity").getAttribute("id") + "']"))
                // Ant Design's role=combobox input of a select without search is transparent (not displayed, for
                // Selenium): a person clicks the box drawn around it.
                : byLabel("Severity").findElement(By.xpath("./ancestor::div[contains(@class, 'ant-select-selector')]"));
        click(select);
        chooseOption(v, option);
    }

    /**
     * Clicks the option once it is shown. Ant Design's list is virtual and draws its items again as its opening
     * animation ends, so an item found too early goes stale: only a settled list is used, and a stale item is found again.
     */
    static void chooseOption(String v, String option) {
        wait.ignoring(StaleElementReferenceException.class).until(x -> {
            WebElement o = visibleOptions(v).stream().filter(e -> e.getText().equals(option)).findFirst().orElse(null);
            if (o == null) {
                return false;
            }
            js("arguments[0].scrollIntoView({block: 'nearest', behavior: 'instant'})", o);
            o.click();
            return true;
        });
        wait.until(x -> visibleOptions(v).isEmpty());
    }

    /**
     * MUI: a sectioned field (role=group of role=spinbutton sections); clicked when empty, the first section (Day) has
     * the focus and digits move on from section to section by themselves. Ant Design: a plain text input parsed with
     * the format once the text is complete, committed on Enter, Tab or a click elsewhere.
     */
    static void typeDate(String v, String label, String ddmmyyyy) {
        if (v.equals("mui")) {
            WebElement group = sectionedField(label);
            click(group);
            new Actions(d).sendKeys(ddmmyyyy.replace("/", "")).perform();
            wait.until(x -> hiddenValue(label).equals(ddmmyyyy));
        } else {
            WebElement input = byLabel(label);
            click(input);
            input.sendKeys(ddmmyyyy, Keys.TAB);
            wait.until(x -> input.getAttribute("value").equals(ddmmyyyy) && pickerClosed());
        }
    }

    static void typeTime(String v, String label, String hhmm) {
        if (v.equals("mui")) {
            WebElement group = sectionedField(label);
            click(group);
            new Actions(d).sendKeys(hhmm.replace(":", "")).perform();
            wait.until(x -> hiddenValue(label).equals(hhmm));
        } else {
            WebElement input = byLabel(label);
            click(input);
            input.sendKeys(hhmm, Keys.ENTER);
            wait.until(x -> input.getAttribute("value").equals(hhmm) && pickerClosed());
        }
    }

    /** Options a person can see: MUI's role=option items; Ant Design's drawn items (its role=option nodes are for screen readers only). */
    static List<WebElement> visibleOptions(String v) {
        By by = v.equals("mui") ? By.cssSelector("[role=listbox] [role=option]")
                : By.cssSelector(".ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-appear)"
                        + ":not(.ant-slide-up-leave) .ant-select-item-option");
        return d.findElements(by).stream().filter(WebElement::isDisplayed).toList();
    }

    static WebElement sectionedField(String label) {
        return d.findElement(By.cssSelector("[role=group][aria-labelledby='" + labelOf(label).getAttribute("id") + "']"));
    }

    /** MUI keeps the field's text in a hidden input, the one its label's for= points at. */
    static String hiddenValue(String label) {
        return d.findElement(By.id(labelOf(label).getAttribute("for"))).getAttribute("value");
    }

    static boolean pickerClosed() {
        return d.findElements(By.cssSelector(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)")).isEmpty();
    }

    // --- plain page helpers -------------------------------------------------------------------------------------

    static void openFresh(String v, String path) {
        d.get(fixture.url(v, path));
        js("localStorage.clear()");
        d.navigate().refresh();
        wait.until(x -> !d.findElements(By.tagName("h1")).isEmpty());
    }

    /** A click as a person makes it: the element scrolled to the middle of the window first, clear of the footer. */
    static void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})", e);
        wait.until(ExpectedConditions.elementToBeClickable(e));
        e.click();
    }

    static WebElement labelOf(String text) {
        return d.findElement(By.xpath("//label[normalize-space(.)='" + text + "']"));
    }

    static WebElement byLabel(String text) {
        return d.findElement(By.id(labelOf(text).getAttribute("for")));
    }

    static WebElement section(String heading) {
        return d.findElement(By.xpath("//section[.//h2[normalize-space(.)='" + heading + "']]"));
    }

    /** The textarea under the caption "Notes" (MUI adds a hidden one of its own for sizing). */
    static WebElement notesTextarea() {
        return wait.until(x -> d.findElement(By.xpath(
                "(//div[normalize-space(.)='Notes']/following-sibling::*/descendant-or-self::textarea[not(@aria-hidden)])[1]")));
    }

    /** The text of each data row of the page's table (its cells separated by tabs), read in one go: the table is redrawn. */
    @SuppressWarnings("unchecked")
    static List<String> rows() {
        return (List<String>) js("return [...document.querySelectorAll('tbody tr')]"
                + ".filter(r => r.querySelector('td') && !r.classList.contains('ant-table-placeholder'))"
                + ".map(r => [...r.cells].map(c => c.textContent.trim()).join('\\t'))");
    }

    static boolean inViewport(WebElement e) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", e);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** A button by its visible text, anywhere on the page. */
    static By button(String name) {
        return By.xpath("//button[normalize-space(.)='" + name + "']");
    }

    /** A button by its visible text inside the element it is used on. */
    static By buttonInside(String name) {
        return By.xpath(".//button[normalize-space(.)='" + name + "']");
    }
}
