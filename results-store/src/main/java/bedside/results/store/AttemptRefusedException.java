package bedside.results.store;

/**
 * One attempt of a batch ({@link ResultsStore#saveAttempts}) was refused, so the whole batch was: {@link #index()}
 * says which attempt, {@link #reason()} why — the exception {@link ResultsStore#saveAttempt} throws for it alone
 * ({@link RecordConflictException}, {@link StudyLockedException}, {@link IllegalArgumentException} or
 * {@link IllegalStateException}).
 */
public final class AttemptRefusedException extends RuntimeException {
    private final int index;

    public AttemptRefusedException(int index, RuntimeException reason) {
        super("attempt " + index + " of the batch: " + reason.getMessage(), reason);
        this.index = index;
    }

    /** The refused attempt's position in the batch (from 0). */
    public int index() {
        return index;
    }

    public RuntimeException reason() {
        return (RuntimeException) getCause();
    }
}
