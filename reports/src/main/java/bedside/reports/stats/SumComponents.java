package bedside.reports.stats;

/**
 * Single Usability Metric for one task: each component is a percentage 0–100 (null when it cannot be
 * computed or its input is absent), and {@code score} is their unweighted mean.
 *
 * @param completion 100·x/n
 * @param time 100·Φ((ln spec − mean ln t)/sd ln t) over successful attempts (see {@link Sum})
 * @param errors 100·(1 − errors/(attempts·opportunities)), floored at 0
 * @param satisfaction 100·Φ((mean rating − rating spec)/sd rating)
 * @param score mean of the non-null components (null when none)
 * @param components how many components entered the score
 */
public record SumComponents(Double completion, Double time, Double errors, Double satisfaction, Double score,
        int components) {
}
