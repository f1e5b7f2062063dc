package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.results.EventRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which screens of a participant's attempt are rebuilt from its replay for the audit, and at what moment. */
class ReplayAuditTest {
    static final UUID ID = UUID.randomUUID();
    static final long ZERO = 1_800_000_000_000L;

    static EventRecord event(double tMs, String type, String page, String json) {
        return new EventRecord(ID, 0, tMs, type, page, json);
    }

    @Test
    void theTaskScreensFromTheOneTheClockStartedOnTheSetupsSignInLeftOut() {
        List<ReplayAudit.Visit> visits = ReplayAudit.visits(ZERO, List.of(
                event(-900, "page-start", "about:blank", "{\"top\":true,\"phase\":\"setup\"}"),
                event(-800, "page-start", "http://c/login", "{\"top\":true,\"phase\":\"setup\"}"),
                event(-300, "page-start", "http://c/home", "{\"top\":true,\"phase\":\"setup\"}"),
                event(100, "click", "http://c/home", "{\"top\":true}"),
                event(200, "page-start", "http://c/frame", "{\"top\":false}"),
                event(400, "route", "http://c/app", "{\"top\":true,\"to\":\"http://c/app#/patients\"}"),
                event(900, "dialog-open", "http://c/app", "{\"kind\":\"alert\"}"),
                event(1200, "dialog-open", "http://c/app", "{\"kind\":\"modal\"}"),
                event(1500, "page-start", "http://c/after", "{\"top\":true,\"phase\":\"after\"}")), ZERO + 5000);
        assertThat(visits).extracting(ReplayAudit.Visit::url)
                .containsExactly("http://c/home", "http://c/app#/patients", "http://c/app#/patients");
        assertThat(visits).extracting(ReplayAudit.Visit::at).containsExactly(ZERO - 300, ZERO + 400, ZERO + 1200);
        // each until just before the next; the last until the replay ends
        assertThat(visits).extracting(ReplayAudit.Visit::until).containsExactly(ZERO + 399, ZERO + 1199, ZERO + 5000);
    }

    @Test
    void aScreenIsSeenJustBeforeTheParticipantFirstActsOnIt() throws Exception {
        var events = new ObjectMapper().readTree("""
                [{"type":4,"timestamp":1000,"data":{"href":"http://c/","width":1280,"height":800}},
                 {"type":2,"timestamp":1010,"data":{}},
                 {"type":3,"timestamp":1100,"data":{"source":0}},
                 {"type":3,"timestamp":1200,"data":{"source":1}},
                 {"type":3,"timestamp":1500,"data":{"source":2,"type":2}},
                 {"type":3,"timestamp":2600,"data":{"source":5,"text":"*"}}]""");
        List<Long> acts = ReplayAudit.interactions(events);
        assertThat(acts).containsExactly(1500L, 2600L); // mutations and mouse moves are not acts
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(1000, "http://c/", 2000, 0), acts)).isEqualTo(1499);
        // typing at 2600 acts on the screen that came at 2500
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(2500, "http://c/b", 3000, 0), acts)).isEqualTo(2599);
        // left without being acted on: as it was just before the next screen came
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(1600, "http://c/a", 2400, 0), acts)).isEqualTo(2400);
    }
}
