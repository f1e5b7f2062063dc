package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The recorder says when a new page is on its way ({@code __bedsideRecorder.leaving()}), so that a screenshot "after the
 * step" is not taken of the page before it: a submitted form's navigation starts only after the click that submitted
 * it has returned, and a step can end in between. In Chromium, against a server that answers the submission slowly.
 */
class PageLeavingIT {
    static final String FORMS = """
            <!doctype html><html><head><title>Allergies</title></head><body>
            <form id="go" method="post" action="/slow"><button>Save</button></form>
            <form id="stay" method="post" action="/slow"><button>Check</button></form>
            <form id="framed" method="post" action="/slow" target="side"><button>Preview</button></form>
            <form id="nowhere" method="post" action="/nothing"><button>Export</button></form>
            <iframe name="side" title="Preview"></iframe>
            <script>document.getElementById('stay').addEventListener('submit', (e) => e.preventDefault());</script>
            </body></html>""";

    static Javalin site;
    static Browsers.Session session;
    static Recorder recorder;

    @BeforeAll
    static void start() {
        site = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/forms", ctx -> ctx.html(FORMS));
            cfg.routes.post("/nothing", ctx -> ctx.status(204)); // the browser stays on the page
            cfg.routes.post("/slow", ctx -> {
                Thread.sleep(1_500);
                ctx.html("<!doctype html><title>Saved</title><p>Saved</p>");
            });
        }).start("127.0.0.1", 0);
        session = Browsers.start(BrowserSettings.local());
        recorder = Recorder.attach(session.driver());
    }

    @AfterAll
    static void stop() {
        recorder.close();
        session.close();
        site.stop();
    }

    /** Submits a form by its button, and asks at once, before the browser has started any navigation. */
    static boolean leavingRightAfterSubmitting(String form) {
        session.driver().get("http://127.0.0.1:" + site.port() + "/forms");
        Object leaving = ((JavascriptExecutor) session.driver()).executeScript("""
                document.querySelector('#' + arguments[0] + ' button').click();
                return window.__bedsideRecorder.leaving();
                """, form);
        return (Boolean) leaving;
    }

    @Test
    void aFormSubmittedIntoThisWindowMeansANewPageIsOnItsWay() {
        assertThat(leavingRightAfterSubmitting("go")).isTrue();
        // ...and once it has come, the new page is not leaving.
        new WebDriverWait(session.driver(), Duration.ofSeconds(10)).until(d -> "Saved".equals(d.getTitle()));
        assertThat((Boolean) ((JavascriptExecutor) session.driver())
                .executeScript("return window.__bedsideRecorder.leaving();")).isFalse();
    }

    @Test
    void anAttemptThatEndsBySubmittingAFormHasTheNextPageInItsReplay() {
        // A recorder with the replay in a browser of its own; the attempt's last act submits the form, and the clock
        // stops (the seal) before the browser has even started for the next page, which the server sends 1.5 s later.
        try (Browsers.Session own = Browsers.start(BrowserSettings.local())) {
            Recorder replayed = Recorder.attachWithReplay(own.driver(), List.of(), List.of(), TypedMask.NONE);
            own.driver().get("http://127.0.0.1:" + site.port() + "/forms");
            ((JavascriptExecutor) own.driver()).executeScript("document.querySelector('#go button').click();");
            replayed.sealReplay(5_000);
            List<String> pages = replayed.replay().events().stream().map(ReplayCapture.Event::json)
                    .filter(j -> j.startsWith("{\"type\":4")).map(j -> j.replaceAll(".*\"href\":\"([^\"]*)\".*", "$1"))
                    .toList();
            long snapshots = replayed.replay().events().stream().filter(e -> e.json().startsWith("{\"type\":2")).count();
            assertThat(pages).as(replayed.replay().problems().toString()).hasSize(2).last().asString().endsWith("/slow");
            assertThat(snapshots).isEqualTo(2);
            assertThat(replayed.replay().problems()).isEmpty();
            replayed.close();
        }
    }

    @Test
    void aSubmissionThatNeverBringsAPageStopsBeingWaitedForAfterTwoSeconds() throws InterruptedException {
        assertThat(leavingRightAfterSubmitting("nowhere")).isTrue();
        Thread.sleep(2_300);
        assertThat((Boolean) ((JavascriptExecutor) session.driver())
                .executeScript("return window.__bedsideRecorder.leaving();")).isFalse();
        assertThat(session.driver().getTitle()).isEqualTo("Allergies");
    }

    @Test
    void aSubmissionThePagePreventsOrSendsIntoAFrameDoesNot() {
        assertThat(leavingRightAfterSubmitting("stay")).isFalse();
        assertThat(leavingRightAfterSubmitting("framed")).isFalse();
        assertThat(session.driver().getTitle()).isEqualTo("Allergies");
        assertThat(List.of(session.driver().getCurrentUrl())).allMatch(u -> u.endsWith("/forms"));
    }
}
