package bedside.results.store;

import bedside.results.ApiToken;
import bedside.results.Role;
import bedside.results.store.jooq.tables.records.ApiTokensRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static bedside.results.store.jooq.Tables.API_TOKENS;
import static bedside.results.store.jooq.Tables.AUDIT_LOG;
import static bedside.results.store.jooq.Tables.CANDIDATES;
import static bedside.results.store.jooq.Tables.STUDIES;

/**
 * API bearer tokens. A token is {@code bst_} followed by 32 random bytes (base64url); only its SHA-256 is
 * stored, so the database never holds a usable token, and {@link #create} is the only time it is seen.
 */
public final class AccessTokens {
    public static final String PREFIX = "bst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;

    public AccessTokens(Database database) {
        this(database.dsl());
    }

    public AccessTokens(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** A new token and its secret, which is shown once and stored only as a hash. */
    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token + ", secret=***]";
        }
    }

    /**
     * Makes a token. A vendor token needs a study and one of its candidates; an admin token is never bound to a
     * study; evaluator and board tokens may be (null: every study).
     *
     * @param actor who asks, for the audit log (e.g. {@code cli} or a token's actor)
     * @throws IllegalArgumentException if the role and binding do not fit, or the study or candidate is unknown
     */
    public Issued create(Role role, String study, String candidate, String name, String actor) {
        Objects.requireNonNull(role, "role");
        if (role == Role.VENDOR && (study == null || candidate == null)) {
            throw new IllegalArgumentException("a vendor token needs --study and --candidate");
        }
        if (role != Role.VENDOR && candidate != null) {
            throw new IllegalArgumentException("only a vendor token is bound to a candidate");
        }
        if (role == Role.ADMIN && study != null) {
            throw new IllegalArgumentException("an admin token reaches every study: give no --study");
        }
        if (study != null && !dsl.fetchExists(STUDIES, STUDIES.STUDY_CODE.eq(study))) {
            throw new IllegalArgumentException("unknown study " + study);
        }
        if (candidate != null && !dsl.fetchExists(CANDIDATES, CANDIDATES.STUDY_CODE.eq(study),
                CANDIDATES.CANDIDATE_CODE.eq(candidate))) {
            throw new IllegalArgumentException("unknown candidate " + candidate + " in study " + study);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        String label = name == null || name.isBlank()
                ? role.code() + (candidate == null ? "" : "-" + candidate) : name.trim();
        ApiTokensRecord row = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            ApiTokensRecord r = tx.insertInto(API_TOKENS)
                    .set(API_TOKENS.TOKEN_ID, id)
                    .set(API_TOKENS.TOKEN_HASH, hash(secret))
                    .set(API_TOKENS.ROLE, role.code())
                    .set(API_TOKENS.STUDY_CODE, study)
                    .set(API_TOKENS.CANDIDATE_CODE, candidate)
                    .set(API_TOKENS.NAME, label)
                    .returning()
                    .fetchOne();
            tx.insertInto(AUDIT_LOG)
                    .set(AUDIT_LOG.ACTOR, actor == null ? "unknown" : actor)
                    .set(AUDIT_LOG.ACTION, "token.create")
                    .set(AUDIT_LOG.STUDY_CODE, study)
                    .set(AUDIT_LOG.ENTITY, "token")
                    .set(AUDIT_LOG.ENTITY_ID, id.toString())
                    .set(AUDIT_LOG.DETAILS, JSONB.jsonb(AuditLog.jsonObject("role", role.code(), "name", label,
                            "candidate", candidate)))
                    .execute();
            return r;
        });
        return new Issued(toToken(row), secret);
    }

    /** The valid (not revoked) token with this secret, if any (looked up by the secret's hash). */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return dsl.selectFrom(API_TOKENS)
                .where(API_TOKENS.TOKEN_HASH.eq(hash(secret)), API_TOKENS.REVOKED_AT.isNull())
                .fetchOptional(AccessTokens::toToken);
    }

    /** Revokes a token; returns false if there is no such valid token. */
    public boolean revoke(UUID id, String actor) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int n = tx.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, Instant.now())
                    .where(API_TOKENS.TOKEN_ID.eq(id), API_TOKENS.REVOKED_AT.isNull())
                    .execute();
            if (n > 0) {
                tx.insertInto(AUDIT_LOG)
                        .set(AUDIT_LOG.ACTOR, actor == null ? "unknown" : actor)
                        .set(AUDIT_LOG.ACTION, "token.revoke")
                        .set(AUDIT_LOG.ENTITY, "token")
                        .set(AUDIT_LOG.ENTITY_ID, id.toString())
                        .execute();
            }
            return n > 0;
        });
    }

    /** Every token, valid or revoked, oldest first (never their secrets). */
    public List<ApiToken> list() {
        return dsl.selectFrom(API_TOKENS).orderBy(API_TOKENS.CREATED_AT, API_TOKENS.TOKEN_ID)
                .fetch(AccessTokens::toToken);
    }

    /** SHA-256 of the token's UTF-8 bytes, lower-case hex: what is stored. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken toToken(ApiTokensRecord r) {
        return new ApiToken(r.getTokenId(), r.getName(), Role.fromCode(r.getRole()), r.getStudyCode(),
                r.getCandidateCode(), r.getCreatedAt(), r.getRevokedAt());
    }
}
