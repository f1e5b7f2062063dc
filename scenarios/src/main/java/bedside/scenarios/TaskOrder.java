package bedside.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which a participant takes a study's tasks (or candidates): the suite's own order, a seeded random one,
 * or a row of a balanced Latin square, so that across participants every task is taken in every position about
 * equally often and, for the square's full set of rows, every task follows every other exactly once (first-order
 * carry-over balanced) — what a within-subjects usability study needs so that learning and fatigue fall on every
 * task alike.
 *
 * <p>The square is the Williams design (Williams 1949; Bradley 1958): the first row is 1, 2, n, 3, n−1, 4, …; each
 * further row adds 1 (mod n). For an even n its n rows balance carry-over; for an odd n the square is followed by its
 * mirror image (2n rows). Participant k (counting from 0 in the order participants joined the study) takes row
 * k mod rows.
 */
public final class TaskOrder {
    private TaskOrder() {}

    /** How the order is chosen: {@code fixed}, {@code random} or {@code latin-square} (the suite's {@code order.mode}). */
    public enum Mode {
        FIXED, RANDOM, LATIN_SQUARE;

        /** From the suite's or the command line's word: fixed, random, latin-square (latin for short). */
        public static Mode of(String word) {
            return switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case "fixed" -> FIXED;
                case "random" -> RANDOM;
                case "latin", "latin-square" -> LATIN_SQUARE;
                default -> throw new IllegalArgumentException("an order is fixed, random or latin-square, not `" + word + "`");
            };
        }
    }

    /**
     * The items in the order participant {@code participant} takes them.
     *
     * @param participant the participant's index in the study, from 0
     * @param seed        for {@link Mode#RANDOM}: the study's seed (each participant gets its own order from it)
     */
    public static <T> List<T> of(List<T> items, Mode mode, int participant, long seed) {
        if (participant < 0) {
            throw new IllegalArgumentException("a participant's index counts from 0");
        }
        return switch (mode) {
            case FIXED -> List.copyOf(items);
            case RANDOM -> {
                List<T> shuffled = new ArrayList<>(items);
                // One stream per participant, the same every time: the order can be stated before the session.
                Collections.shuffle(shuffled, new Random(seed * 1_000_003L + participant));
                yield List.copyOf(shuffled);
            }
            case LATIN_SQUARE -> {
                List<T> row = new ArrayList<>(items.size());
                for (int i : williamsRow(items.size(), participant)) {
                    row.add(items.get(i));
                }
                yield List.copyOf(row);
            }
        };
    }

    /** How many rows the balanced square for {@code n} items has: n for an even n, 2n for an odd one (1 for n ≤ 1). */
    public static int rows(int n) {
        return n <= 1 ? 1 : n % 2 == 0 ? n : 2 * n;
    }

    /** Row {@code k mod rows(n)} of the Williams square for n items, as indices from 0. */
    static int[] williamsRow(int n, int k) {
        int[] row = new int[n];
        if (n == 0) {
            return row;
        }
        int r = Math.floorMod(k, rows(n));
        boolean mirrored = r >= n;
        int shift = r % n;
        // First row 0, 1, n−1, 2, n−2, 3, …
        for (int j = 0; j < n; j++) {
            int first = j == 0 ? 0 : j % 2 == 1 ? (j + 1) / 2 : n - j / 2;
            row[j] = (first + shift) % n;
        }
        if (mirrored) {
            for (int a = 0, b = n - 1; a < b; a++, b--) {
                int t = row[a];
                row[a] = row[b];
                row[b] = t;
            }
        }
        return row;
    }
}
