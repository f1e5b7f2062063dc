package bedside.results;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyPlanTest {
    static StudyPlan plan(List<String> candidates, double allergyWeight) {
        return new StudyPlan(StudyPlan.SCHEMA, "ward-a",
                new StudyPlan.PlanSuite("sed-core", "1.0", "sha256:" + "a".repeat(64)), candidates,
                List.of(new StudyPlan.PlanTask("record-allergy", allergyWeight, 3.0, allergyWeight / 3, 300,
                                List.of("penicillin allergy recorded"), List.of("no allergy on the wrong patient")),
                        new StudyPlan.PlanTask("find-patient", 1, null, null, 120, List.of("chart open"), List.of())),
                new StudyPlan.Analysis(List.of("completion", "time", "sus"), "sum", 0.95, 2000, 7, "within", 15),
                false);
    }

    @Test
    void canonicalJsonHasSortedKeysNoSpaceAndReadsBackToTheSameBytes() throws Exception {
        StudyPlan p = plan(List.of("streamlined", "legacy"), 6);
        String json = p.canonicalJson();
        assertTrue(json.startsWith("{\"analysis\":{\"composite\":\"sum\",\"confidence\":0.95,"), json);
        assertTrue(json.indexOf("\"candidates\":[\"streamlined\",\"legacy\"]") > 0, "lists keep their order: " + json);
        assertTrue(!json.contains(" \"") && !json.contains("\n"), json);
        assertEquals(json, StudyPlan.fromJson(json).canonicalJson());
        // A reader with other whitespace and key order gets the same plan and hash.
        String reordered = json.replace("{\"analysis\":", "{ \"simulated\" : false, \"analysis\":")
                .replace(",\"simulated\":false}", "}");
        assertEquals(p.hash(), StudyPlan.fromJson(reordered).hash());
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, p.hash());
    }

    @Test
    void aTasksTimeSpecificationIsInTheHashOnlyWhenTheSuiteGivesOne() {
        StudyPlan without = plan(List.of("a", "b"), 6);
        // Written as before the field existed: a plan locked then keeps its hash.
        assertTrue(!without.canonicalJson().contains("timeSpecSeconds"), without.canonicalJson());
        StudyPlan with = new StudyPlan(without.schema(), without.study(), without.suite(), without.candidates(),
                List.of(new StudyPlan.PlanTask("record-allergy", 6, 3.0, 2.0, 300, List.of("recorded"), List.of(), 45.0)),
                without.analysis(), false);
        assertTrue(with.canonicalJson().contains("\"timeLimitSeconds\":300.0,\"timeSpecSeconds\":45.0"),
                with.canonicalJson());
        assertEquals(45.0, StudyPlan.fromJson(with.canonicalJson()).tasks().get(0).timeSpecSeconds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StudyPlan.PlanTask("t", 1,
                null, null, 60, List.of(), List.of(), 90.0));
        assertTrue(e.getMessage().contains("within the time limit"), e.getMessage());
    }

    @Test
    void anyChangeOfWeightOrCandidatesChangesTheHash() {
        String h = plan(List.of("a", "b"), 6).hash();
        assertNotEquals(h, plan(List.of("a", "b"), 4.5).hash());
        assertNotEquals(h, plan(List.of("b", "a"), 6).hash());
        assertEquals(h, plan(List.of("a", "b"), 6).hash());
    }

    @Test
    void refusesAPlanWithoutCandidatesOrWithUnknownFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(List.of(), 6));
        assertTrue(e.getMessage().contains("no candidates"), e.getMessage());
        String json = plan(List.of("a"), 6).canonicalJson();
        e = assertThrows(IllegalArgumentException.class, () -> StudyPlan.fromJson(json.replace("\"candidates\":[\"a\"]",
                "\"candidates\":[]")));
        assertTrue(e.getMessage().contains("no candidates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StudyPlan.fromJson(json.replace("{\"analysis\"",
                "{\"extra\":1,\"analysis\"")));
        assertTrue(e.getMessage().startsWith("not a study plan"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StudyPlan.fromJson(json.replace("0.95", "0.9")));
        assertTrue(e.getMessage().contains("confidence must be 0.95"), e.getMessage());
    }
}
