package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.SessionFacts;
import bedside.results.TaskRatingRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * The tamper-evidence hash of each link of a study's chain — an attempt with its events, a post-task rating, a SUS
 * answer, a marker or the lock of the study's plan — chained per study.
 *
 * <pre>
 * record_hash(n) = hex(SHA-256( UTF-8(record_hash(n-1)) || UTF-8(canonical(link n)) ))
 * record_hash(0) = "0" × 64           (the chain's start, before the study's first link)
 * </pre>
 *
 * <p>The canonical form ({@code v = 1}) is one line of JSON with no insignificant whitespace, fields in the
 * fixed order written below, instants as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (UTC, microseconds: what
 * PostgreSQL stores), doubles as {@link Double#toString(double)}, absent values as {@code null}, and the events
 * in {@code seq} order. Each event's JSON is canonicalised: object keys sorted (by UTF-16 code unit), numbers
 * as their exact decimal value with trailing zeros removed (plain notation, so {@code 1e2}, {@code 100.0} and
 * {@code 100} are the same number), strings with JSON's minimal escapes. Because jsonb keeps exactly that
 * information (it reorders keys, drops spaces and rewrites numbers, but keeps their values), canonicalising the
 * text sent and canonicalising the text PostgreSQL returns give the same bytes: the hash computed before the
 * insert is re-derived exactly by {@link ResultsStore#verify}.
 *
 * <p>Questionnaire answers are links of the same chain (one numbering per study, shared with attempts): each
 * post-task rating ({@code task_ratings} row) and each SUS answer ({@code sus_answers} row, one per item) is hashed
 * on its own, chained to the link before it. Their canonical forms start with a {@code kind}, so they can never
 * spell an attempt's, and carry the session's candidate and participant:
 * <pre>
 * {"v":1,"kind":"task-rating","study":…,"sessionId":…,"candidate":…,"participant":…,"task":…,"instrument":…,
 *  "rating":…,"scaleMin":…,"scaleMax":…,"comment":…|null,"answeredAt":"…"}
 * {"v":1,"kind":"sus-answer","study":…,"sessionId":…,"candidate":…,"participant":…,"item":…,"answer":…,
 *  "answeredAt":"…"}
 * </pre>
 * Strings there are escaped exactly as PostgreSQL's {@code to_json} escapes them (see {@link #quote}; characters
 * outside the BMP as they are, in UTF-8), so migration V3 can build the same bytes in SQL for the answers stored
 * before it.
 *
 * <p>A marker (a {@code markers} row: a use error, an assist or a note put on a session) is a link of the same kind:
 * <pre>
 * {"v":1,"kind":"marker","study":…,"sessionId":…,"candidate":…,"participant":…,"markerId":…,"attemptId":…|null,
 *  "task":…|null,"markerKind":…,"tMs":"…"|null,"note":…|null,"by":…,"at":"…"}
 * </pre>
 * An attempt of a moderated session (one with {@link SessionFacts}) has one more object, right before
 * {@code "events"}; an attempt without them (the expert path, and every attempt stored before sessions) has none,
 * so its bytes are what they always were:
 * <pre>
 * "session":{"participantSaid":…,"pathDeviation":"…"|null,"timeDeviation":"…"|null,"success":…|null,
 *            "lostness":"…"|null,"misclicks":…}
 * </pre>
 * Doubles there (and a marker's {@code tMs}) are strings of {@link Double#toString(double)}, as an event's
 * {@code tMs} is.
 *
 * <p>An attempt of a pilot or simulated session (V8) says so right after {@code "klmMs"}, each flag only when true:
 * {@code "pilot":true} and/or {@code "simulated":true}. An attempt of a session that is neither (every attempt stored
 * before V8) has neither, so its bytes are what they always were.
 *
 * <p>An attempt's DOM replay ({@code attempt_replays} row, V9) is a link of its own, after its attempt; it carries the
 * SHA-256 of the replay's gzip bytes, so the link covers them:
 * <pre>
 * {"v":1,"kind":"replay","study":…,"attemptId":…,"sha256":"…","bytes":…}
 * </pre>
 *
 * <p>The lock of a study's plan ({@code study_plans} row) is a link of its own kind; the plan hash it carries is the
 * SHA-256 of the plan's canonical JSON, so the link covers the plan:
 * <pre>
 * {"v":1,"kind":"plan","study":…,"planHash":"sha256:…","lockedAt":"…"}
 * </pre>
 */
public final class RecordHash {
    /** The hash before a study's first link. */
    public static final String GENESIS = "0".repeat(64);
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private RecordHash() {
    }

    /** The chained hash: {@code hex(SHA-256(previous || canonical))}. */
    public static String chain(String previous, byte[] canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((previous == null ? GENESIS : previous).getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical bytes of an attempt of a session that is neither a pilot nor simulated (see below). */
    public static byte[] canonical(String study, String suiteHash, AttemptRecord a, List<EventRecord> events) {
        return canonical(study, suiteHash, a, events, false, false);
    }

    /**
     * The canonical bytes of an attempt (with its study, suite version and its session's flags) and its events in seq
     * order.
     */
    public static byte[] canonical(String study, String suiteHash, AttemptRecord a, List<EventRecord> events,
            boolean pilot, boolean simulated) {
        List<EventRecord> sorted = new ArrayList<>(events);
        sorted.sort((x, y) -> Long.compare(x.seq(), y.seq()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 128 * sorted.size());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("study", study);
            g.writeStringField("suiteHash", suiteHash);
            g.writeStringField("attemptId", a.attemptId().toString());
            g.writeStringField("sessionId", a.sessionId().toString());
            g.writeStringField("candidate", a.candidate());
            g.writeStringField("participant", a.participant());
            g.writeStringField("task", a.task());
            g.writeNumberField("attemptNo", a.attemptNo());
            g.writeStringField("outcome", a.outcome().code());
            g.writeStringField("reason", a.reason());
            writeNullableInt(g, "failedStep", a.failedStep());
            g.writeStringField("startedAt", MICROS.format(Rows.micros(a.startedAt())));
            g.writeNumberField("timeMs", a.timeMs());
            g.writeNumberField("clicks", a.clicks());
            g.writeNumberField("keystrokes", a.keystrokes());
            g.writeNumberField("screens", a.screens());
            g.writeNumberField("pageLoads", a.pageLoads());
            g.writeNumberField("scrollPx", a.scrollPx());
            g.writeNumberField("dialogs", a.dialogs());
            g.writeNumberField("validationErrors", a.validationErrors());
            g.writeNumberField("systemResponseMs", a.systemResponseMs());
            g.writeNumberField("klmMs", a.klmMs());
            // Only when true: attempts of ordinary sessions keep the bytes they had before V8.
            if (pilot) {
                g.writeBooleanField("pilot", true);
            }
            if (simulated) {
                g.writeBooleanField("simulated", true);
            }
            if (a.session() != null) { // only then: attempts without session facts keep the bytes they always had
                SessionFacts f = a.session();
                g.writeObjectFieldStart("session");
                g.writeStringField("participantSaid", f.participantSaid());
                g.writeStringField("pathDeviation", decimal(f.pathDeviation()));
                g.writeStringField("timeDeviation", decimal(f.timeDeviation()));
                g.writeStringField("success", f.success());
                g.writeStringField("lostness", decimal(f.lostness()));
                g.writeNumberField("misclicks", f.misclicks());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("events");
            for (EventRecord e : sorted) {
                g.writeStartObject();
                g.writeNumberField("seq", e.seq());
                g.writeStringField("tMs", Double.toString(e.tMs()));
                g.writeStringField("type", e.type());
                g.writeStringField("page", e.page());
                g.writeFieldName("json");
                writeCanonical(g, parse(e.json()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The canonical bytes of a post-task rating (see the class comment).
     *
     * @param candidate   the candidate of the rating's session
     * @param participant the participant of the rating's session
     */
    public static byte[] canonicalTaskRating(String study, String candidate, String participant, TaskRatingRecord r) {
        StringBuilder b = answerHeader("task-rating", study, r.sessionId(), candidate, participant);
        b.append(",\"task\":");
        quote(b, r.task());
        b.append(",\"instrument\":");
        quote(b, r.instrument());
        b.append(",\"rating\":").append(r.rating());
        b.append(",\"scaleMin\":").append(r.scaleMin());
        b.append(",\"scaleMax\":").append(r.scaleMax());
        b.append(",\"comment\":");
        quote(b, r.comment());
        b.append(",\"answeredAt\":");
        quote(b, instant(r.answeredAt()));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical bytes of one SUS answer (item 1–10) of a session (see the class comment). */
    public static byte[] canonicalSusAnswer(String study, String candidate, String participant, UUID sessionId,
            int item, int answer, Instant answeredAt) {
        StringBuilder b = answerHeader("sus-answer", study, sessionId, candidate, participant);
        b.append(",\"item\":").append(item);
        b.append(",\"answer\":").append(answer);
        b.append(",\"answeredAt\":");
        quote(b, instant(answeredAt));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical bytes of a marker (see the class comment).
     *
     * @param candidate   the candidate of the marker's session
     * @param participant the participant of the marker's session
     */
    public static byte[] canonicalMarker(String study, String candidate, String participant, MarkerRecord m) {
        StringBuilder b = answerHeader("marker", study, m.sessionId(), candidate, participant);
        b.append(",\"markerId\":");
        quote(b, m.markerId().toString());
        b.append(",\"attemptId\":");
        quote(b, m.attemptId() == null ? null : m.attemptId().toString());
        b.append(",\"task\":");
        quote(b, m.task());
        b.append(",\"markerKind\":");
        quote(b, m.kind());
        b.append(",\"tMs\":");
        quote(b, decimal(m.tMs()));
        b.append(",\"note\":");
        quote(b, m.note());
        b.append(",\"by\":");
        quote(b, m.by());
        b.append(",\"at\":");
        quote(b, instant(m.at()));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical bytes of an attempt's DOM replay (an {@code attempt_replays} row): the attempt it belongs to and
     * the SHA-256 and size of its compressed bytes, so the link covers the bytes themselves (see the class comment).
     */
    public static byte[] canonicalReplay(String study, UUID attemptId, String sha256, int size) {
        StringBuilder b = new StringBuilder(200).append("{\"v\":").append(VERSION).append(",\"kind\":");
        quote(b, "replay");
        b.append(",\"study\":");
        quote(b, study);
        b.append(",\"attemptId\":");
        quote(b, attemptId.toString());
        b.append(",\"sha256\":");
        quote(b, sha256);
        b.append(",\"bytes\":").append(size);
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical bytes of the lock of a study's plan (see the class comment).
     *
     * @param planHash the plan's hash, {@code sha256:} + hex SHA-256 of its canonical JSON
     * @param lockedAt when it was locked
     */
    public static byte[] canonicalPlan(String study, String planHash, Instant lockedAt) {
        StringBuilder b = new StringBuilder(160).append("{\"v\":").append(VERSION).append(",\"kind\":");
        quote(b, "plan");
        b.append(",\"study\":");
        quote(b, study);
        b.append(",\"planHash\":");
        quote(b, planHash);
        b.append(",\"lockedAt\":");
        quote(b, instant(lockedAt));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A double as the canonical forms write it: {@link Double#toString(double)} in a string (as an event's tMs), or
     * null. PostgreSQL's double precision and the JDBC driver give back the same double, so the same text.
     */
    static String decimal(Double d) {
        return d == null ? null : Double.toString(d);
    }

    private static StringBuilder answerHeader(String kind, String study, UUID sessionId, String candidate,
            String participant) {
        StringBuilder b = new StringBuilder(256).append("{\"v\":").append(VERSION).append(",\"kind\":");
        quote(b, kind);
        b.append(",\"study\":");
        quote(b, study);
        b.append(",\"sessionId\":");
        quote(b, sessionId.toString());
        b.append(",\"candidate\":");
        quote(b, candidate);
        b.append(",\"participant\":");
        quote(b, participant);
        return b;
    }

    /**
     * A JSON string exactly as PostgreSQL's {@code to_json(text)} writes it: {@code "} and backslash escaped, the
     * control characters with short escapes ({@code \b \f \n \r \t}) or else as six-character escapes in
     * lower-case hex, everything else as it is; null as {@code null}.
     */
    static void quote(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** The canonical text of a JSON document (see the class comment). */
    public static String canonicalJson(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeCanonical(g, parse(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if {@code json} is not one JSON value */
    static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void writeNullableInt(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeCanonical(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(null);
                g.writeStartObject();
                for (String name : names) {
                    g.writeFieldName(name);
                    writeCanonical(g, n.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : n) {
                    writeCanonical(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case NUMBER -> g.writeNumber(canonicalNumber(n));
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            default -> throw new IllegalArgumentException("unexpected JSON node " + n.getNodeType());
        }
    }

    private static String canonicalNumber(JsonNode n) {
        BigDecimal d = n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : n.decimalValue();
        if (d.signum() == 0) {
            return "0";
        }
        d = d.stripTrailingZeros();
        // PostgreSQL's numeric (what jsonb keeps) holds up to 131,072 digits before the point and 16,383 after.
        if (d.precision() - d.scale() > 131_072 || d.scale() > 16_383) {
            throw new IllegalArgumentException("a number in the event JSON is out of range: " + n.asText().substring(0,
                    Math.min(40, n.asText().length())));
        }
        return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
    }

    /** The instant as written in the canonical form. */
    static String instant(Instant t) {
        return MICROS.format(Rows.micros(t));
    }
}
