package bedside.harness.cli;

import bedside.results.server.ReplayPages;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
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
}
