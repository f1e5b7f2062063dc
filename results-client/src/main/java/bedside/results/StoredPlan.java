package bedside.results;

import java.time.Instant;
import java.util.Objects;

/**
 * A study's plan as the store keeps it: the plan, the exact canonical JSON stored (whose SHA-256 is {@code hash}), who
 * saved it and when, and once locked when, with its place in the study's hash chain.
 *
 * @param plan     the plan
 * @param json     its canonical JSON, as stored ({@link StudyPlan#canonicalJson()})
 * @param hash     {@code sha256:} + hex SHA-256 of {@code json} ({@link StudyPlan#hash()})
 * @param savedAt  when this plan was saved (a plan is replaced while unlocked)
 * @param savedBy  who saved it
 * @param lockedAt when it was locked, or null while it may still be replaced
 * @param chainNo  the lock's place in the study's hash chain (1-based), or null while unlocked
 */
public record StoredPlan(StudyPlan plan, String json, String hash, Instant savedAt, String savedBy, Instant lockedAt,
                         Long chainNo) {
    public StoredPlan {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(hash, "hash");
    }

    /** The study the plan is of. */
    public String study() {
        return plan.study();
    }

    /** Whether the plan is locked: it never changes again, and the study's sessions are held to it. */
    public boolean locked() {
        return lockedAt != null;
    }
}
