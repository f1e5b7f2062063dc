package bedside.harness.cli;

import bedside.harness.journal.Journal;
import bedside.results.SessionRecord;
import bedside.results.store.ResultsStore;
import java.io.PrintStream;
import java.nio.file.Path;

/** Puts into the results store what earlier runs journalled but could not store (a crash, an outage). */
final class Uploads {
    private Uploads() {}

    static int replayJournals(ResultsStore store, Path journalDir, PrintStream out) {
        int uploaded = 0;
        for (Journal.Pending p : Journal.pending(journalDir)) {
            store.ensureStudy(p.run().study(), p.run().study());
            store.startRun(p.run());
            for (SessionRecord s : p.sessions()) {
                store.startSession(s);
            }
            try (Journal journal = Journal.open(journalDir, p.run().runId())) {
                for (Journal.Stored a : p.attempts()) {
                    store.saveAttempt(a.attempt(), a.events());
                    journal.stored(a.attempt().attemptId());
                    uploaded++;
                }
            }
            out.println("Uploaded " + p.attempts().size() + " attempt(s) of run " + p.run().runId()
                    + " that an earlier run journalled but had not stored.");
        }
        return uploaded;
    }
}
