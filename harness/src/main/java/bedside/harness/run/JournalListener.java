package bedside.harness.run;

import bedside.harness.journal.Journal;
import bedside.harness.record.PageEvent;
import bedside.harness.record.ReplayCapture;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Journals an attempt as it happens — its start, its clock, its events and its replay's in batches — so a crash loses at most the
 * event in flight. The same for scripted runs and sessions. Remembers the attempt's id, so an attempt that broke off
 * is recorded under the id it was journalled with (a replay then stores it once).
 */
public final class JournalListener implements AttemptListener {
    private final Journal journal;
    private final AtomicReference<UUID> begun = new AtomicReference<>();

    public JournalListener(Journal journal) {
        this.journal = journal;
    }

    /** The id the attempt was journalled with, or null when it never began. */
    public UUID attemptId() {
        return begun.get();
    }

    @Override
    public void started(Start s) {
        begun.set(s.attemptId());
        journal.attemptStarted(s.attemptId(), s.sessionId(), s.candidate(), s.task(), s.participant(), s.attemptNo(),
                s.startedAt());
    }

    @Override
    public void clockStarted(UUID attemptId, double browserTime) {
        journal.clock(attemptId, browserTime);
    }

    @Override
    public void clockStopped(UUID attemptId, double browserTime) {
        journal.clockStopped(attemptId, browserTime);
    }

    @Override
    public void events(UUID attemptId, List<PageEvent> events) {
        journal.events(attemptId, events);
    }

    @Override
    public void replay(UUID attemptId, List<ReplayCapture.Event> events) {
        journal.replayEvents(attemptId, events);
    }
}
