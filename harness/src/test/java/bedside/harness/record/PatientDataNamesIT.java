package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What the recorder keeps of an element inside the binding's patient data: its role, never its text. The replay masks
 * that text in the page, so the events beside it (the replay page's list, the reports) must not say it either. In
 * Chromium.
 */
class PatientDataNamesIT {
    static final String RESULTS = """
            <!doctype html><html><head><title>Find patient</title></head><body>
            <table><tbody id="results"><tr><td><a href="#p1" id="row">Okafor, Margaret</a></td></tr></tbody></table>
            <button id="save">Save allergy</button>
            </body></html>""";

    static Javalin site;
    static Browsers.Session session;

    @BeforeAll
    static void start() {
        site = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/results", ctx -> ctx.html(RESULTS));
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        site.stop();
    }

    /** A browser of each test's own: a recorder's script stays in the browser it was put into. */
    @BeforeEach
    void open() {
        session = Browsers.start(BrowserSettings.local());
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** The clicks' target names as recorded with {@code patientData}, in the order clicked (the row, then Save). */
    static List<PageEvent> clicks(List<String> patientData) {
        Recorder recorder = Recorder.attach(session.driver(), List.of(), patientData);
        try {
            session.driver().get("http://127.0.0.1:" + site.port() + "/results");
            session.driver().findElement(By.id("row")).click();
            session.driver().findElement(By.id("save")).click();
            assertThat(recorder.drain(5_000)).isTrue();
            return recorder.recording().events().stream().filter(e -> e.type().equals("click")).toList();
        } finally {
            recorder.close();
        }
    }

    @Test
    void anElementInsideThePatientDataIsRecordedWithItsNameMasked() {
        List<PageEvent> clicks = clicks(List.of("title", "#results"));
        assertThat(clicks).extracting(e -> e.targetText("role"), e -> e.targetText("name"), e -> e.targetText("patientData"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("link", "******* ********", "true"),
                        org.assertj.core.groups.Tuple.tuple("button", "Save allergy", null));
        assertThat(clicks.toString()).doesNotContain("Okafor").doesNotContain("Margaret");
    }

    @Test
    void withoutPatientDataNamesAreKeptAsTheyAre() {
        assertThat(clicks(List.of())).extracting(e -> e.targetText("name"))
                .containsExactly("Okafor, Margaret", "Save allergy");
    }

    @Test
    void aSelectorThatIsNotCssMasksEveryNameAndIsRecordedAsTheRecordersFault() {
        Recorder recorder = Recorder.attach(session.driver(), List.of(), List.of("#results", "td:::nonsense"));
        try {
            session.driver().get("http://127.0.0.1:" + site.port() + "/results");
            session.driver().findElement(By.id("save")).click();
            assertThat(recorder.drain(5_000)).isTrue();
            List<PageEvent> events = recorder.recording().events();
            assertThat(events).filteredOn(e -> e.type().equals("click")).extracting(e -> e.targetText("name"))
                    .containsExactly("**** *******");
            assertThat(events).anyMatch(e -> e.type().equals("recorder-error") && e.toString().contains("patientData"));
        } finally {
            recorder.close();
        }
    }
}
