package bedside.scenarios;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance, forgiving case, dashes and underscores. */
public final class Suggest {
    private Suggest() {}

    /** The option closest to {@code wrong}, if any is close enough to be a plausible typo. */
    public static Optional<String> closest(String wrong, Collection<String> options) {
        String w = normalize(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            String o = normalize(option);
            int d = distance(w, o);
            boolean prefix = Math.min(w.length(), o.length()) >= 4 && (w.startsWith(o) || o.startsWith(w));
            int limit = w.length() <= 3 ? 1 : w.length() <= 6 ? 2 : 3;
            if ((d <= limit || prefix) && d < bestDistance) {
                best = option;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A hint "did you mean `x`?" or null. */
    static String didYouMean(String wrong, Collection<String> options) {
        return closest(wrong, options).map(s -> "did you mean `" + s + "`?").orElse(null);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
