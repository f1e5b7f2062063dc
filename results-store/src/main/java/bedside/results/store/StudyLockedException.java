package bedside.results.store;

/** The study is locked: its evidence is final and takes no new runs or attempts. */
public class StudyLockedException extends IllegalStateException {
    public StudyLockedException(String study) {
        super("study " + study + " is locked: it takes no new runs or attempts");
    }
}
