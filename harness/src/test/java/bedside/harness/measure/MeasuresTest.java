package bedside.harness.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.harness.record.PageEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<PageEvent> events = new ArrayList<>();

    private ObjectNode add(String type, double t, String url, boolean top) {
        ObjectNode data = JSON.createObjectNode();
        events.add(new PageEvent("doc-" + url, top, 0, events.size(), t, type, url, 0, data));
        return data;
    }

    private void click(double t, String role, String tag, String css) {
        ObjectNode d = add("pointer-down", t, "http://x/a", true);
        d.put("button", 0);
        d.putObject("target").put("role", role).put("tag", tag).put("css", css).put("name", "thing");
    }

    private void key(double t, String keyClass, String key, String css) {
        ObjectNode d = add("key", t, "http://x/a", true);
        d.put("keyClass", keyClass).put("key", key).put("repeat", false);
        d.putObject("target").put("tag", "input").put("css", css);
    }

    @Test
    void countsWhatThePageRecorded() {
        add("page-start", 0, "http://x/a?id=1", true);
        add("page-start", 5, "http://x/frame", false); // an iframe: not a page load of the task's window
        click(10, "button", "button", "#b");
        ObjectNode secondaryClick = add("pointer-down", 11, "http://x/a", true);
        secondaryClick.put("button", 2);
        key(20, "character", null, "#f");
        ObjectNode repeat = add("key", 21, "http://x/a", true);
        repeat.put("keyClass", "character").put("repeat", true);
        add("page-start", 30, "http://x/b", true);
        add("page-start", 40, "http://x/a?id=2", true); // same screen, another patient
        add("scroll", 50, "http://x/a", true).put("distance", 120);
        add("dialog-open", 60, "http://x/a", true).put("kind", "confirm");
        add("validation", 70, "http://x/a", true).put("source", "role-alert");
        add("warning", 80, "http://x/a", true).put("source", "role-alertdialog");

        Measures m = Measures.of(events, 0, 1000, null);

        assertThat(m.clicks()).isEqualTo(1);
        assertThat(m.keystrokes()).isEqualTo(1);
        assertThat(m.pageLoads()).isEqualTo(3);
        assertThat(m.screens()).isEqualTo(2);
        assertThat(m.screensVisited()).containsExactly("/a", "/b");
        assertThat(m.scrollPx()).isEqualTo(120);
        assertThat(m.dialogs()).isEqualTo(1);
        assertThat(m.validationErrors()).isEqualTo(1);
        assertThat(m.warnings()).as("a warning the candidate showed is not a validation error").isEqualTo(1);
        assertThat(m.timeMs()).isEqualTo(1000);
    }

    @Test
    void aDropDownChoiceIsAClickTheBrowserDrawsOutsideThePage() {
        click(10, "combobox", "select", "#severity");
        ObjectNode change = add("change", 20, "http://x/a", true);
        change.putObject("target").put("tag", "select").put("role", "combobox").put("css", "#severity");
        ObjectNode textChange = add("change", 30, "http://x/a", true);
        textChange.putObject("target").put("tag", "input").put("role", "textbox").put("css", "#name");

        Measures m = Measures.of(events, 0, 100, "http://x/start?id=3");

        assertThat(m.clicks()).isEqualTo(2);
        assertThat(m.klmNotation()).isEqualTo("M P B B P B B");
        assertThat(m.screensVisited()).containsExactly("/start");
    }

    @Test
    void systemResponseCountsOverlappingBusyTimeOnce() {
        ObjectNode load = add("page-load", 500, "http://x/a", true);
        load.put("origin", 100).put("loadEnd", 300); // busy 100..400
        add("request-start", 350, "http://x/a", true).put("id", 1);
        add("request-end", 450, "http://x/a", true).put("id", 1); // busy 350..450, overlaps
        add("request-start", 600, "http://x/a", true).put("id", 2);
        add("request-end", 700, "http://x/a", true).put("id", 2); // busy 600..700

        Measures m = Measures.of(events, 0, 1000, null);

        assertThat(m.systemResponseMs()).isEqualTo(450); // 100..450 and 600..700
    }

    @Test
    void aMeasuredResponseIsSystemResponseAndOverlapsCountOnce() {
        ObjectNode r = add("response", 100, "http://x/a", true); // a click until the page settled: 100..400
        r.put("start", 100).put("end", 400).put("requests", 1);
        add("request-start", 150, "http://x/a", true).put("id", 1);
        add("request-end", 350, "http://x/a", true).put("id", 1); // inside the response
        add("response", 600, "http://x/a", true).put("start", 600).put("end", 650);

        Measures m = Measures.of(events, 0, 1000, null);

        assertThat(m.systemResponseMs()).isEqualTo(350); // 100..400 and 600..650
    }

    @Test
    void recorderFaultsAndNoticesCountAgainstNobody() {
        add("recorder-error", 10, "http://x/a", true).put("where", "click");
        add("js-error", 20, "http://x/a", true).put("message", "the page's own");
        add("notice", 30, "http://x/a", true).put("source", "role-status");
        add("notice", 40, "http://x/a", true).put("source", "role-alert");
        add("validation", 50, "http://x/a", true).put("source", "role-alert");

        Measures m = Measures.of(events, 0, 100, null);

        assertThat(m.recorderErrors()).isEqualTo(1);
        assertThat(m.notices()).isEqualTo(2);
        assertThat(m.validationErrors()).isEqualTo(1);
        assertThat(m.warnings()).isZero();
        assertThat(m.clicks()).isZero();
    }

    @Test
    void modalDialogsInThePageAreDialogs() {
        add("dialog-open", 10, "http://x/a", true).put("kind", "confirm");
        add("dialog-open", 20, "http://x/a", true).put("kind", "modal");
        add("dialog-close", 30, "http://x/a", true).put("kind", "modal");
        add("dialog-open", 40, "http://x/a", true).put("kind", "modal");

        assertThat(Measures.of(events, 0, 100, null).dialogs()).isEqualTo(3);
    }

    @Test
    void anOptionChangedWithTheArrowKeysIsNotAClick() {
        ObjectNode keyed = add("change", 20, "http://x/a", true);
        keyed.put("via", "keyboard").putObject("target").put("tag", "select").put("role", "combobox").put("css", "#s");
        ObjectNode chosen = add("change", 30, "http://x/a", true);
        chosen.put("trusted", false).putObject("target").put("tag", "select").put("role", "combobox").put("css", "#s");

        Measures m = Measures.of(events, 0, 100, null);

        assertThat(m.clicks()).as("only the option chosen from the list").isEqualTo(1);
        assertThat(m.klmNotation()).isEqualTo("P B B");
    }

    @Test
    void eventsCountOnTheScreenTheyHappenedOnAndHashRoutesAreScreens() {
        add("route", 10, "http://x/app/b", true).put("how", "pushState").put("from", "http://x/app/a").put("to", "http://x/app/b");
        add("route", 20, "http://x/app/b", false).put("to", "http://x/frame/c"); // a frame's route: not the task's screen
        add("route", 30, "http://x/h/#/patients/1?tab=2", true).put("to", "http://x/h/#/patients/1?tab=2");
        add("route", 40, "http://x/h/#!/chart", true).put("to", "http://x/h/#!/chart");
        add("route", 50, "http://x/h/#section-2", true).put("to", "http://x/h/#section-2"); // an anchor, not a route

        Measures m = Measures.of(events, 0, 100, "http://x/app/a?id=1");

        assertThat(m.screensVisited()).containsExactly("/app/a", "/app/b", "/h/#/patients/1", "/h/#/chart", "/h/");
        assertThat(Measures.screen("http://x")).isEqualTo("/");
        assertThat(Measures.screen("about:blank")).isEqualTo("about:blank");
    }

    @Test
    void busyTimeIsClippedToTheAttempt() {
        assertThat(Measures.unionLength(List.of(new double[] {0, 100}, new double[] {50, 300}), 80, 200)).isCloseTo(120, within(1e-9));
        assertThat(Measures.unionLength(List.of(), 0, 10)).isZero();
    }

    @Test
    void klmPlacesMentalOperatorsByTheHeuristicRules() {
        click(1, "textbox", "input", "#name");          // point into a field: P B B, no M
        key(2, "character", null, "#name");              // H M K
        key(3, "character", null, "#name");              // K
        key(4, "enter", "Enter", "#name");               // redundant terminator: K
        click(5, "button", "button", "#save");           // H M P B B
        key(6, "other", "Escape", "body");               // H M K

        List<Klm.Operator> ops = Klm.predict(events, 0);

        assertThat(Klm.notation(ops)).isEqualTo("P B B H M K K K H M P B B H M K");
        // 2P + 4B + 3H + 3M + 4K
        double expected = 2 * Klm.P + 4 * Klm.B + 3 * Klm.H + 3 * Klm.M + 4 * Klm.K;
        assertThat(Klm.totalMillis(ops)).isEqualTo(Math.round(expected * 1000));
    }

    @Test
    void klmKeepsATypedStringWhereverThePageMovesTheKeys() {
        // A library inserted a sibling before the field while the clinician typed (a new path), then re-rendered it
        // as a new element (a new key): the person typed one string and decided nothing in between.
        key(1, "character", null, "div > input:nth-of-type(1)");
        events.get(0).data().with("target").put("key", 7);
        key(2, "character", null, "div > input:nth-of-type(2)");
        events.get(1).data().with("target").put("key", 7);
        key(3, "character", null, "div > input:nth-of-type(2)");
        events.get(2).data().with("target").put("key", 8);
        // MUI's segmented date field moves the focus from day to year by itself: still one string (a date).
        key(4, "character", null, "div > span:nth-of-type(3)");
        events.get(3).data().with("target").put("key", 10).put("role", "spinbutton").put("name", "Year");
        assertThat(Klm.notation(Klm.predict(events, 0))).isEqualTo("H M K K K K");
    }

    @Test
    void klmStartsANewStringAfterTheClinicianMovesOn() {
        key(1, "character", null, "#dose");
        key(2, "tab", "Tab", "#dose");       // ends the string: K
        key(3, "character", null, "#route"); // a new decision: M K
        key(4, "other", "ArrowDown", "#route");
        key(5, "character", null, "#route"); // after another key: a new string
        assertThat(Klm.notation(Klm.predict(events, 0))).isEqualTo("H M K K M K M K M K");
    }

    @Test
    void klmEndsATypedStringWithTabEvenWhenAPopupTookTheFocus() {
        // Ant Design's time picker: the popup may take the focus as the time completes, so the Tab's target differs.
        key(1, "character", null, "#reaction-time");
        key(2, "character", null, "#reaction-time");
        key(3, "tab", "Tab", ".ant-picker-dropdown");
        events.get(2).data().with("target").put("key", 99);
        key(4, "tab", "Tab", "#notes"); // nothing typed since: a decision of its own
        assertThat(Klm.notation(Klm.predict(events, 0))).isEqualTo("H M K K K M K");
    }

    @Test
    void klmAddsMeasuredSystemResponse() {
        click(1, "link", "a", "#l");
        assertThat(Klm.notation(Klm.predict(events, 250))).isEqualTo("M P B B R");
        assertThat(Klm.totalMillis(Klm.predict(events, 250))).isEqualTo(Math.round((Klm.M + Klm.P + 2 * Klm.B + 0.25) * 1000));
    }
}
