package bedside.results.store;

/** The study has no plan (to lock): one must be written first. */
public final class NoPlanException extends PlanRefusedException {
    public NoPlanException(String study) {
        super("no-plan", "No plan", "study " + study + " has no plan: write one with `bedside study plan " + study
                + " …`");
    }
}
