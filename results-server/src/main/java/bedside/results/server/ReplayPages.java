package bedside.results.server;

import bedside.reports.pages.Pages;
import bedside.reports.replay.ReplayPage;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.ReplayRecord;
import bedside.results.SessionRecord;
import bedside.results.store.ResultsStore;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * An attempt's replay as a self-contained page (rrweb-player, the replay and the attempt's marks inlined): served by
 * the results server under the attempt's access rules, and written to a file by {@code bedside replay} and beside the
 * reports that link it. Whoever calls it has already decided the reader may see the attempt.
 */
public final class ReplayPages {
    private ReplayPages() {
    }

    /** The page of {@code a}'s replay, its marks read from the store. */
    public static String render(ResultsStore store, String study, AttemptRecord a, ReplayRecord replay) {
        return render(study, a, replay, store.eventsOfAttempt(a.attemptId()), store.markersOfSession(a.sessionId()),
                store.session(a.sessionId()).map(SessionRecord::simulated).orElse(false));
    }

    /**
     * The page of {@code a}'s replay from what the caller holds (a run's report, written beside it whether the run was
     * stored here or sent to a results server).
     *
     * @param events    the attempt's recorded events
     * @param markers   the observer's markers of its session (none for a scripted path)
     * @param simulated whether the attempt is a simulated participant's (the page says so)
     */
    public static String render(String study, AttemptRecord a, ReplayRecord replay, List<EventRecord> events,
                                List<MarkerRecord> markers, boolean simulated) {
        String facts = a.outcome().code() + (a.reason() == null ? "" : " (" + a.reason() + ")") + " · "
                + String.format(Locale.ROOT, "%.1f s", a.timeMs() / 1000.0) + " · "
                // Served to the candidate's vendor too, who never sees a participant's study code.
                + (a.session() == null ? "expert path" : "a participant's attempt") + " · started "
                + bedside.reports.pages.Fmt.utc(a.startedAt()) + " · study " + study;
        ReplayPage page = new ReplayPage(a.task() + " on " + a.candidate() + ", attempt " + a.attemptNo(), facts,
                ReplayAssets.playerJs(), ReplayAssets.playerCss(), Base64.getEncoder().encodeToString(replay.gzip()),
                ReplayMarks.of(a, events, markers), simulated);
        return Pages.render("replay/player.jte", page);
    }
}
