package bedside.results.store;

/**
 * The study's plan is locked: it cannot be replaced, changed, removed or locked again (the database refuses the first
 * three by any path too, SQLSTATE {@code BL003}). The message names the study, the locked hash and the lock's time.
 */
public final class PlanLockedException extends PlanRefusedException {
    public PlanLockedException(String message) {
        super("plan-locked", "Plan locked", message);
    }
}
