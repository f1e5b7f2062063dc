package bedside.results.store;

/**
 * Refused by a study's plan or its rules: what was asked would change a locked plan, lock a plan that cannot be locked,
 * or store a session the plan does not allow. Nothing was changed. Each kind is a subclass; {@link #kind()} and
 * {@link #title()} name it as the API's problems do (all are conflicts with what is stored, HTTP 409).
 */
public abstract class PlanRefusedException extends IllegalStateException {
    private final String kind;
    private final String title;

    PlanRefusedException(String kind, String title, String message) {
        super(message);
        this.kind = kind;
        this.title = title;
    }

    /** The kind of refusal, e.g. {@code plan-locked}: the API's problem type. */
    public String kind() {
        return kind;
    }

    /** The kind in words, e.g. {@code Plan locked}: the API's problem title. */
    public String title() {
        return title;
    }
}
