package bedside.results.store;

/**
 * A moderated participant's session that is not a pilot needs the study's plan locked first, so the data cannot shape
 * the plan; a pilot needs none.
 */
public final class PlanNotLockedException extends PlanRefusedException {
    public PlanNotLockedException(String study) {
        super("plan-not-locked", "Plan not locked", "study " + study + "'s plan is not locked: lock it with `bedside "
                + "study lock " + study + "`, or run a pilot with --pilot (kept out of every score)");
    }
}
