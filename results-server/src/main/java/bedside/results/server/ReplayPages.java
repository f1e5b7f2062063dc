package bedside.results.server;

import bedside.reports.pages.Pages;
import bedside.reports.replay.ReplayPage;
import bedside.results.AttemptRecord;
import bedside.results.ReplayRecord;
import bedside.results.SessionRecord;
import bedside.results.store.ResultsStore;
import java.util.Base64;
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
        boolean simulated = store.session(a.sessionId()).map(SessionRecord::simulated).orElse(false);
        String facts = a.outcome().code() + (a.reason() == null ? "" : " (" + a.reason() + ")") + " · "
                + String.format(Locale.ROOT, "%.1f s", a.timeMs() / 1000.0) + " · participant "
                + a.participant() + " · started " + a.startedAt() + " · study " + study;
        ReplayPage page = new ReplayPage(a.task() + " on " + a.candidate() + ", attempt " + a.attemptNo(), facts,
                ReplayAssets.playerJs(), ReplayAssets.playerCss(), Base64.getEncoder().encodeToString(replay.gzip()),
                ReplayMarks.of(a, store.eventsOfAttempt(a.attemptId()), store.markersOfSession(a.sessionId())),
                simulated);
        return Pages.render("replay/player.jte", page);
    }
}
