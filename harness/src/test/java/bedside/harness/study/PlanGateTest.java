package bedside.harness.study;

import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlanGateTest {
    static final String SUITE = "a".repeat(64); // bare hex, as a suite's content hash is
    static final String OTHER = "sha256:" + "b".repeat(64);

    static StoredPlan plan(boolean locked, boolean simulated) {
        return plan(locked, simulated, false);
    }

    static StoredPlan plan(boolean locked, boolean simulated, boolean auditSessions) {
        StudyPlan p = new StudyPlan(StudyPlan.SCHEMA, "ward-a", new StudyPlan.PlanSuite("sed-core", "1.0", SUITE),
                List.of("streamlined", "legacy"),
                List.of(new StudyPlan.PlanTask("record-allergy", 9, 3.0, 3.0, 300, List.of("recorded"), List.of())),
                new StudyPlan.Analysis(StudyPlan.Analysis.MEASURES, "sum", 0.95, 10_000, 1, "within", 15), simulated,
                auditSessions);
        return new StoredPlan(p, p.canonicalJson(), p.hash(), Instant.now(), "test", locked ? Instant.now() : null,
                locked ? 1L : null);
    }

    @Test
    void theLockedPlanDecidesWhetherSessionsAreAuditedAndAPilotMayAskEitherWay() {
        Optional<StoredPlan> audits = Optional.of(plan(true, false, true));
        Optional<StoredPlan> doesNot = Optional.of(plan(true, false, false));
        // A study that audits its sessions audits every one, asked or not.
        assertThat(PlanGate.auditsSession(audits, false, false)).isTrue();
        assertThat(PlanGate.auditsSession(audits, false, true)).isTrue();
        assertThat(PlanGate.auditRefusal(audits, "ward-a", false, false)).isEmpty();
        // One that does not: none is, and asking is refused.
        assertThat(PlanGate.auditsSession(doesNot, false, false)).isFalse();
        assertThat(PlanGate.auditRefusal(doesNot, "ward-a", false, true)).get().asString()
                .startsWith("study ward-a's plan does not audit its sessions for accessibility");
        assertThat(PlanGate.auditRefusal(doesNot, "ward-a", false, false)).isEmpty();
        // A pilot follows the plan where it audits, and is audited when asked anyway.
        assertThat(PlanGate.auditsSession(doesNot, true, true)).isTrue();
        assertThat(PlanGate.auditsSession(doesNot, true, false)).isFalse();
        assertThat(PlanGate.auditsSession(audits, true, false)).isTrue();
        assertThat(PlanGate.auditsSession(Optional.empty(), true, true)).isTrue();
        assertThat(PlanGate.auditRefusal(Optional.empty(), "ward-a", true, true)).isEmpty();
        // An unlocked plan decides nothing yet.
        assertThat(PlanGate.auditsSession(Optional.of(plan(false, false, true)), true, false)).isFalse();
    }

    static PlanGate.Start session(String suite, List<String> candidates, boolean pilot, boolean simulated) {
        return new PlanGate.Start("ward-a", suite, candidates, List.of("record-allergy"), true, pilot, simulated);
    }

    @Test
    void aSessionNeedsALockedPlanUnlessItIsAPilot() {
        assertThat(PlanGate.refusal(Optional.empty(), session(SUITE, List.of("legacy"), false, false)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("study ward-a has no plan: write one with")
                        .contains("--pilot"));
        assertThat(PlanGate.refusal(Optional.of(plan(false, false)), session(SUITE, List.of("legacy"), false, false)))
                .hasValue("study ward-a's plan is not locked: lock it with `bedside study lock ward-a`, or run a pilot "
                        + "with --pilot (kept out of every score)");
        assertThat(PlanGate.refusal(Optional.empty(), session(OTHER, List.of("epic"), true, false))).isEmpty();
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), session(SUITE, List.of("legacy"), false, false)))
                .isEmpty();
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), session("sha256:" + SUITE, List.of("legacy"), false,
                false))).isEmpty();
    }

    @Test
    void aLockedPlanRefusesAnotherSuiteNamingBothHashesAndCandidatesOrTasksOutsideIt() {
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), session(OTHER, List.of("legacy"), false, false)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("suite " + OTHER + " is not the suite of study "
                        + "ward-a's plan (sha256:" + SUITE + ", sed-core 1.0)"));
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), session(SUITE, List.of("legacy", "epic"), false,
                false))).hasValue("candidate(s) epic not in study ward-a's plan (streamlined, legacy)");
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), new PlanGate.Start("ward-a", SUITE,
                List.of("legacy"), List.of("review-results"), true, false, false)))
                .hasValue("task(s) review-results not in study ward-a's plan (record-allergy)");
        // The expert path needs no plan, but once it is locked, the plan's suite.
        assertThat(PlanGate.refusal(Optional.empty(), new PlanGate.Start("ward-a", OTHER, List.of("legacy"),
                List.of("review-results"), false, false, false))).isEmpty();
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), new PlanGate.Start("ward-a", OTHER,
                List.of("legacy"), List.of("record-allergy"), false, false, false))).isPresent();
    }

    @Test
    void simulatedParticipantsNeverJoinARealStudyNorRealOnesASimulation() {
        assertThat(PlanGate.refusal(Optional.of(plan(true, false)), session(SUITE, List.of("legacy"), false, true)))
                .hasValue("study ward-a is a real study: simulated participants never join it");
        assertThat(PlanGate.refusal(Optional.of(plan(true, true)), session(SUITE, List.of("legacy"), false, false)))
                .hasValue("study ward-a is a simulation (its plan says so): real participants do not join it");
        assertThat(PlanGate.refusal(Optional.of(plan(true, true)), session(SUITE, List.of("legacy"), false, true)))
                .isEmpty();
    }
}
