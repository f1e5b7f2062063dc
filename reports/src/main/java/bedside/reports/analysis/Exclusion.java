package bedside.reports.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why an attempt is not scored. An attempt that did not run to an outcome because Bedside, the browser, the
 * machine or the candidate's server failed (a system error), because the evaluator's binding is wrong (a
 * script error), or whose outcome could not be checked (a check got no valid answer), says nothing about the candidate's usability: it is never counted for or against it — not in
 * completion, time, errors or any score — but it is always reported, with its reason, so a board sees it.
 *
 * <p>This is the one place that decides what is scored: the analysis, the CSV import, the study pages and the
 * run report all ask it.
 */
public enum Exclusion {
    SYSTEM_ERROR("system-error", "system error"),
    SCRIPT_ERROR("script-error", "script error"),
    /** A check got no valid answer about the candidate's state (no reader, an HTTP error, a body that is not one). */
    NOT_CHECKED("not-checked", "could not be checked");

    private final String code;
    private final String label;

    Exclusion(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used in JSON, CSV and the database (the attempt's outcome). */
    public String code() {
        return code;
    }

    /** How pages name it. */
    public String label() {
        return label;
    }

    /** The exclusion an attempt's outcome code means, or empty when an attempt with that outcome is scored. */
    public static Optional<Exclusion> ofOutcome(String outcome) {
        String c = outcome == null ? "" : outcome.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(e -> e.code.equals(c)).findFirst();
    }

    /** Whether an attempt with this outcome code counts in scores. */
    public static boolean scored(String outcome) {
        return ofOutcome(outcome).isEmpty();
    }

    /**
     * What a page says of attempts not scored, e.g. {@code "3 attempts not scored: 2 system error, 1 script error"};
     * empty when every attempt was scored.
     */
    public static String summary(List<Exclusion> excluded) {
        if (excluded.isEmpty()) {
            return "";
        }
        Map<Exclusion, Long> counts = excluded.stream()
                .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()));
        String reasons = counts.size() == 1 ? counts.keySet().iterator().next().label
                : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label)
                        .collect(Collectors.joining(", "));
        return excluded.size() + (excluded.size() == 1 ? " attempt" : " attempts") + " not scored: " + reasons;
    }
}
