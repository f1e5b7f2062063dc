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
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(1000, "http://c/", 2000, 0, false), acts)).isEqualTo(1500); // the replayer shows what came strictly before
        // typing at 2600 acts on the screen that came at 2500
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(2500, "http://c/b", 3000, 0, false), acts)).isEqualTo(2600);
        // acted on a millisecond after its snapshot (1010): paused after the snapshot, which is then shown
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(1010, "http://c/", 2000, 0, true), List.of(1011L)))
                .isEqualTo(1011);
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(1010, "http://c/", 1010, 0, true), List.of())).isEqualTo(1011);
        // left without being acted on: as it was just before the next screen came
        assertThat(ReplayAudit.seen(new ReplayAudit.Visit(1600, "http://c/a", 2400, 0, false), acts)).isEqualTo(2400);
    }

    @Test
    void aPathsScreenWasReachedByTheFirstStepDoneWhenOrAfterItCame() {
        var steps = List.of(new ReplayAudit.StepDone("1", ZERO + 100), new ReplayAudit.StepDone("2", ZERO + 500),
                new ReplayAudit.StepDone("2.1", ZERO + 900));
        var label = ReplayAudit.afterStep(steps);
        assertThat(label.apply(new ReplayAudit.Visit(ZERO - 50, "http://c/", ZERO + 80, -50, false))).isEqualTo("start");
        // step 2 clicked a link: the page came while it was being done (it ends once the page has loaded)
        assertThat(label.apply(new ReplayAudit.Visit(ZERO + 450, "http://c/b", ZERO + 800, 450, false))).isEqualTo("2");
        assertThat(label.apply(new ReplayAudit.Visit(ZERO + 950, "http://c/c", ZERO + 990, 950, false))).isEqualTo("2.1");
        assertThat(ReplayAudit.PARTICIPANT_TIME.apply(new ReplayAudit.Visit(ZERO + 12_345, "http://c/", ZERO + 13_000,
                12_345, false))).isEqualTo("participant at 12.3 s");
    }

    @Test
    void aNewPageIsShownFromTheReplaysOwnSnapshotOfItNotFromWhenTheOldOneWasLeft() throws Exception {
        var events = new ObjectMapper().readTree("""
                [{"type":4,"timestamp":1000,"data":{"href":"http://c/main.do"}},
                 {"type":2,"timestamp":1010,"data":{}},
                 {"type":3,"timestamp":1300,"data":{"source":2,"type":2}},
                 {"type":4,"timestamp":1450,"data":{"href":"http://c/search.do?x=1"}},
                 {"type":2,"timestamp":1460,"data":{}},
                 {"type":3,"timestamp":1800,"data":{"source":5}}]""");
        // the recorder's page-start for search.do came at 1290, before the click on main.do that left it (1300)
        ReplayAudit.Visit search = new ReplayAudit.Visit(1290, "http://c/search.do", 2000, 290, true);
        ReplayAudit.Visit shown = ReplayAudit.shown(search, events, search.until());
        assertThat(shown.at()).isEqualTo(1460);
        assertThat(ReplayAudit.seen(shown, ReplayAudit.interactions(events))).isEqualTo(1800);
        // a page the replay holds no snapshot of is not audited as whatever was shown before it
        assertThat(ReplayAudit.shown(new ReplayAudit.Visit(1290, "http://c/other.do", 2000, 290, true), events, 2000))
                .isNull();
        // a page that opened a modal while it loaded, before rrweb's snapshot at its load (the chart's alert):
        // first shown with the dialog, so audited as that screen, not reported as never shown
        var chart = new ObjectMapper().readTree("""
                [{"type":4,"timestamp":1000,"data":{"href":"http://c/"}},
                 {"type":2,"timestamp":1010,"data":{}},
                 {"type":4,"timestamp":1440,"data":{"href":"http://c/patients/1005"}},
                 {"type":2,"timestamp":1460,"data":{}},
                 {"type":3,"timestamp":1900,"data":{"source":2,"type":2}}]""");
        List<ReplayAudit.Visit> visits = List.of(new ReplayAudit.Visit(1000, "http://c/", 1394, 0, true),
                new ReplayAudit.Visit(1395, "http://c/patients/1005", 1431, 395, true),
                new ReplayAudit.Visit(1432, "http://c/patients/1005", 2500, 432, false));
        assertThat(ReplayAudit.documentUntil(visits, 1)).isEqualTo(2500);
        assertThat(ReplayAudit.documentUntil(visits, 0)).isEqualTo(1394);
        // first shown later: from its snapshot, which came after its own end
        ReplayAudit.Visit later = ReplayAudit.shown(visits.get(1), chart, ReplayAudit.documentUntil(visits, 1));
        assertThat(later.at()).isEqualTo(1460);
        assertThat(later.until()).isEqualTo(1431);
        // with the page alone (as it was before): reported as never shown
        assertThat(ReplayAudit.shown(visits.get(1), chart, visits.get(1).until())).isNull();
        // the dialog's screen: from when it opened, seen just before the click on it (the snapshot is in place then)
        assertThat(ReplayAudit.seen(ReplayAudit.shown(visits.get(2), chart, 2500), ReplayAudit.interactions(chart)))
                .isEqualTo(1900);
        java.util.Set<String> unseen = new java.util.LinkedHashSet<>();
        assertThat(ReplayAudit.shownScreens(visits, chart, unseen)).extracting(ReplayAudit.Visit::url, ReplayAudit.Visit::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http://c/", 1010L),
                        org.assertj.core.groups.Tuple.tuple("http://c/patients/1005", 1460L)); // not before the snapshot
        assertThat(unseen).isEmpty();
        // a route of a single-page app has no snapshot of its own
        assertThat(ReplayAudit.shown(new ReplayAudit.Visit(1290, "http://c/#/x", 2000, 290, false), events, 2000).at())
                .isEqualTo(1290);
    }

    @Test
    void aDialogAnsweredBeforeThePagesSnapshotIsNeverShownFromBeforeTheSnapshot() throws Exception {
        // The page opened a dialog while it loaded, and the participant answered it before the page's load, when rrweb
        // took its snapshot (1460): the replay never holds the dialog. Nothing of that page is shown before 1460 (the
        // page before it would be), so the dialog's screen is shown with the one after it, from the snapshot on.
        var events = new ObjectMapper().readTree("""
                [{"type":4,"timestamp":1000,"data":{"href":"http://c/"}},
                 {"type":2,"timestamp":1010,"data":{}},
                 {"type":4,"timestamp":1450,"data":{"href":"http://c/patients/1005"}},
                 {"type":2,"timestamp":1460,"data":{}},
                 {"type":3,"timestamp":1900,"data":{"source":2,"type":2}}]""");
        List<ReplayAudit.Visit> visits = List.of(new ReplayAudit.Visit(1000, "http://c/", 1394, 0, true),
                new ReplayAudit.Visit(1395, "http://c/patients/1005", 1410, 395, true),
                new ReplayAudit.Visit(1411, "http://c/patients/1005", 1440, 411, false), // the dialog, answered at 1440
                new ReplayAudit.Visit(1441, "http://c/patients/1005#/chart", 2500, 441, false));
        java.util.Set<String> unseen = new java.util.LinkedHashSet<>();
        List<ReplayAudit.Visit> screens = ReplayAudit.shownScreens(visits, events, unseen);
        assertThat(screens).extracting(ReplayAudit.Visit::url, ReplayAudit.Visit::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http://c/", 1010L),
                        org.assertj.core.groups.Tuple.tuple("http://c/patients/1005#/chart", 1460L));
        assertThat(unseen).isEmpty();
        // paused just before the first act on it, after the snapshot
        assertThat(ReplayAudit.seen(screens.get(1), ReplayAudit.interactions(events))).isEqualTo(1900);
        // a dialog still open at the snapshot is shown from the snapshot, never from before it
        List<ReplayAudit.Visit> open = List.of(visits.get(0), visits.get(1),
                new ReplayAudit.Visit(1411, "http://c/patients/1005", 1600, 411, false),
                new ReplayAudit.Visit(1601, "http://c/patients/1005#/chart", 2500, 601, false));
        assertThat(ReplayAudit.shownScreens(open, events, unseen)).extracting(ReplayAudit.Visit::at)
                .containsExactly(1010L, 1460L, 1601L);
        assertThat(ReplayAudit.seen(ReplayAudit.shownScreens(open, events, unseen).get(1),
                ReplayAudit.interactions(events))).isEqualTo(1600); // left unacted: just before the next screen
    }
}
