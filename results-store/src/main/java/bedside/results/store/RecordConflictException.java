package bedside.results.store;

/**
 * A record with this id (or hash) is already stored with different content. Stored evidence is never
 * overwritten: a replay must carry exactly what was saved the first time.
 */
public class RecordConflictException extends IllegalStateException {
    public RecordConflictException(String message) {
        super(message);
    }
}
