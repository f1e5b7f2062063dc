package bedside.results.store;

/**
 * A session that is not a pilot does not fit the study's locked plan: another suite version, or (moderated) a
 * candidate the plan does not compare. The message names both sides.
 */
public final class PlanMismatchException extends PlanRefusedException {
    public PlanMismatchException(String message) {
        super("not-the-plan", "Not the plan's", message);
    }
}
