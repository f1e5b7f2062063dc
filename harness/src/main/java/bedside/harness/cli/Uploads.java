package bedside.harness.cli;

import bedside.harness.journal.Journal;
import bedside.harness.upload.ResultsDestination;
import bedside.harness.upload.Uploader;
import bedside.results.SessionRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends to a results destination what earlier runs journalled for it but could not store (a crash, an outage).
 * Only a journal's own destination ever gets its records: a team run's attempts never go into a laptop's database.
 * The attempts go through the upload loop once ({@link Uploader#sendOnce}): batched, each tried once, not retried.
 */
final class Uploads {
    private Uploads() {}

    /** What one pass sent, what failed, and what waits for other destinations (by destination). */
    record Report(int uploaded, int failed, Map<String, Integer> elsewhere) {}

    static Report replayJournals(ResultsDestination destination, Path journalDir, PrintStream out) {
        return replayJournals(destination, journalDir, Journal.unsettled(journalDir), out);
    }

    /** As above, on the journals already read from {@code journalDir} (a run reads them once, to resume as well). */
    static Report replayJournals(ResultsDestination destination, Path journalDir, List<Journal.Contents> journalled,
                                 PrintStream out) {
        int uploaded = 0;
        int failed = 0;
        Map<String, Integer> elsewhere = new TreeMap<>();
        for (Journal.Contents c : journalled) {
            List<Journal.Stored> left = c.notStored();
            if (left.isEmpty() && !c.answers().pending()) {
                continue;
            }
            if (!c.isFor(destination.key())) {
                elsewhere.merge(c.plan() == null ? "a results database" : c.plan().destination(), left.size(), Integer::sum);
                continue;
            }
            String study = c.run().study();
            List<String> problems = new ArrayList<>();
            int sent = 0;
            try (Journal journal = Journal.open(journalDir, c.run().runId())) {
                destination.ensureStudy(study, study);
                destination.startRun(c.run());
                // A session's participant with its details before its sessions, its answers after its attempts.
                c.answers().participants().forEach(p -> destination.saveParticipant(study, p));
                for (SessionRecord s : c.sessions()) {
                    destination.startSession(study, s);
                }
                Uploader.Pass pass = Uploader.sendOnce(destination, journal, study, left);
                sent = pass.sent();
                problems.addAll(pass.problems());
                if (c.answers().pending()) {
                    destination.saveAnswers(study, c.answers().ratings(), c.answers().sus(), c.answers().markers());
                    journal.answersStored();
                    out.println("Uploaded " + c.answers().ratings().size() + " task rating(s), " + c.answers().sus().size()
                            + " SUS questionnaire(s) and " + c.answers().markers().size() + " marker(s) of run "
                            + c.run().runId() + " that an earlier session journalled.");
                }
                if (c.finished() && c.run().finishedAt() != null) {
                    destination.finishRun(study, c.run().runId(), c.run().finishedAt());
                }
            } catch (RuntimeException e) {
                problems.add("run " + c.run().runId() + ": " + e.getMessage());
            }
            uploaded += sent;
            if (sent > 0) {
                out.println("Uploaded " + sent + " attempt(s) of run " + c.run().runId() + " (study " + study
                        + ") that an earlier run journalled but had not stored, to " + destination.describe() + ".");
            }
            if (!problems.isEmpty()) {
                failed += left.size() - sent;
                out.println("warning: " + (left.size() - sent) + " attempt(s) of run " + c.run().runId()
                        + " are still only in the journal " + c.file() + ": " + String.join("; ", problems));
            }
        }
        elsewhere.forEach((where, n) -> out.println("Note: " + n + " journalled attempt(s) wait for " + where
                + ", not " + destination.describe() + " ('bedside upload" + (where.startsWith("server ")
                ? " --server " + where.substring("server ".length()) : "") + "' sends them there)."));
        return new Report(uploaded, failed, elsewhere);
    }
}
