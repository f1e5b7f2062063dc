package bedside.reports.analysis;

/**
 * A task's composite weight (criticality × frequency), fixed before the study.
 *
 * @param task task id
 * @param weight weight ≥ 0
 */
public record TaskWeight(String task, double weight) {
    public TaskWeight {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number >= 0");
        }
    }
}
