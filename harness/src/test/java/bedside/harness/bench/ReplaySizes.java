package bedside.harness.bench;

import bedside.results.ReplayRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What replays cost in storage (not a test): the compressed and raw size of every attempt's stored replay in a study
 * (a demo's), with their median and maximum. Reads the results database {@code bedside} uses ($BEDSIDE_DB_URL, or
 * the embedded one in $BEDSIDE_HOME/pg).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.bench.ReplaySizes STUDY
 * </pre>
 */
public final class ReplaySizes {
    private ReplaySizes() {
    }

    public static void main(String[] args) {
        String study = args[0];
        Path home = Path.of(System.getenv().getOrDefault("BEDSIDE_HOME", "../data"));
        try (Database db = Database.open(DatabaseConfig.fromEnvironment(home))) {
            ResultsStore store = new ResultsStore(db);
            Map<UUID, Integer> sizes = store.replaySizes(study);
            List<Double> gzip = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (UUID id : sizes.keySet()) {
                ReplayRecord r = store.replay(id).orElseThrow();
                gzip.add((double) r.size());
                raw.add((double) r.json().length);
            }
            long attempts = store.attempts(new bedside.results.AttemptQuery(study, null, null, null, null, 1, 0)).total();
            System.out.printf(Locale.ROOT, "%s: %d attempt(s), %d with a replay%n", study, attempts, sizes.size());
            System.out.printf(Locale.ROOT, "gzip bytes: median %.0f, max %.0f, total %.0f%n", median(gzip),
                    Collections.max(gzip), gzip.stream().mapToDouble(Double::doubleValue).sum());
            System.out.printf(Locale.ROOT, "raw bytes:  median %.0f, max %.0f, total %.0f%n", median(raw),
                    Collections.max(raw), raw.stream().mapToDouble(Double::doubleValue).sum());
        }
    }

    static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
