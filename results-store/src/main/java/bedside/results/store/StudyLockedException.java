package bedside.results.store;

/** The study is locked: its evidence is final and takes no new runs or attempts. */
public class StudyLockedException extends IllegalStateException {
    private final String study;

    public StudyLockedException(String study) {
        this(study, "study " + study + " is locked: it takes no new runs or attempts");
    }

    /** With a message that says what the lock refuses here. */
    public StudyLockedException(String study, String message) {
        super(message);
        this.study = study;
    }

    /** The locked study's code. */
    public String study() {
        return study;
    }
}
