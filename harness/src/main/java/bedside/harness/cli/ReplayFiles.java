package bedside.harness.cli;

import bedside.harness.run.AttemptResult;
import bedside.results.server.ReplayPages;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The replays a report written to a file links ({@code replays/ID.html}), written beside it. */
final class ReplayFiles {
    private ReplayFiles() {
    }

    /** Writes each attempt's replay page into {@code dir/replays/}; returns how many were written. */
    static int writeBeside(ResultsStore store, String study, Path dir, Collection<String> attemptIds) throws IOException {
        int written = 0;
        for (String id : attemptIds) {
            UUID attempt = UUID.fromString(id);
            var a = store.attempt(study, attempt);
            var replay = store.replay(attempt);
            if (a.isPresent() && replay.isPresent()) {
                OutputFile.write(dir.resolve(bedside.results.server.ReportDocuments.BESIDE.apply(id)),
                        ReplayPages.render(store, study, a.get(), replay.get()));
                written++;
            }
        }
        return written;
    }

    /**
     * Writes the replay page of each of a run's attempts that has one into {@code dir/replays/}, from what the run holds
     * (so a run sent to a results server gets them too); returns each written page's link, by attempt id.
     */
    static Map<UUID, String> writeBeside(Path dir, String study, List<AttemptResult> attempts) throws IOException {
        Map<UUID, String> links = new HashMap<>();
        for (AttemptResult a : attempts) {
            if (a.replay() == null) {
                continue;
            }
            String link = bedside.results.server.ReportDocuments.BESIDE.apply(a.attempt().attemptId().toString());
            // A scripted path: no observer, so no markers; never a simulated participant.
            OutputFile.write(dir.resolve(link), ReplayPages.render(study, a.attempt(), a.replay(), a.events(), List.of(),
                    false));
            links.put(a.attempt().attemptId(), link);
        }
        return links;
    }
}
