package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page and its same-origin iframe go away together and share the tab's outbox (sessionStorage): each must add
 * the batches the JVM has not acknowledged beside the other's, not overwrite them — LostEventsIT once lost a whole
 * page whose channel Chrome never listened to because its iframe's outbox replaced the page's. Here the JVM holds
 * back every acknowledgement, so both documents keep all their batches, as when their channel is not listened to.
 */
class OutboxIT {
    static EventSource site;
    static Browsers.Session session;
    static Recorder recorder;

    @BeforeAll
    static void start() {
        site = new EventSource();
        session = Browsers.start(BrowserSettings.local());
        recorder = Recorder.attach(session.driver());
        recorder.holdAcknowledgements();
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

    @Test
    void aPageAndItsSameOriginFrameBothKeepWhatWasNotAcknowledged() {
        WebDriver d = session.driver();
        d.get(site.url("n=6&frames=1"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> Boolean.TRUE.equals(js(x,
                "const f = window.frames[0]; return document.body.dataset.done === '1' && !!f && !!f.document.body"
                        + " && f.document.body.dataset.done === '1'")));
        String page = (String) js(d, "return window.__bedsideRecorder.doc");
        String frame = (String) js(d, "return window.frames[0].__bedsideRecorder.doc");
        assertThat(page).isNotEqualTo(frame);

        // Both go away: the page first, then its frame (each writes its outbox entry on pagehide).
        @SuppressWarnings("unchecked")
        List<String> kept = (List<String>) js(d, "window.dispatchEvent(new PageTransitionEvent('pagehide'));"
                + " window.frames[0].dispatchEvent(new PageTransitionEvent('pagehide'));"
                + " const kept = JSON.parse(sessionStorage.getItem('__bedside_outbox') || '[]');"
                + " return (Array.isArray(kept) ? kept : [kept]).map((e) => e.doc);");
        assertThat(kept).as("documents in the tab's outbox").containsExactlyInAnyOrder(page, frame);

        // The tab's next document sends both again; the JVM keeps one copy of each batch.
        d.get(site.url("n=3"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> "1".equals(js(x, "return document.body.dataset.done")));
        assertThat(js(d, "return sessionStorage.getItem('__bedside_outbox')")).as("the outbox, once sent again").isNull();
        assertThat(recorder.drain(5000)).as("the last page delivered").isTrue();
        Map<String, Long> generated = recorder.recording().events().stream()
                .filter(e -> e.targetText("name") != null && e.targetText("name").startsWith("gen:"))
                .collect(Collectors.groupingBy(e -> e.targetText("name"), Collectors.counting()));
        assertThat(generated.values()).as("each generated event once").allMatch(n -> n == 1);
        assertThat(generated).hasSize(site.reported.values().stream().mapToInt(Integer::intValue).sum());
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }
}
