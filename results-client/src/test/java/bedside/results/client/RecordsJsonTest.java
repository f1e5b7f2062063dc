package bedside.results.client;

import bedside.results.ParticipantRecord;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.VerifyReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records' JSON through the API's mapper: the new flags and the stored plan, and JSON written before them. */
class RecordsJsonTest {
    private static final Instant T = Instant.parse("2026-11-25T09:00:00.123456Z");

    static StudyPlan plan(boolean simulated) {
        return new StudyPlan(StudyPlan.SCHEMA, "ward-a", new StudyPlan.PlanSuite("sed-core", "1.0",
                "sha256:" + "a".repeat(64)), List.of("alpha", "beta"),
                List.of(new StudyPlan.PlanTask("record-allergy", 6, 3.0, 2.0, 300, List.of("recorded"), List.of()),
                        new StudyPlan.PlanTask("find-patient", 1.25, null, null, 120, List.of("chart open"), List.of())),
                new StudyPlan.Analysis(List.of("completion", "time"), "sum", 0.95, 2000, 7, "within", 15), simulated);
    }

    @Test
    void participantsAndSessionsCarryTheirFlagsAndJsonWrittenBeforeThemReadsAsReal() throws Exception {
        ParticipantRecord simulated = ParticipantRecord.of("S01").withSimulated(true);
        String json = Json.MAPPER.writeValueAsString(simulated);
        assertThat(json).contains("\"simulated\":true");
        assertThat(Json.MAPPER.readValue(json, ParticipantRecord.class)).isEqualTo(simulated);
        // Written before V8 (journals, older servers): no flag, a real participant.
        assertThat(Json.MAPPER.readValue("{\"code\":\"P01\",\"role\":\"nurse\",\"yearsInRole\":4,"
                + "\"ehrExperienceYears\":null,\"ehrSystemsUsed\":null,\"ageBand\":\"30-39\",\"assistiveTechnology\":null,"
                + "\"consentedAt\":\"2026-11-25T09:00:00Z\"}", ParticipantRecord.class))
                .isEqualTo(new ParticipantRecord("P01", "nurse", 4, null, null, "30-39", null,
                        Instant.parse("2026-11-25T09:00:00Z")));

        SessionOrder order = new SessionOrder("fixed", null, null, List.of("t1"), 1);
        SessionRecord pilot = new SessionRecord(UUID.randomUUID(), UUID.randomUUID(), "alpha", "P01", T, order)
                .withFlags(true, false);
        assertThat(pilot.moderated()).isTrue();
        String s = Json.MAPPER.writeValueAsString(pilot);
        assertThat(s).contains("\"pilot\":true,\"simulated\":false").doesNotContain("moderated");
        assertThat(Json.MAPPER.readValue(s, SessionRecord.class)).isEqualTo(pilot);
        ObjectNode old = (ObjectNode) Json.MAPPER.readTree(s);
        old.remove("pilot");
        old.remove("simulated");
        assertThat(Json.MAPPER.treeToValue(old, SessionRecord.class)).isEqualTo(pilot.withFlags(false, false));
        // The shorter constructors make sessions of the study itself.
        assertThat(new SessionRecord(pilot.sessionId(), pilot.runId(), "alpha", "P01", T).pilot()).isFalse();
    }

    @Test
    void aStoredPlanIsServedWithItsExactCanonicalJsonAndReadBackChecked() throws Exception {
        StudyPlan p = plan(false);
        StoredPlan stored = new StoredPlan(p, p.canonicalJson(), p.hash(), T, "evaluator:ann", T.plusSeconds(60), 4L);
        assertThat(stored.locked()).isTrue();
        assertThat(stored.study()).isEqualTo("ward-a");
        ObjectNode n = Json.plan(stored);
        String served = new String(Json.write(n), StandardCharsets.UTF_8);
        // The plan object, written as the API writes it, is the canonical JSON byte for byte.
        assertThat(served).contains("\"plan\":" + p.canonicalJson());
        assertThat(served).contains("\"locked\":true", "\"chainNo\":4", "\"hash\":\"" + p.hash() + "\"");
        JsonNode back = Json.MAPPER.readTree(served);
        assertThat(Json.storedPlan(back)).isEqualTo(stored);
        assertThat(StudyPlan.fromJson(back.path("plan").toString()).hash()).isEqualTo(p.hash());

        StoredPlan unlocked = new StoredPlan(p, p.canonicalJson(), p.hash(), T, "admin", null, null);
        assertThat(Json.storedPlan(Json.plan(unlocked))).isEqualTo(unlocked);
        assertThat(unlocked.locked()).isFalse();
        // A served plan whose JSON does not hash to its hash is refused.
        ObjectNode forged = Json.plan(stored);
        forged.put("json", p.canonicalJson().replace("1.25", "2.25"));
        assertThatThrownBy(() -> Json.storedPlan(forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hashes to");
    }

    @Test
    void aVerifyReportSaysWhatItCheckedOfThePlan() throws Exception {
        VerifyReport r = new VerifyReport("ward-a", false, false, 3, 9, 1, 10, 2, 3, "ab", "study_plans",
                "study_code = ward-a", null, 4L, "the plan of study ward-a was altered", "sha256:" + "c".repeat(64),
                true, true);
        String json = Json.MAPPER.writeValueAsString(r);
        assertThat(json).contains("\"replays\":3", "\"planHash\":\"sha256:", "\"planLocked\":true", "\"planAltered\":true");
        assertThat(Json.MAPPER.readValue(json, VerifyReport.class)).isEqualTo(r);
        VerifyReport none = new VerifyReport("s", true, false, 0, 0, 0, 0, 0, null, null, null, null, null, null);
        assertThat(none.planHash()).isNull();
        assertThat(none.planAltered()).isFalse();
    }
}
