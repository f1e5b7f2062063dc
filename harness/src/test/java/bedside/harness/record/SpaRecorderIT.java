package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.measure.Measures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The recorder on what real single-page apps did to it (issue 19), each case on its own in real headless Chromium
 * ({@link SpaFixture}): a form whose inputs shadow its properties on a page that sabotages {@code Array.prototype.toJSON},
 * a native drop-down list, clicks no pointer made, notices that are not validation errors, modal dialogs, route
 * changes by {@code history.pushState} and content fetched with a delay. Counts are exact; the recorder's own faults
 * are recorded as its own ({@code recorder-error}) and lose no event.
 */
class SpaRecorderIT {
    static SpaFixture site;
    static Browsers.Session session;
    static Recorder recorder;

    @BeforeAll
    static void start() {
        site = new SpaFixture();
        session = Browsers.start(BrowserSettings.local());
        // The ward banner is one of the candidate's warnings, as a binding's `warnings` says.
        recorder = Recorder.attach(session.driver(), List.of(".ward-banner"));
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
        if (session != null) {
            session.close();
        }
        if (site != null) {
            site.close();
        }
    }

    /** What the page recorded while {@code actions} ran, drained. */
    static List<PageEvent> during(Runnable actions) {
        assertThat(recorder.drain(5000)).as("drained before").isTrue();
        double from = recorder.browserNow();
        actions.run();
        sleep(300); // a modal sweep, a notice and a response settle within a few tens of ms
        assertThat(recorder.drain(5000)).as("drained after").isTrue();
        double to = recorder.browserNow();
        return recorder.recording().eventsSince(from).stream().filter(e -> e.t() <= to).toList();
    }

    static Measures measures(List<PageEvent> events) {
        return Measures.of(events, events.isEmpty() ? 0 : events.get(0).t(), events.isEmpty() ? 0 : events.get(events.size() - 1).t(), null);
    }

    static List<PageEvent> ofType(List<PageEvent> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    static void open(String path, String ready) {
        WebDriver d = session.driver();
        d.get(site.url(path));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector(ready)).isEmpty());
    }

    static WebElement el(String css) {
        return session.driver().findElement(By.cssSelector(css));
    }

    /** Everything the recorder said about itself or the page's script errors, in the whole session so far. */
    static List<PageEvent> faults() {
        return recorder.recording().events().stream()
                .filter(e -> e.type().equals("recorder-error") || e.type().equals("js-error")).toList();
    }

    @Test
    void aClobberedFormOnASabotagedPageIsRecordedWithoutAFault() {
        open("/plain", "#go");
        List<PageEvent> events = during(() -> el("#go").click());

        PageEvent submit = ofType(events, "submit").get(0);
        assertThat(submit.targetText("tag")).isEqualTo("form");
        assertThat(submit.targetText("id")).as("form.id is an <input>; the form's own id is f").isEqualTo("f");
        assertThat(submit.targetText("name")).as("by aria-labelledby, with document.getElementById shadowed").isEqualTo("Clobbered");
        assertThat(ofType(events, "click")).singleElement().satisfies(c -> {
            assertThat(c.text("via")).isEqualTo("pointer");
            assertThat(c.targetText("name")).isEqualTo("Go");
            assertThat(c.targetText("css")).isEqualTo("#go");
        });
        assertThat(measures(events).clicks()).isEqualTo(1);
        assertThat(faults()).as("no recorder fault, no error put on the page").isEmpty();
        assertThat(recorder.recording().malformed()).isEmpty();
    }

    @Test
    void aNativeSelectIsTwoClicksAndNoPhantomClickAtTheOrigin() {
        open("/plain", "#sev");
        List<PageEvent> events = during(() -> {
            // As a select step does: open the list, choose the option (WebDriver clicks the <option> by script).
            WebElement sev = el("#sev");
            sev.click();
            new Select(sev).selectByVisibleText("Severe");
        });

        Measures m = measures(events);
        assertThat(m.clicks()).as("the press that opens the list and the option chosen").isEqualTo(2);
        assertThat(m.klmNotation()).isEqualTo("M P B B P B B");
        List<PageEvent> clicks = ofType(events, "click");
        assertThat(clicks).extracting(e -> e.text("via")).containsExactly("pointer", "option");
        assertThat(clicks).as("only a pointer's click has a place").allMatch(c -> c.text("via").equals("pointer") == c.data().has("x"));
        assertThat(clicks).noneMatch(c -> c.data().path("x").asInt(-1) == 0 && c.data().path("y").asInt(-1) == 0);
        assertThat(faults()).isEmpty();
    }

    @Test
    void aClickNoPointerMadeIsNotAClick() {
        open("/plain", "#kbd");
        List<PageEvent> events = during(() -> {
            el("#kbd").sendKeys(Keys.ENTER); // the browser clicks the button for Enter
            el("#note").sendKeys("a", Keys.ENTER); // Enter in a field submits: the browser clicks the default button
        });

        assertThat(js("return document.body.dataset.kbd")).as("the button was activated").isEqualTo("1");
        assertThat(ofType(events, "click")).extracting(e -> e.text("via")).containsExactly("keyboard", "keyboard");
        assertThat(ofType(events, "click")).noneMatch(c -> c.data().has("x"));
        assertThat(ofType(events, "submit")).hasSize(1);
        Measures m = measures(events);
        assertThat(m.clicks()).isZero();
        assertThat(m.keystrokes()).isEqualTo(3);
        assertThat(faults()).isEmpty();
    }

    @Test
    void noticesAndWarningsAreNotValidationErrors() {
        open("/plain", "#show-status");
        List<PageEvent> events = during(() -> {
            for (String button : List.of("#show-status", "#show-polite", "#show-toast", "#show-library-toast", "#show-error",
                    "#show-warning")) {
                el(button).click();
                sleep(50);
            }
        });

        // role=status, aria-live=polite, a role=alert saying it was done, one in a toast library's success container.
        assertThat(ofType(events, "notice")).extracting(e -> e.text("message"))
                .containsExactly("Saved draft", "3 results", "Patient updated", "Allergy recorded");
        // The error is shown in a container whose class says "info": it is still a validation message.
        assertThat(ofType(events, "validation")).extracting(e -> e.text("message")).containsExactly("Enter a note");
        assertThat(ofType(events, "warning")).extracting(e -> e.text("message")).containsExactly("Ward closed today");
        Measures m = measures(events);
        assertThat(m.validationErrors()).isEqualTo(1);
        assertThat(m.warnings()).isEqualTo(1);
        assertThat(m.notices()).isEqualTo(4);
        assertThat(m.clicks()).isEqualTo(6);
        assertThat(faults()).isEmpty();
    }

    @Test
    void modalDialogsCountEachTimeOneOpens() {
        open("/plain", "#show-modal");
        List<PageEvent> events = during(() -> {
            for (String button : List.of("#show-modal", "#show-dialog", "#show-aria-modal", "#hide-all", "#show-modal")) {
                el(button).click();
                sleep(50);
            }
        });

        // role=dialog shown by a class, <dialog open> by an attribute, aria-modal=true shown by visibility (with a
        // role=dialog inside it: one modal); all hidden; the first shown again.
        assertThat(ofType(events, "dialog-open")).extracting(e -> e.text("message"))
                .containsExactly("Modal by class", "Native", "Aria modal", "Modal by class");
        assertThat(ofType(events, "dialog-close")).hasSize(3);
        assertThat(measures(events).dialogs()).isEqualTo(4);
        assertThat(faults()).isEmpty();
    }

    @Test
    void eventsBelongToTheRouteTheyHappenedOnAndAFetchIsASystemResponse() {
        open("/app/search", "#q");
        List<PageEvent> events = during(() -> {
            el("#q").sendKeys("ann", Keys.ENTER);
            new WebDriverWait(session.driver(), Duration.ofSeconds(10)).until(x -> !x.findElements(By.linkText("Ann Smith")).isEmpty());
            el("#results a").click();
            new WebDriverWait(session.driver(), Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("save")).isEmpty());
        });

        String search = site.url("/app/search");
        String patient = site.url("/app/patient/1");
        PageEvent press = ofType(events, "pointer-down").get(0);
        assertThat(press.targetText("name")).isEqualTo("Ann Smith");
        assertThat(press.url()).as("the press on the link happened on the search screen").isEqualTo(search);
        assertThat(ofType(events, "click")).filteredOn(c -> "pointer".equals(c.text("via"))).singleElement()
                .satisfies(c -> assertThat(c.url()).isEqualTo(search));
        assertThat(ofType(events, "route")).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo(patient);
            assertThat(r.text("from")).isEqualTo(search);
            assertThat(r.text("to")).isEqualTo(patient);
        });
        PageEvent fetched = ofType(events, "response").stream().filter(r -> r.data().path("requests").asInt() == 1).findFirst().orElseThrow();
        assertThat(fetched.url()).isEqualTo(search);
        assertThat(fetched.data().path("ms").asLong()).as("Enter until the results are shown").isGreaterThanOrEqualTo(SpaFixture.DELAY_MS);
        Measures m = Measures.of(events, events.get(0).t(), events.get(events.size() - 1).t(), search);
        assertThat(m.systemResponseMs()).isGreaterThanOrEqualTo(SpaFixture.DELAY_MS);
        assertThat(m.screensVisited()).containsExactly("/app/search", "/app/patient/1");
        assertThat(m.clicks()).isEqualTo(1);
        assertThat(m.keystrokes()).isEqualTo(4);
        assertThat(faults()).isEmpty();
    }

    @Test
    void aDrainWhileThePageIsReplacedGetsTheLastEventsOfBoth() {
        open("/plain", "#leave");
        assertThat(recorder.drain(5000)).isTrue();
        double from = recorder.browserNow();
        el("#leave").click(); // the page goes 30 ms later: the drain may meet it going, or the next one loading
        assertThat(recorder.drain(5000)).as("drained across the navigation").isTrue();
        new WebDriverWait(session.driver(), Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("left=1"));
        assertThat(recorder.drain(5000)).isTrue();

        List<PageEvent> events = recorder.recording().eventsSince(from);
        String left = site.url("/plain");
        assertThat(ofType(events, "click")).singleElement().satisfies(c -> {
            assertThat(c.url()).isEqualTo(left);
            assertThat(c.targetText("name")).isEqualTo("Leave");
        });
        assertThat(ofType(events, "page-hide")).anyMatch(e -> e.url().equals(left));
        assertThat(ofType(events, "page-start")).anyMatch(e -> e.url().endsWith("/plain?left=1"));
        assertThat(faults()).isEmpty();
    }

    @Test
    void aFaultOfTheRecorderIsItsOwnAndLosesNoEvent() {
        try (Browsers.Session other = Browsers.start(BrowserSettings.local());
             Recorder failing = Recorder.attachFailing(other.driver(), List.of("build:click", "uncaught"))) {
            WebDriver d = other.driver();
            d.get(site.url("/plain"));
            new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> !x.findElements(By.id("kbd")).isEmpty());
            d.findElement(By.id("kbd")).click();
            d.findElement(By.id("note")).sendKeys("ab");
            d.findElement(By.id("go")).click();
            assertThat(failing.drain(5000)).isTrue();
            List<PageEvent> events = failing.recording().events().stream()
                    .filter(e -> e.url() != null && e.url().endsWith("/plain")).toList();

            // Each click is recorded all the same, without the details that failed, and each failure as Bedside's.
            assertThat(ofType(events, "click")).hasSize(2).allMatch(c -> c.data().path("partial").asBoolean());
            assertThat(ofType(events, "recorder-error")).filteredOn(e -> "click".equals(e.text("where"))).hasSize(2);
            assertThat(ofType(events, "recorder-error")).as("a fault outside every guard, told by its file")
                    .anyMatch(e -> "uncaught".equals(e.text("where")) && e.text("message").contains("fault injected outside the guards"));
            assertThat(ofType(events, "js-error")).as("nothing of Bedside's is put down to the page").isEmpty();
            // What came after the faults is all there (typing into the field focuses it without a click).
            assertThat(ofType(events, "pointer-down")).hasSize(2);
            assertThat(ofType(events, "key")).hasSize(2);
            assertThat(ofType(events, "submit")).singleElement().satisfies(s -> assertThat(s.targetText("id")).isEqualTo("f"));
            Measures m = measures(events);
            assertThat(m.clicks()).isEqualTo(2);
            assertThat(m.keystrokes()).isEqualTo(2);
            assertThat(m.recorderErrors()).isEqualTo(3);
        }
    }

    static Object js(String script) {
        return ((JavascriptExecutor) session.driver()).executeScript(script);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
