package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import bedside.results.SessionFacts;
import bedside.results.TaskRatingRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordHashTest {
    @Test
    void canonicalJsonIgnoresKeyOrderSpacingAndNumberSpelling() {
        String a = RecordHash.canonicalJson("{\"b\": 1.50, \"a\": [1.0, 1e2, -0.0, 12345678901234567890], \"c\": {\"y\": null, \"x\": \"\\u00e9\"}}");
        String b = RecordHash.canonicalJson("{\"c\":{\"x\":\"é\",\"y\":null},\"a\":[1,100,0,12345678901234567890],\"b\":1.5}");
        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":[1,100,0,12345678901234567890],\"b\":1.5,\"c\":{\"x\":\"é\",\"y\":null}}");
        // What PostgreSQL's jsonb gives back for the first text canonicalises to the same bytes.
        assertThat(RecordHash.canonicalJson("{\"b\": 1.50, \"a\": [1.0, 100, -0.0, 12345678901234567890], "
                + "\"c\": {\"x\": \"é\", \"y\": null}}")).isEqualTo(a);
        assertThat(RecordHash.canonicalJson("{\"n\": 0.000001}")).isEqualTo("{\"n\":0.000001}");
        assertThatThrownBy(() -> RecordHash.canonicalJson("{\"a\":1} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordHash.canonicalJson("{nope")).isInstanceOf(IllegalArgumentException.class);
        // Numbers PostgreSQL's numeric cannot hold are refused before anything is written (and quickly).
        assertThatThrownBy(() -> RecordHash.canonicalJson("{\"n\": 1e1000000}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }

    @Test
    void theHashChainsAndCoversEveryField() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000002");
        AttemptRecord a = new AttemptRecord(id, session, "alpha", "t1", "P1", 1, Outcome.SUCCESS, null, null,
                Instant.parse("2026-11-25T09:00:00.1234567Z"), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        List<EventRecord> events = List.of(new EventRecord(id, 1, 2.5, "key", null, "{\"k\":\"a\"}"),
                new EventRecord(id, 0, 1.0, "click", "http://x/", "{\"x\": 1}"));
        byte[] canonical = RecordHash.canonical("s", "h", a, events);
        String text = new String(canonical, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"v\":1,\"study\":\"s\",\"suiteHash\":\"h\",\"attemptId\":\"" + id)
                .contains("\"startedAt\":\"2026-11-25T09:00:00.123456Z\"")
                .contains("\"events\":[{\"seq\":0,\"tMs\":\"1.0\",\"type\":\"click\",\"page\":\"http://x/\",\"json\":{\"x\":1}},"
                        + "{\"seq\":1,\"tMs\":\"2.5\",\"type\":\"key\",\"page\":null,\"json\":{\"k\":\"a\"}}]");
        String h1 = RecordHash.chain(RecordHash.GENESIS, canonical);
        assertThat(h1).matches("[0-9a-f]{64}");
        assertThat(RecordHash.chain(null, canonical)).isEqualTo(h1);
        assertThat(RecordHash.chain(h1, canonical)).isNotEqualTo(h1);
        AttemptRecord changed = new AttemptRecord(id, session, "alpha", "t1", "P1", 1, Outcome.SUCCESS, null, null,
                a.startedAt(), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 10);
        assertThat(RecordHash.chain(null, RecordHash.canonical("s", "h", changed, events))).isNotEqualTo(h1);
        assertThat(RecordHash.chain(null, RecordHash.canonical("s", "h", a, events.subList(0, 1)))).isNotEqualTo(h1);
    }

    @Test
    void answersHaveTheirOwnCanonicalFormsWithStringsAsToJsonWritesThem() {
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000002");
        TaskRatingRecord r = new TaskRatingRecord(session, "t1", "seq", 6, 1, 7, "\"a\\b\"\n\u0001\u001f\u007f é 😀 /",
                Instant.parse("2026-11-25T09:00:00.1234567Z"));
        assertThat(new String(RecordHash.canonicalTaskRating("s", "alpha", "P1", r), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"kind\":\"task-rating\",\"study\":\"s\",\"sessionId\":\"" + session
                        + "\",\"candidate\":\"alpha\",\"participant\":\"P1\",\"task\":\"t1\",\"instrument\":\"seq\","
                        + "\"rating\":6,\"scaleMin\":1,\"scaleMax\":7,"
                        + "\"comment\":\"\\\"a\\\\b\\\"\\n\\u0001\\u001f\u007f é 😀 /\","
                        + "\"answeredAt\":\"2026-11-25T09:00:00.123456Z\"}");
        TaskRatingRecord noComment = new TaskRatingRecord(session, "t1", "seq", 6, 1, 7, null, r.answeredAt());
        assertThat(new String(RecordHash.canonicalTaskRating("s", "alpha", "P1", noComment), StandardCharsets.UTF_8))
                .contains("\"comment\":null,");
        assertThat(new String(RecordHash.canonicalSusAnswer("s", "alpha", "P1", session, 3, 4, r.answeredAt()),
                StandardCharsets.UTF_8)).isEqualTo("{\"v\":1,\"kind\":\"sus-answer\",\"study\":\"s\",\"sessionId\":\""
                + session + "\",\"candidate\":\"alpha\",\"participant\":\"P1\",\"item\":3,\"answer\":4,"
                + "\"answeredAt\":\"2026-11-25T09:00:00.123456Z\"}");
        // Every field counts.
        String h = RecordHash.chain(null, RecordHash.canonicalSusAnswer("s", "alpha", "P1", session, 3, 4, r.answeredAt()));
        assertThat(RecordHash.chain(null, RecordHash.canonicalSusAnswer("s", "alpha", "P1", session, 3, 5,
                r.answeredAt()))).isNotEqualTo(h);
        assertThat(RecordHash.chain(null, RecordHash.canonicalSusAnswer("s", "alpha", "P2", session, 3, 4,
                r.answeredAt()))).isNotEqualTo(h);
        assertThat(RecordHash.chain(null, RecordHash.canonicalSusAnswer("s", "alpha", "P1", session, 4, 4,
                r.answeredAt()))).isNotEqualTo(h);
    }

    /** An attempt of the expert path (no session facts) hashes to the bytes it hashed to before sessions existed. */
    @Test
    void attemptsWithoutSessionFactsKeepTheirCanonicalBytes() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000002");
        AttemptRecord a = new AttemptRecord(id, session, "alpha", "t1", "P1", 2, Outcome.FAILURE, "no \"allergy\"", 3,
                Instant.parse("2026-11-25T09:00:00.1234567Z"), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        List<EventRecord> events = List.of(new EventRecord(id, 0, 0.1 + 0.2, "click", "http://x/", "{\"b\": 1.50, \"a\": 1}"));
        String text = new String(RecordHash.canonical("s", "h", a, events), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"v\":1,\"study\":\"s\",\"suiteHash\":\"h\",\"attemptId\":\"00000000-0000-0000-0000-0000000000"
                + "01\",\"sessionId\":\"00000000-0000-0000-0000-000000000002\",\"candidate\":\"alpha\",\"participa"
                + "nt\":\"P1\",\"task\":\"t1\",\"attemptNo\":2,\"outcome\":\"failure\",\"reason\":\"no \\\"allergy"
                + "\\\"\",\"failedStep\":3,\"startedAt\":\"2026-11-25T09:00:00.123456Z\",\"timeMs\":1000,\"clicks\""
                + ":1,\"keystrokes\":2,\"screens\":3,\"pageLoads\":4,\"scrollPx\":5,\"dialogs\":6,\"validationErro"
                + "rs\":7,\"systemResponseMs\":8,\"klmMs\":9,\"events\":[{\"seq\":0,\"tMs\":\"0.30000000000000004\""
                + ",\"type\":\"click\",\"page\":\"http://x/\",\"json\":{\"a\":1,\"b\":1.5}}]}");
        assertThat(RecordHash.chain(null, RecordHash.canonical("s", "h", a, events))).isEqualTo("a88a85b2ed84f1bfa18c4c198f495e1cfb2a0648d43717ca346373fcffd4bf3f");
        // An attempt of a session that is neither a pilot nor simulated (every attempt stored before V8): the same bytes.
        assertThat(new String(RecordHash.canonical("s", "h", a, events, false, false), StandardCharsets.UTF_8))
                .isEqualTo(text);
        assertThat(RecordHash.chain(null, RecordHash.canonical("s", "h", a, events, false, false)))
                .isEqualTo("a88a85b2ed84f1bfa18c4c198f495e1cfb2a0648d43717ca346373fcffd4bf3f");
    }

    /** A pilot's or a simulated session's attempt says so right after klmMs, each flag only when true. */
    @Test
    void pilotAndSimulatedFlagsJoinTheCanonicalFormOnlyWhenTrue() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000002");
        AttemptRecord a = new AttemptRecord(id, session, "alpha", "t1", "P1", 1, Outcome.SUCCESS, null, null,
                Instant.parse("2026-11-25T09:00:00Z"), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                .withSession(new SessionFacts("done", 1.5, 2.0, "direct", null, 0));
        String plain = new String(RecordHash.canonical("s", "h", a, List.of()), StandardCharsets.UTF_8);
        assertThat(plain).contains("\"klmMs\":9,\"session\":{");
        String pilot = new String(RecordHash.canonical("s", "h", a, List.of(), true, false), StandardCharsets.UTF_8);
        String simulated = new String(RecordHash.canonical("s", "h", a, List.of(), false, true), StandardCharsets.UTF_8);
        String both = new String(RecordHash.canonical("s", "h", a, List.of(), true, true), StandardCharsets.UTF_8);
        assertThat(pilot).isEqualTo(plain.replace("\"klmMs\":9,", "\"klmMs\":9,\"pilot\":true,"));
        assertThat(simulated).isEqualTo(plain.replace("\"klmMs\":9,", "\"klmMs\":9,\"simulated\":true,"));
        assertThat(both).isEqualTo(plain.replace("\"klmMs\":9,", "\"klmMs\":9,\"pilot\":true,\"simulated\":true,"));
        // Each flag changes the hash: an attempt can never pass for another session's kind.
        List<String> hashes = List.of(plain, pilot, simulated, both).stream()
                .map(t -> RecordHash.chain(null, t.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(hashes).doesNotHaveDuplicates();
        // The expert path's attempt (no facts) too.
        AttemptRecord expert = a.withSession(null);
        assertThat(RecordHash.chain(null, RecordHash.canonical("s", "h", expert, List.of(), true, false)))
                .isNotEqualTo(RecordHash.chain(null, RecordHash.canonical("s", "h", expert, List.of())));
    }

    @Test
    void aPlansLockHasItsOwnCanonicalForm() {
        String hash = "sha256:" + "ab".repeat(32);
        Instant at = Instant.parse("2026-11-25T09:00:00.1234567Z");
        assertThat(new String(RecordHash.canonicalPlan("s \"1\"", hash, at), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"kind\":\"plan\",\"study\":\"s \\\"1\\\"\",\"planHash\":\"" + hash
                        + "\",\"lockedAt\":\"2026-11-25T09:00:00.123456Z\"}");
        String h = RecordHash.chain(null, RecordHash.canonicalPlan("s", hash, at));
        assertThat(RecordHash.chain(null, RecordHash.canonicalPlan("s", "sha256:" + "cd".repeat(32), at)))
                .isNotEqualTo(h);
        assertThat(RecordHash.chain(null, RecordHash.canonicalPlan("s", hash, at.plusSeconds(1)))).isNotEqualTo(h);
        assertThat(RecordHash.chain(null, RecordHash.canonicalPlan("t", hash, at))).isNotEqualTo(h);
    }

    @Test
    void sessionFactsJoinAnAttemptsCanonicalFormRightBeforeItsEvents() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000002");
        AttemptRecord a = new AttemptRecord(id, session, "alpha", "t1", "P1", 1, Outcome.SUCCESS, null, null,
                Instant.parse("2026-11-25T09:00:00Z"), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        String plain = new String(RecordHash.canonical("s", "h", a, List.of()), StandardCharsets.UTF_8);
        String withFacts = new String(RecordHash.canonical("s", "h", a.withSession(new SessionFacts("done", 0.1 + 0.2,
                2.0, "direct", null, 3)), List.of()), StandardCharsets.UTF_8);
        assertThat(withFacts).isEqualTo(plain.replace(",\"events\":[]", ",\"session\":{\"participantSaid\":\"done\","
                + "\"pathDeviation\":\"0.30000000000000004\",\"timeDeviation\":\"2.0\",\"success\":\"direct\","
                + "\"lostness\":null,\"misclicks\":3},\"events\":[]"));
        // Every fact counts.
        String h = RecordHash.chain(null, withFacts.getBytes(StandardCharsets.UTF_8));
        for (SessionFacts other : List.of(new SessionFacts("gave-up", 0.1 + 0.2, 2.0, "direct", null, 3),
                new SessionFacts("done", 0.3, 2.0, "direct", null, 3),
                new SessionFacts("done", 0.1 + 0.2, 2.0, "indirect", null, 3),
                new SessionFacts("done", 0.1 + 0.2, 2.0, "direct", 0.0, 3),
                new SessionFacts("done", 0.1 + 0.2, 2.0, "direct", null, 4))) {
            assertThat(RecordHash.chain(null, RecordHash.canonical("s", "h", a.withSession(other), List.of())))
                    .as(other.toString()).isNotEqualTo(h);
        }
    }

    @Test
    void aMarkerHasItsOwnCanonicalForm() {
        UUID marker = UUID.fromString("00000000-0000-0000-0000-000000000003");
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID attempt = UUID.fromString("00000000-0000-0000-0000-000000000001");
        MarkerRecord m = new MarkerRecord(marker, session, attempt, "t1", "critical", 1500.5, "wrong \"patient\"\n",
                "observer", Instant.parse("2026-11-25T09:00:00.1234567Z"));
        assertThat(new String(RecordHash.canonicalMarker("s", "alpha", "P1", m), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"kind\":\"marker\",\"study\":\"s\",\"sessionId\":\"" + session
                        + "\",\"candidate\":\"alpha\",\"participant\":\"P1\",\"markerId\":\"" + marker
                        + "\",\"attemptId\":\"" + attempt + "\",\"task\":\"t1\",\"markerKind\":\"critical\","
                        + "\"tMs\":\"1500.5\",\"note\":\"wrong \\\"patient\\\"\\n\",\"by\":\"observer\","
                        + "\"at\":\"2026-11-25T09:00:00.123456Z\"}");
        MarkerRecord bare = new MarkerRecord(marker, session, null, null, "note", null, null, "moderator", m.at());
        assertThat(new String(RecordHash.canonicalMarker("s", "alpha", "P1", bare), StandardCharsets.UTF_8))
                .contains("\"attemptId\":null,\"task\":null,\"markerKind\":\"note\",\"tMs\":null,\"note\":null,");
        String h = RecordHash.chain(null, RecordHash.canonicalMarker("s", "alpha", "P1", m));
        assertThat(RecordHash.chain(null, RecordHash.canonicalMarker("s", "alpha", "P1", new MarkerRecord(marker,
                session, attempt, "t1", "slip", 1500.5, m.note(), "observer", m.at())))).isNotEqualTo(h);
        assertThat(RecordHash.chain(null, RecordHash.canonicalMarker("s", "beta", "P1", m))).isNotEqualTo(h);
    }
}
