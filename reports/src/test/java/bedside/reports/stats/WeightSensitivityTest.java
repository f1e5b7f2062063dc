package bedside.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.stats.WeightSensitivity.Candidate;
import bedside.reports.stats.WeightSensitivity.Flip;
import bedside.reports.stats.WeightSensitivity.TaskSensitivity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Weight sensitivity of the ranking, on small examples worked out by hand in the comments. */
class WeightSensitivityTest {

    static Map<String, Double> weights(Object... taskWeight) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < taskWeight.length; i += 2) {
            m.put((String) taskWeight[i], ((Number) taskWeight[i + 1]).doubleValue());
        }
        return m;
    }

    static Candidate cand(String id, Object... taskScore) {
        return new Candidate(id, weights(taskScore));
    }

    @Test
    void twoCandidatesTwoTasksWithFlips() {
        // Weights T1 = 1, T2 = 1. Task SUMs: A (80, 60), B (50, 85).
        // Composites: A = (80 + 60)/2 = 70, B = (50 + 85)/2 = 67.5 → ranking A, B.
        Candidate a = cand("A", "T1", 80, "T2", 60);
        Candidate b = cand("B", "T1", 50, "T2", 85);
        List<TaskSensitivity> s = WeightSensitivity.analyze(List.of(a, b), weights("T1", 1, "T2", 1));
        assertThat(s).hasSize(2);

        // T1's weight w: A = (80w + 60)/(w + 1), B = (50w + 85)/(w + 1).
        // ×0.5 (w = 0.5): A = 100/1.5 = 66.67, B = 110/1.5 = 73.33 → B, A: the top changes.
        // ×1.5 (w = 1.5): A = 180/2.5 = 72, B = 160/2.5 = 64 → A, B.
        // Equal when 80w + 60 = 50w + 85 → 30w = 25 → w = 5/6.
        TaskSensitivity t1 = s.get(0);
        assertThat(t1.task()).isEqualTo("T1");
        assertThat(t1.weight()).isEqualTo(1.0);
        assertThat(t1.ranking()).containsExactly("A", "B");
        assertThat(t1.atHalf()).containsExactly("B", "A");
        assertThat(t1.atOneAndAHalf()).containsExactly("A", "B");
        assertThat(t1.topChanges()).isTrue();
        assertThat(t1.flips()).hasSize(1);
        assertThat(t1.flips().get(0).higher()).isEqualTo("A");
        assertThat(t1.flips().get(0).lower()).isEqualTo("B");
        assertThat(t1.flips().get(0).atWeight()).isCloseTo(5.0 / 6, within(1e-12));

        // T2's weight w: A = (80 + 60w)/(1 + w), B = (50 + 85w)/(1 + w).
        // ×0.5: A = 110/1.5 = 73.33, B = 92.5/1.5 = 61.67 → A, B.
        // ×1.5: A = 170/2.5 = 68, B = 177.5/2.5 = 71 → B, A: the top changes.
        // Equal when 80 + 60w = 50 + 85w → 25w = 30 → w = 1.2.
        TaskSensitivity t2 = s.get(1);
        assertThat(t2.atHalf()).containsExactly("A", "B");
        assertThat(t2.atOneAndAHalf()).containsExactly("B", "A");
        assertThat(t2.topChanges()).isTrue();
        assertThat(t2.flips()).singleElement().satisfies(f -> assertThat(f.atWeight()).isCloseTo(1.2, within(1e-12)));
    }

    @Test
    void aCandidateBetterAtEveryTaskNeverFlips() {
        // A (90, 80) beats B (60, 70) at both tasks; weights T1 = 3, T2 = 1.
        // Composites: A = (270 + 80)/4 = 87.5, B = (180 + 70)/4 = 62.5.
        // T1's weight w: 90w + 80 = 60w + 70 → w = −1/3 < 0: never within [0, ∞).
        // T2's weight w: 270 + 80w = 180 + 70w → w = −9 < 0: never.
        Candidate a = cand("A", "T1", 90, "T2", 80);
        Candidate b = cand("B", "T1", 60, "T2", 70);
        List<TaskSensitivity> s = WeightSensitivity.analyze(List.of(b, a), weights("T1", 3, "T2", 1));
        for (TaskSensitivity t : s) {
            assertThat(t.ranking()).containsExactly("A", "B");
            assertThat(t.atHalf()).containsExactly("A", "B");
            assertThat(t.atOneAndAHalf()).containsExactly("A", "B");
            assertThat(t.topChanges()).isFalse();
            assertThat(t.flips()).containsExactly(new Flip("A", "B", null));
        }
        assertThat(s.get(0).weight()).isEqualTo(3.0);
    }

    @Test
    void threeCandidatesOneWithATaskNotApplicable() {
        // Weights T1 = 1, T2 = 1. A (80, 60), B (50, 85), C (74, T2 n/a: its composite is T1's SUM alone).
        // Composites: C = 74, A = 70, B = 67.5 → ranking C, A, B.
        Candidate a = cand("A", "T1", 80, "T2", 60);
        Candidate b = cand("B", "T1", 50, "T2", 85);
        Candidate c = cand("C", "T1", 74);
        List<TaskSensitivity> s = WeightSensitivity.analyze(List.of(a, b, c), weights("T1", 1, "T2", 1));

        // T1's weight w: C = 74w/w = 74 for every w > 0 (undefined at w = 0), A = (80w + 60)/(w + 1).
        // N(w) = (74w)(1 + w) − (60 + 80w)·w = −6w² + 14w: roots 0 (C undefined there: not a crossing) and 7/3.
        // A, B cross at 5/6 as in the first test.
        // ×0.5: C 74, B 73.33, A 66.67 → C, B, A. ×1.5: C 74, A 72, B 64 → C, A, B. C stays first.
        TaskSensitivity t1 = s.get(0);
        assertThat(t1.ranking()).containsExactly("C", "A", "B");
        assertThat(t1.atHalf()).containsExactly("C", "B", "A");
        assertThat(t1.atOneAndAHalf()).containsExactly("C", "A", "B");
        assertThat(t1.topChanges()).isFalse();
        assertThat(t1.flips()).hasSize(2);
        assertThat(t1.flips().get(0).higher()).isEqualTo("C");
        assertThat(t1.flips().get(0).atWeight()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(t1.flips().get(1).higher()).isEqualTo("A");
        assertThat(t1.flips().get(1).atWeight()).isCloseTo(5.0 / 6, within(1e-12));

        // T2's weight w: C = 74 whatever w (T2 is not in its composite), A = (80 + 60w)/(1 + w).
        // 80 + 60w = 74 + 74w → 14w = 6 → w = 3/7; A, B cross at 1.2.
        // ×0.5: C 74, A 73.33, B 61.67. ×1.5: C 74, B 71, A 68.
        TaskSensitivity t2 = s.get(1);
        assertThat(t2.atHalf()).containsExactly("C", "A", "B");
        assertThat(t2.atOneAndAHalf()).containsExactly("C", "B", "A");
        assertThat(t2.topChanges()).isFalse();
        assertThat(t2.flips()).extracting(Flip::atWeight).satisfiesExactly(
                w -> assertThat(w).isCloseTo(3.0 / 7, within(1e-12)),
                w -> assertThat(w).isCloseTo(1.2, within(1e-12)));
    }

    @Test
    void aTieAtAMovedWeightIsNotAChange() {
        // Weights T1 = 2, T2 = 1. A (80, 60), B (50, 85), C (75, T2 n/a).
        // Composites: C = 75, A = (160 + 60)/3 = 73.33, B = (100 + 85)/3 = 61.67 → C, A, B.
        // T1 × 1.5 = 3: A = (240 + 60)/4 = 75 = C exactly: a tie, so C stays above A; B = (150 + 85)/4 = 58.75.
        // T1 × 0.5 = 1: A = 70, B = 67.5, C = 75 → C, A, B. The C / A crossing is that tie: 80w + 60 = 75w + 75, w = 3.
        Candidate a = cand("A", "T1", 80, "T2", 60);
        Candidate b = cand("B", "T1", 50, "T2", 85);
        Candidate c = cand("C", "T1", 75);
        TaskSensitivity t1 = WeightSensitivity.analyze(List.of(a, b, c), weights("T1", 2, "T2", 1)).get(0);
        assertThat(t1.ranking()).containsExactly("C", "A", "B");
        assertThat(t1.atOneAndAHalf()).containsExactly("C", "A", "B");
        assertThat(t1.atHalf()).containsExactly("C", "A", "B");
        assertThat(t1.topChanges()).isFalse();
        assertThat(t1.flips().get(0)).isEqualTo(new Flip("C", "A", 3.0));
    }

    @Test
    void zeroWeightTasksHaveNoEntryAndCandidatesWithoutCompositeAreLeftOut() {
        Candidate a = cand("A", "T1", 80, "T2", 60);
        Candidate none = cand("Z", "T2", 99); // only an unweighted task: no composite
        List<TaskSensitivity> s = WeightSensitivity.analyze(List.of(a, none), weights("T1", 2, "T2", 0));
        assertThat(s).singleElement().satisfies(t -> {
            assertThat(t.task()).isEqualTo("T1");
            assertThat(t.ranking()).containsExactly("A");
            assertThat(t.flips()).isEmpty();
        });
    }

    @Test
    void identicalCandidatesNeverSwap() {
        Candidate a = cand("A", "T1", 70, "T2", 60);
        Candidate b = cand("B", "T1", 70, "T2", 60);
        List<TaskSensitivity> s = WeightSensitivity.analyze(List.of(a, b), weights("T1", 1, "T2", 1));
        assertThat(s.get(0).ranking()).containsExactly("A", "B"); // a tie keeps the given order
        assertThat(s.get(0).flips()).containsExactly(new Flip("A", "B", null));
    }

    /**
     * Random candidates with different task sets (renormalised composites, where N is a true quadratic): at every
     * reported weight the two composites are equal and change order across it; on a fine grid, wherever the order
     * of an adjacent pair differs from the plan's, a crossing was reported below that point.
     */
    @Test
    void reportedCrossingsAreWhereTheCompositesAreEqual() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            Map<String, Double> w = weights("T1", 1 + rnd.nextInt(5), "T2", 1 + rnd.nextInt(5), "T3",
                    1 + rnd.nextInt(5));
            List<Candidate> cs = List.of(randomCandidate("A", rnd), randomCandidate("B", rnd), randomCandidate("C", rnd));
            for (TaskSensitivity t : WeightSensitivity.analyze(cs, w)) {
                for (int i = 0; i + 1 < t.ranking().size(); i++) {
                    Candidate hi = find(cs, t.ranking().get(i));
                    Candidate lo = find(cs, t.ranking().get(i + 1));
                    List<Double> at = WeightSensitivity.crossings(hi, lo, t.task(), w);
                    for (double x : at) {
                        Map<String, Double> m = new LinkedHashMap<>(w);
                        m.put(t.task(), x);
                        assertThat(WeightSensitivity.composite(hi, m))
                                .isCloseTo(WeightSensitivity.composite(lo, m), within(1e-7));
                    }
                    // every sign change of C_hi − C_lo on the grid lies next to a reported crossing
                    double prev = Double.NaN;
                    for (double x = 0.02; x < 40; x += 0.02) {
                        Map<String, Double> m = new LinkedHashMap<>(w);
                        m.put(t.task(), x);
                        double d = WeightSensitivity.composite(hi, m) - WeightSensitivity.composite(lo, m);
                        if (!Double.isNaN(prev) && Math.signum(d) != Math.signum(prev) && Math.abs(d) > 1e-9
                                && Math.abs(prev) > 1e-9) {
                            double here = x;
                            assertThat(at).anySatisfy(r -> assertThat(r).isBetween(here - 0.0200001, here + 1e-9));
                        }
                        prev = d;
                    }
                }
            }
        }
    }

    private static Candidate randomCandidate(String id, Random rnd) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (String t : List.of("T1", "T2", "T3")) {
            if (rnd.nextInt(4) > 0) { // about a quarter of tasks do not apply
                s.put(t, (double) rnd.nextInt(101));
            }
        }
        if (s.isEmpty()) {
            s.put("T1", 50.0);
        }
        return new Candidate(id, s);
    }

    private static Candidate find(List<Candidate> cs, String id) {
        return cs.stream().filter(c -> c.candidate().equals(id)).findFirst().orElseThrow();
    }
}
