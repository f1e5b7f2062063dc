package bedside.results.client;

import bedside.results.AttemptRecord;
import bedside.results.MarkerRecord;
import bedside.results.SessionFacts;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

/**
 * The results API's JSON, as both ends speak it: strict on the way in (no coercion, no unknown fields), ISO-8601
 * instants both ways, event numbers kept exactly.
 */
public final class Json {
    public static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Event data keeps its numbers exactly as sent (1.50 stays 1.50, not a double).
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.DateTime, LogicalType.OtherScalar}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        return m;
    }

    /** An attempt as the API sends and takes it (its record hash when known; no study when it goes in a batch). */
    public static ObjectNode attempt(String study, AttemptRecord a, String recordHash) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("attemptId", a.attemptId().toString());
        n.put("sessionId", a.sessionId().toString());
        n.put("study", study);
        n.put("candidate", a.candidate());
        n.put("task", a.task());
        n.put("participant", a.participant());
        n.put("attemptNo", a.attemptNo());
        n.put("outcome", a.outcome().code());
        n.put("reason", a.reason());
        n.put("failedStep", a.failedStep());
        n.put("startedAt", a.startedAt().toString());
        n.put("timeMs", a.timeMs());
        n.put("clicks", a.clicks());
        n.put("keystrokes", a.keystrokes());
        n.put("screens", a.screens());
        n.put("pageLoads", a.pageLoads());
        n.put("scrollPx", a.scrollPx());
        n.put("dialogs", a.dialogs());
        n.put("validationErrors", a.validationErrors());
        n.put("systemResponseMs", a.systemResponseMs());
        n.put("klmMs", a.klmMs());
        SessionFacts f = a.session();
        if (f == null) {
            n.putNull("session");
        } else {
            n.putObject("session")
                    .put("participantSaid", f.participantSaid())
                    .put("pathDeviation", f.pathDeviation())
                    .put("timeDeviation", f.timeDeviation())
                    .put("success", f.success())
                    .put("lostness", f.lostness())
                    .put("misclicks", f.misclicks());
        }
        if (recordHash != null) {
            n.put("recordHash", recordHash);
        }
        return n;
    }

    /** A marker as the API sends and takes it. */
    public static ObjectNode marker(MarkerRecord m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("markerId", m.markerId().toString());
        n.put("sessionId", m.sessionId().toString());
        n.put("attemptId", m.attemptId() == null ? null : m.attemptId().toString());
        n.put("task", m.task());
        n.put("kind", m.kind());
        n.put("tMs", m.tMs());
        n.put("note", m.note());
        n.put("by", m.by());
        n.put("at", m.at().toString());
        return n;
    }

    /**
     * A study's stored plan as the API serves it: its study, hash, flags, who saved it and when, its lock, {@code json}
     * (the exact canonical text whose SHA-256 is {@code hash}) and {@code plan} (the same plan as an object; written
     * compactly it is that text again).
     */
    public static ObjectNode plan(StoredPlan p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("study", p.study());
        n.put("hash", p.hash());
        n.put("simulated", p.plan().simulated());
        n.put("locked", p.locked());
        n.put("savedAt", p.savedAt() == null ? null : p.savedAt().toString());
        n.put("savedBy", p.savedBy());
        n.put("lockedAt", p.lockedAt() == null ? null : p.lockedAt().toString());
        n.put("chainNo", p.chainNo());
        n.put("json", p.json());
        try {
            n.set("plan", MAPPER.readTree(p.json()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored plan's JSON always reads", e);
        }
        return n;
    }

    /**
     * A stored plan as {@link #plan(StoredPlan)} writes it, read back; its {@code json} must hash to its {@code hash}.
     *
     * @throws IllegalArgumentException if it is not a plan, or its JSON does not hash to its hash
     */
    public static StoredPlan storedPlan(JsonNode n) {
        String json = n.path("json").asText(null);
        String hash = n.path("hash").asText(null);
        if (json == null || hash == null) {
            throw new IllegalArgumentException("a stored plan has its json and its hash");
        }
        StudyPlan plan = StudyPlan.fromJson(json);
        if (!StudyPlan.hashOf(json).equals(hash)) {
            throw new IllegalArgumentException("the plan's json hashes to " + StudyPlan.hashOf(json) + ", not to its "
                    + "hash " + hash);
        }
        return new StoredPlan(plan, json, hash, instant(n.path("savedAt")), n.path("savedBy").asText(null),
                instant(n.path("lockedAt")), n.hasNonNull("chainNo") ? n.get("chainNo").asLong() : null);
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : Instant.parse(n.asText());
    }

    /** The value as JSON bytes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
