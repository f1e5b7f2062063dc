package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.SessionFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The measures a session's attempt gets from its events and the expert path's, on small hand-made recordings. */
class SessionMeasuresTest {
    static final UUID ID = UUID.randomUUID();

    @Test
    void screensAreTheTasksPagesAndRoutesInOrderWithComingBackCounted() {
        List<EventRecord> events = events(
                ev("page-start", "http://c/login", "{\"phase\":\"setup\",\"top\":true}"),
                ev("pointer-down", "http://c/home", "{\"phase\":\"task\",\"top\":true,\"button\":0,\"target\":{\"actionable\":true}}"),
                ev("page-start", "http://c/search?q=1", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/search?q=2", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/frame", "{\"phase\":\"task\",\"top\":false}"),
                ev("route", "http://c/app", "{\"phase\":\"task\",\"top\":true,\"to\":\"http://c/app#/chart/7\"}"),
                ev("page-start", "http://c/home", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/after", "{\"phase\":\"after\",\"top\":true}"));
        // The start screen (the first task event's page), a reload in place once, a frame not at all.
        assertThat(SessionMeasures.screens(events)).containsExactly("/home", "/search", "/app#/chart/7", "/home");
    }

    @Test
    void misclicksArePrimaryPressesOnNothingActionableDuringTheTask() {
        List<EventRecord> events = events(
                ev("pointer-down", "http://c/a", "{\"phase\":\"setup\",\"button\":0,\"target\":{\"actionable\":false}}"),
                ev("pointer-down", "http://c/a", "{\"phase\":\"task\",\"button\":0,\"target\":{\"actionable\":false}}"),
                ev("pointer-down", "http://c/a", "{\"phase\":\"task\",\"button\":2,\"target\":{\"actionable\":false}}"),
                ev("pointer-down", "http://c/a", "{\"phase\":\"task\",\"button\":0,\"target\":{\"actionable\":true}}"),
                // Recorded before the recorder judged targets: not known, never counted against the candidate.
                ev("pointer-down", "http://c/a", "{\"phase\":\"task\",\"button\":0,\"target\":{\"tag\":\"div\"}}"));
        assertThat(SessionMeasures.misclicks(events)).isEqualTo(1);
    }

    @Test
    void aDeadClickIsAPressThatChangedNothingBeforeTheParticipantLeftTheScreen() {
        String button = "{\"phase\":\"task\",\"button\":0,\"target\":{\"tag\":\"button\",\"role\":\"button\",\"actionable\":true}}";
        String field = "{\"phase\":\"task\",\"button\":0,\"target\":{\"tag\":\"input\",\"role\":\"textbox\",\"actionable\":true}}";
        String screen = "{\"phase\":\"task\",\"top\":true}";
        String task = "{\"phase\":\"task\"}";
        // Pressed, nothing happened, left 5 s later: dead.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", button), at(5000, "page-start", screen)))).isEqualTo(1);
        // The page answered the press (a response stamped when the press was handled, a little after it): not dead.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", button), at(12, "response", task),
                at(5000, "page-start", screen)))).isZero();
        // A response to an earlier action is not this press's.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", button), at(-300, "response", task),
                at(5000, "page-start", screen)))).isEqualTo(1);
        // A new screen at once: the press's own effect.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", button), at(300, "page-start", screen)))).isZero();
        // Typed on the screen after it: the participant went on working there.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", button), at(900, "key", task),
                at(5000, "page-start", screen)))).isZero();
        // A press into a field focuses it: never dead.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", field), at(5000, "page-start", screen)))).isZero();
        // Still on the screen when the task ended: not left.
        assertThat(SessionMeasures.misclicks(timed(at(0, "pointer-down", button)))).isZero();
    }

    @Test
    void againstTheExpertPathDeviationsLostnessAndDirectness() {
        List<EventRecord> expertEvents = events(
                ev("page-start", "http://c/home", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/chart", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/allergy", "{\"phase\":\"task\",\"top\":true}"));
        SessionMeasures.ExpertPath expert = SessionMeasures.ExpertPath.of(attempt(Outcome.SUCCESS, 4000, 8, 12, 5000),
                expertEvents);
        assertThat(expert.actions()).isEqualTo(20);
        assertThat(expert.screens()).containsExactly("/home", "/chart", "/allergy");

        List<EventRecord> detour = events(
                ev("page-start", "http://c/home", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/help", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/home", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/chart", "{\"phase\":\"task\",\"top\":true}"),
                ev("page-start", "http://c/allergy", "{\"phase\":\"task\",\"top\":true}"));
        SessionFacts f = SessionMeasures.of("done", attempt(Outcome.SUCCESS, 15000, 10, 15, 0), detour, expert);
        assertThat(f.pathDeviation()).isEqualTo(25 / 20.0);
        assertThat(f.timeDeviation()).isEqualTo(15000 / 5000.0);
        assertThat(f.success()).isEqualTo("indirect");
        // Smith 1996: S = 5 visited, N = 4 different, R = 3: sqrt((4/5 - 1)^2 + (3/4 - 1)^2).
        assertThat(f.lostness()).isCloseTo(Math.sqrt(0.04 + 0.0625), within(1e-12));

        SessionFacts direct = SessionMeasures.of("done", attempt(Outcome.SUCCESS, 5000, 8, 12, 0), expertEvents, expert);
        assertThat(direct.success()).isEqualTo("direct");
        assertThat(direct.lostness()).isEqualTo(0.0);
        assertThat(direct.pathDeviation()).isEqualTo(1.0);

        SessionFacts failed = SessionMeasures.of("gave-up", attempt(Outcome.FAILURE, 5000, 2, 0, 0), expertEvents, expert);
        assertThat(failed.success()).isNull();
        assertThat(failed.participantSaid()).isEqualTo("gave-up");
    }

    @Test
    void anExpertPathThatComesBackToAScreenGivesLostnessZeroToWhoeverFollowsIt() {
        // HAPI FHIR's tester (realapps/hapi-fhir): its one resource page is opened for the patient, then for the allergy.
        String screen = "{\"phase\":\"task\",\"top\":true}";
        List<Ev> expertWay = List.of(ev("page-start", "http://h/", screen),
                ev("page-start", "http://h/resource?resource=Patient", screen),
                ev("page-start", "http://h/search?resource=Patient", screen),
                ev("page-start", "http://h/resource?resource=AllergyIntolerance", screen),
                ev("page-start", "http://h/create", screen));
        List<EventRecord> expertEvents = events(expertWay.toArray(Ev[]::new));
        SessionMeasures.ExpertPath expert = SessionMeasures.ExpertPath.of(attempt(Outcome.SUCCESS, 5000, 10, 562, 189_700),
                expertEvents);
        assertThat(expert.screens()).containsExactly("/", "/resource", "/search", "/create");
        assertThat(expert.revisits()).isEqualTo(1);

        // The participant took the expert path exactly: not lost at all (it was 0.20 when the expert path's own revisit
        // counted against her), and a direct success.
        SessionFacts same = SessionMeasures.of("done", attempt(Outcome.SUCCESS, 12000, 10, 562, 0), expertEvents, expert);
        assertThat(same.lostness()).isEqualTo(0.0);
        assertThat(same.success()).isEqualTo("direct");

        // Back to the search once more than the task needs: lost by that revisit only, √((4/5 − 1)²) = 0.2.
        List<Ev> back = new ArrayList<>(expertWay);
        back.add(4, ev("page-start", "http://h/search?resource=AllergyIntolerance", screen));
        SessionFacts f = SessionMeasures.of("done", attempt(Outcome.SUCCESS, 20000, 12, 562, 0), events(back.toArray(Ev[]::new)),
                expert);
        assertThat(f.lostness()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void withoutAnExpertPathOnlyTheParticipantsWordAndMisclicks() {
        SessionFacts f = SessionMeasures.of("timed-out", attempt(Outcome.FAILURE, 60000, 3, 0, 0), List.of(), null);
        assertThat(f).isEqualTo(new SessionFacts("timed-out", null, null, null, null, 0));
    }

    private static AttemptRecord attempt(Outcome outcome, long timeMs, int clicks, int keys, long klmMs) {
        return new AttemptRecord(ID, UUID.randomUUID(), "c", "t", "P01", 1, outcome, null, null, Instant.EPOCH, timeMs, clicks,
                keys, 0, 0, 0, 0, 0, 0, klmMs);
    }

    private record Ev(String type, String page, String json) {}

    private record At(double tMs, String type, String json) {}

    private static At at(double tMs, String type, String json) {
        return new At(tMs, type, json);
    }

    private static List<EventRecord> timed(At... ats) {
        List<EventRecord> out = new ArrayList<>();
        for (int i = 0; i < ats.length; i++) {
            out.add(new EventRecord(ID, i, ats[i].tMs(), ats[i].type(), "http://c/x", ats[i].json()));
        }
        return out;
    }

    private static Ev ev(String type, String page, String json) {
        return new Ev(type, page, json);
    }

    private static List<EventRecord> events(Ev... evs) {
        List<EventRecord> out = new ArrayList<>();
        for (int i = 0; i < evs.length; i++) {
            out.add(new EventRecord(ID, i, i * 100.0, evs[i].type(), evs[i].page(), evs[i].json()));
        }
        return out;
    }
}
