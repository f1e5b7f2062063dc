package bedside.reports.bench;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.SusRow;
import bedside.reports.analysis.TaskWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates a reproducible synthetic study (log-normal times, binomial success) for benchmarks and tests. */
public final class SyntheticStudy {
    private SyntheticStudy() {
    }

    /** Attempts for candidates × tasks × participants; within-subjects when {@code within}. */
    public static List<AttemptRow> attempts(int candidates, int tasks, int participants, boolean within, long seed) {
        Random rnd = new Random(seed);
        List<AttemptRow> rows = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            double skill = 0.65 + 0.05 * c;
            for (int p = 0; p < participants; p++) {
                String participant = within ? "P" + p : "P" + c + "-" + p;
                for (int t = 0; t < tasks; t++) {
                    boolean success = rnd.nextDouble() < skill;
                    double optimal = 20 + 3 * t;
                    double time = optimal * Math.exp(0.3 + 0.4 * rnd.nextGaussian() - 0.03 * c);
                    int errors = rnd.nextInt(3);
                    int rating = 1 + rnd.nextInt(7);
                    int steps = 8 + t % 5 + rnd.nextInt(4);
                    rows.add(new AttemptRow(participant, "C" + c, "T" + t, success, time, errors,
                            errors > 1 && rnd.nextInt(4) == 0 ? 1 : 0, rating, 7, steps, 8 + t % 5, optimal,
                            optimal * 1.5, 10));
                }
            }
        }
        return rows;
    }

    /** SUS rows for every participant of every candidate. */
    public static List<SusRow> sus(int candidates, int participants, boolean within, long seed) {
        Random rnd = new Random(seed);
        List<SusRow> rows = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            for (int p = 0; p < participants; p++) {
                List<Integer> q = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    q.add(1 + rnd.nextInt(5));
                }
                rows.add(new SusRow(within ? "P" + p : "P" + c + "-" + p, "C" + c, q));
            }
        }
        return rows;
    }

    /** Weights criticality × frequency for T0..T(tasks−1). */
    public static List<TaskWeight> weights(int tasks) {
        List<TaskWeight> w = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            w.add(new TaskWeight("T" + t, (1 + t % 3) * (1 + t % 4)));
        }
        return w;
    }
}
