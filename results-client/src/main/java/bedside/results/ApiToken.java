package bedside.results;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API token as stored (never the secret itself, only its SHA-256): who holds it and what it may reach.
 *
 * @param study     the study the token is bound to, or null for every study (never null for a vendor)
 * @param candidate the candidate a vendor token is bound to; null for the other roles
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiToken(UUID id, String name, Role role, String study, String candidate, Instant createdAt,
        Instant revokedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** Whether the token reaches the study's data at all. */
    public boolean reachesStudy(String code) {
        return study == null || study.equals(code);
    }

    /** Who, for the audit log: e.g. {@code token 3f0c… (acme-vendor, vendor)}. */
    public String actor() {
        return "token:" + id + " (" + name + ", " + role.code() + ")";
    }
}
