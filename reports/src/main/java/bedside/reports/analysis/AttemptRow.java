package bedside.reports.analysis;

import java.util.Objects;

/**
 * One attempt at one task on one candidate by one participant (one row of ATTEMPTS.csv).
 *
 * @param participant participant id
 * @param candidate candidate (system under test) id
 * @param task task id
 * @param success whether the task was completed correctly, without help, within its time limit
 * @param timeS task time in seconds (&gt; 0); required when {@code success}, optional otherwise (not used)
 * @param errors number of errors in the attempt (≥ 0)
 * @param criticalErrors how many of {@code errors} were critical use errors (NISTIR 7804), or null
 * @param rating the post-task rating (1..ratingScale), or null when not rated
 * @param ratingScale top of the rating scale: 7 (SEQ, default) or 5 (NISTIR 7742 reports)
 * @param steps observed steps (path length), or null
 * @param optimalSteps optimal steps for this task on this candidate, or null
 * @param optimalTimeS expert / KLM time in seconds for this task on this candidate, or null
 * @param timeSpecS time specification limit in seconds for SUM, or null
 * @param errorOpportunities error opportunities per attempt for SUM, or null
 * @param excluded why the attempt is not scored (a system or script error), or null when it is scored; an excluded
 *     attempt is reported apart and never enters a measure
 */
public record AttemptRow(String participant, String candidate, String task, boolean success, Double timeS, int errors,
        Integer criticalErrors, Integer rating, int ratingScale, Integer steps, Integer optimalSteps,
        Double optimalTimeS, Double timeSpecS, Integer errorOpportunities, Exclusion excluded) {

    public AttemptRow {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(task, "task");
        if (excluded != null && success) {
            throw new IllegalArgumentException("an attempt not scored (" + excluded.code() + ") cannot be a success");
        }
        if (success && (timeS == null || !(timeS > 0) || timeS.isInfinite())) {
            throw new IllegalArgumentException("a successful attempt needs a time > 0");
        }
        if (errors < 0 || (criticalErrors != null && (criticalErrors < 0 || criticalErrors > errors))) {
            throw new IllegalArgumentException("need 0 <= critical errors <= errors");
        }
        if (ratingScale != 5 && ratingScale != 7) {
            throw new IllegalArgumentException("rating scale must be 5 or 7");
        }
        if (rating != null && (rating < 1 || rating > ratingScale)) {
            throw new IllegalArgumentException("rating out of range 1-" + ratingScale);
        }
    }

    /** A scored attempt. */
    public AttemptRow(String participant, String candidate, String task, boolean success, Double timeS, int errors,
            Integer criticalErrors, Integer rating, int ratingScale, Integer steps, Integer optimalSteps,
            Double optimalTimeS, Double timeSpecS, Integer errorOpportunities) {
        this(participant, candidate, task, success, timeS, errors, criticalErrors, rating, ratingScale, steps,
                optimalSteps, optimalTimeS, timeSpecS, errorOpportunities, null);
    }

    /** An attempt that is not scored, for the reason given: it only counts in the exclusions reported. */
    public static AttemptRow notScored(String participant, String candidate, String task, Exclusion why) {
        return new AttemptRow(participant, candidate, task, false, null, 0, null, null, 7, null, null, null, null, null,
                Objects.requireNonNull(why, "why"));
    }

    /** Whether the attempt counts in scores. */
    public boolean scored() {
        return excluded == null;
    }

    /** A minimal attempt: no rating, steps or optional task constants; 7-point scale. */
    public static AttemptRow of(String participant, String candidate, String task, boolean success, Double timeS,
            int errors) {
        return new AttemptRow(participant, candidate, task, success, timeS, errors, null, null, 7, null, null, null,
                null, null);
    }
}
