package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's optional audit of sessions: a participant's attempt is audited on its screens rebuilt from its DOM replay
 * after its clock stopped (as a path's is when it has a replay). The same task on the legacy sample, done once as the
 * expert path without a replay (audited live, the path done again) and once by a participant (audited from the replay),
 * must find the same faults on the same screens: the
 * rebuild neither hides a fault nor adds one, though it sees every input and the binding's patient data masked. Nothing
 * of the audit is inside the participant's clock. (SessionIT audits a whole session from its replays, a detour included,
 * the streamlined sample clean, and reads the vendor's report.)
 */
class ReplayAuditIT {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A participant who does what the expert path does, starting the clock as a session's panel does. */
    static final Performer PARTICIPANT = t -> {
        t.startClock(t.recorder().browserNow());
        t.steps().run(t.path(), t.values(), "");
        return new Performer.Ending(Double.NaN, "done");
    };

    static SampleCandidate legacy;
    static AttemptResult legacyPath;
    static AttemptResult legacyParticipant;

    @BeforeAll
    static void attempts() {
        Suite suite = ShippedSuite.read();
        Task task = suite.task("record-allergy").orElseThrow();
        legacy = SampleCandidates.start(SampleCandidates.LEGACY, 0);
        BrowserSettings browser = BrowserSettings.local();
        // Runners of their own: each audits a screen once per run, and each attempt here must audit its own.
        // The path without a replay: done again and audited live, each screen once it settles (AuditPass).
        legacyPath = new TaskRunner(browser).withoutReplay().withAccessibilityAudit().attempt(suite, task, ShippedSuite.target(legacy),
                UUID.randomUUID(), "expert-path", 1);
        legacyParticipant = new TaskRunner(browser).withAccessibilityAudit().attempt(suite, task,
                ShippedSuite.target(legacy), UUID.randomUUID(), "P01", 1, AttemptListener.NONE, PARTICIPANT);
    }

    @AfterAll
    static void stop() {
        if (legacy != null) legacy.close();
    }

    @Test
    void theReplayedScreensShowTheFaultsThePathsLiveScreensShow() throws Exception {
        for (AttemptResult a : List.of(legacyPath, legacyParticipant)) {
            assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
            assertThat(a.events()).as("an audit that finished").noneMatch(e -> e.type().equals("a11y-incomplete"));
        }
        assertThat(legacyParticipant.replay()).isNotNull();
        assertThat(screens(legacyPath)).allMatch(s -> s.path("from").asText().equals("path"));
        assertThat(screens(legacyParticipant)).allMatch(s -> s.path("from").asText().equals("replay"))
                .allSatisfy(s -> assertThat(s.path("rulesPassed").asInt()).isPositive());
        // Every screen the path's audit saw (the replay also has the screens a step passes through, such as the search's
        // results before the row is opened), none of the setup's (the sign-in), and on the screens both saw the same
        // rule failing on the same elements.
        Set<String> live = names(screens(legacyPath));
        assertThat(names(screens(legacyParticipant))).containsAll(live).doesNotContain("/login.do");
        assertThat(faults(legacyParticipant)).isNotEmpty()
                .filteredOn(f -> live.contains(f.substring(0, f.indexOf(' ')))).containsExactlyElementsOf(faults(legacyPath));
        // legacy's documented faults: before a patient is chosen, and only there
        assertThat(faults(legacyParticipant)).noneMatch(f -> f.startsWith("/clinical/") || f.startsWith("/patient/summary"))
                .anyMatch(f -> f.contains("scrollable-region-focusable .notices")).anyMatch(f -> f.contains("label #forename")).anyMatch(f -> f.contains("color-contrast .ptbar"));
        // A faulty rebuilt screen is pictured with the failing elements outlined, as a live one is.
        for (JsonNode s : screens(legacyParticipant)) {
            assertThat(s.has("picture")).as(s.path("screen").asText()).isEqualTo(s.path("violations").asInt() > 0);
        }
    }

    /**
     * Every audited screen, rebuilt or live, is also pictured as it was shown, nothing marked: a JPEG of exactly the
     * viewport the attempt's clicks are given in (the recorded window for a rebuilt one), the background of the
     * vendor's click maps.
     */
    @Test
    void everyAuditedScreenIsPicturedAsShownInItsViewport() throws Exception {
        JsonNode meta = null;
        for (JsonNode e : JSON.readTree(legacyParticipant.replay().json())) {
            if (e.path("type").asInt() == 4) {
                meta = e.path("data");
                break;
            }
        }
        assertThat(meta).as("the replay's Meta event").isNotNull();
        for (AttemptResult a : List.of(legacyPath, legacyParticipant)) {
            assertThat(screens(a)).isNotEmpty();
            for (JsonNode s : screens(a)) {
                JsonNode view = s.path("view");
                String what = a.attempt().participant() + " " + s.path("screen").asText();
                assertThat(view.path("format").asText()).as(what).isEqualTo("jpeg");
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                        java.util.Base64.getDecoder().decode(view.path("image").asText())));
                assertThat(image).as(what).isNotNull();
                assertThat(image.getWidth()).as(what).isEqualTo(view.path("width").asInt());
                assertThat(image.getHeight()).as(what).isEqualTo(view.path("height").asInt());
                if (a == legacyParticipant) {
                    assertThat(view.path("width").asInt()).as(what).isEqualTo(meta.path("width").asInt());
                    assertThat(view.path("height").asInt()).as(what).isEqualTo(meta.path("height").asInt());
                }
                // a page, not a blank: more than one shade in it
                java.util.Set<Integer> shades = new java.util.HashSet<>();
                for (int y = 0; y < image.getHeight(); y += 7) {
                    for (int x = 0; x < image.getWidth(); x += 7) {
                        shades.add(image.getRGB(x, y) & 0xF0F0F0);
                    }
                }
                assertThat(shades).as(what).hasSizeGreaterThan(3);
            }
        }
    }

    @Test
    void theAuditIsOutsideTheParticipantsClock() {
        double clock = legacyParticipant.attempt().timeMs();
        List<EventRecord> audit = legacyParticipant.events().stream().filter(e -> e.type().startsWith("a11y-")).toList();
        assertThat(audit).isNotEmpty().allSatisfy(e -> assertThat(e.tMs()).isGreaterThanOrEqualTo(clock - 1.0));
    }

    @Test
    void everyPageLeftByAClickHasThatClickInItsReplay() throws Exception {
        // Legacy's path leaves five pages by a click on a link or a button. Each click is sent while the page still runs
        // its handler: sent as the page unloaded, it was lost, and the replay never showed the act that left the page.
        JsonNode events = JSON.readTree(legacyParticipant.replay().json());
        List<String> pages = new ArrayList<>();
        Map<String, Integer> clicks = new java.util.LinkedHashMap<>();
        String page = null;
        for (JsonNode e : events) {
            if (e.path("type").asInt() == 4) {
                page = e.path("data").path("href").asText() + " #" + pages.size();
                pages.add(page);
                clicks.put(page, 0);
            } else if (page != null && e.path("type").asInt() == 3 && e.path("data").path("source").asInt() == 2
                    && e.path("data").path("type").asInt() == 2) {
                clicks.merge(page, 1, Integer::sum);
            }
        }
        // the sign-in (setup) and the last page (the clock stopped there) aside, every page was left by a click on it
        List<String> left = pages.subList(1, pages.size() - 1);
        assertThat(left).hasSizeGreaterThanOrEqualTo(5);
        assertThat(left).allSatisfy(p -> assertThat(clicks.get(p)).as(p).isPositive());
    }

    static List<JsonNode> screens(AttemptResult a) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (EventRecord e : a.events()) {
            if (e.type().equals("a11y-screen")) out.add(JSON.readTree(e.json()));
        }
        return out;
    }

    static Set<String> names(List<JsonNode> screens) {
        Set<String> out = new TreeSet<>();
        screens.forEach(s -> out.add(s.path("screen").asText()));
        return out;
    }

    /** "screen rule selector" of each fault. */
    static Set<String> faults(AttemptResult a) throws Exception {
        Set<String> out = new TreeSet<>();
        for (EventRecord e : a.events()) {
            if (!e.type().equals("a11y-violation")) continue;
            JsonNode v = JSON.readTree(e.json());
            out.add(v.path("screen").asText() + " " + v.path("rule").asText() + " " + v.path("selector").asText());
        }
        return out;
    }
}
