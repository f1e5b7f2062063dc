package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.stats.Completion;
import bedside.reports.stats.MeanInterval;
import bedside.reports.stats.ProportionEstimate;
import bedside.reports.stats.TaskTime;
import bedside.reports.stats.TimeEstimate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 0 of n, n of n, n = 1, equal times, one candidate, unbalanced and mixed designs, missing weighted tasks. */
class EdgeCasesTest {
    static final StudyAnalyzer.Options OPT = new StudyAnalyzer.Options(3, 500);

    static AttemptRow a(String p, String c, String t, boolean ok, Double time, int errors) {
        return AttemptRow.of(p, c, t, ok, time, errors);
    }

    static AttemptRow full(String p, String c, String t, boolean ok, Double time, Integer rating, Double spec) {
        return new AttemptRow(p, c, t, ok, time, 0, null, rating, 7, null, null, null, spec, null);
    }

    @Test
    void statesSampleAdequacyPerCandidateAtTheMinimumAndTheAdvisedSample() {
        java.util.List<AttemptRow> rows = new java.util.ArrayList<>();
        for (int p = 1; p <= 15; p++) {
            rows.add(a("P" + p, "big", "T1", true, 10.0 + p, 0));
            if (p <= 10) {
                rows.add(a("Q" + p, "middle", "T1", true, 10.0 + p, 0));
            }
            if (p <= 9) {
                rows.add(a("R" + p, "small", "T1", true, 10.0 + p, 0));
            }
        }
        StudyAnalysis s = StudyAnalyzer.analyze(rows, java.util.List.of(), null, OPT);
        assertThat(s.candidates()).extracting(c -> c.adequacy().level())
                .containsExactly("adequate", "below-advised", "below-minimum");
        assertThat(s.candidates().get(2).adequacy().statement()).startsWith("n = 9: under 10, the minimum");
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("candidate 'middle': n = 10: at least the minimum of 10"))
                .anyMatch(w -> w.startsWith("candidate 'small': n = 9: under 10"))
                .noneMatch(w -> w.startsWith("candidate 'big'"));
    }

    @Test
    void zeroOfNAndNOfN() {
        ProportionEstimate zero = Completion.estimate(0, 8);
        assertThat(zero.rate()).isZero();
        assertThat(zero.ci95().lo()).isZero();
        assertThat(zero.ci95().hi()).isBetween(0.3, 0.4);
        ProportionEstimate all = Completion.estimate(8, 8);
        assertThat(all.ci95().hi()).isEqualTo(1.0);
        assertThat(all.ci95().lo()).isBetween(0.6, 0.7);
        ProportionEstimate none = Completion.estimate(0, 0);
        assertThat(none.rate()).isNull();
        assertThat(none.ci95()).isNull();
        assertThat(none.sd()).isNull();
        // NISTIR 7742 "task success mean (SD)": SD of the 0/1 outcomes, 6/8 -> sqrt(8·.75·.25/7)
        assertThat(Completion.estimate(6, 8).sd()).isCloseTo(Math.sqrt(8 * 0.75 * 0.25 / 7), within(1e-12));
    }

    @Test
    void oneObservationGivesNoIntervalAndNoSd() {
        TimeEstimate t = TaskTime.estimate(new double[] {42});
        assertThat(t.geomean()).isCloseTo(42, within(1e-12));
        assertThat(t.median()).isEqualTo(42);
        assertThat(t.mean()).isEqualTo(42);
        assertThat(t.geomeanCi95()).isNull();
        assertThat(t.sd()).isNull();
        var e = MeanInterval.estimate(new double[] {2}, 0, Double.POSITIVE_INFINITY);
        assertThat(e.mean()).isEqualTo(2);
        assertThat(e.sd()).isNull();
        assertThat(e.ci95()).isNull();
        TimeEstimate none = TaskTime.estimate(new double[0]);
        assertThat(none.n()).isZero();
        assertThat(none.geomean()).isNull();
        assertThat(none.median()).isNull();
    }

    @Test
    void allTimesEqualGiveAPointInterval() {
        TimeEstimate t = TaskTime.estimate(new double[] {30, 30, 30, 30});
        assertThat(t.geomean()).isCloseTo(30, within(1e-12));
        assertThat(t.geomeanCi95().lo()).isCloseTo(30, within(1e-12));
        assertThat(t.geomeanCi95().hi()).isCloseTo(30, within(1e-12));
        assertThat(t.sd()).isZero();
    }

    @Test
    void errorsIntervalIsClippedAtZero() {
        var e = MeanInterval.estimate(new double[] {0, 0, 0, 0, 3}, 0, Double.POSITIVE_INFINITY);
        assertThat(e.ci95().lo()).isZero();
    }

    @Test
    void noSuccessesGivesNullTimesInJsonAndNeverNaN() throws Exception {
        List<AttemptRow> rows = List.of(a("P1", "A", "T", false, 50.0, 2), a("P2", "A", "T", false, null, 1));
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), null, OPT);
        String json = StudyJson.toJson(s);
        assertThat(json).doesNotContain("NaN", "Infinity");
        JsonNode t = new ObjectMapper().readTree(json).at("/candidates/0/tasks/0");
        assertThat(t.at("/completion/rate").asDouble()).isZero();
        assertThat(t.at("/time/n").asInt()).isZero();
        for (String f : new String[] {"geomean_s", "ci95_s", "median_s", "mean_s", "sd_s"}) {
            assertThat(t.at("/time/" + f).isNull()).as(f).isTrue();
        }
        assertThat(t.get("rating").isNull()).isTrue();
        assertThat(t.get("path_deviation").isNull()).isTrue();
        assertThat(t.at("/critical_errors/total").isNull()).isTrue();
        assertThat(t.at("/sample_size/time_n").isNull()).isTrue();
    }

    @Test
    void oneCandidateOnly() {
        List<AttemptRow> rows = List.of(a("P1", "A", "T1", true, 10.0, 0), a("P2", "A", "T1", true, 12.0, 0),
                a("P3", "A", "T1", false, null, 1));
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), null, OPT);
        assertThat(s.design()).isEqualTo("within");
        assertThat(s.comparisons()).isEmpty();
        assertThat(s.candidates().get(0).composite().pBest()).isEqualTo(1.0);
        assertThat(s.candidates().get(0).composite().score()).isCloseTo(100 * 2 / 3.0, within(1e-9));
    }

    @Test
    void unbalancedBetweenSubjectsUsesWelchAndFisherWhenCellsAreSmall() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(a("a" + i, "A", "T", true, 10.0 + i, 0));
        }
        for (int i = 0; i < 9; i++) {
            rows.add(a("b" + i, "B", "T", i < 8, 14.0 + i, 0));
        }
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), null, OPT);
        assertThat(s.design()).isEqualTo("between");
        assertThat(s.comparisons()).extracting(c -> c.result().test()).containsExactly("welch_t_log", "fisher_exact");
        assertThat(s.comparisons().get(0).result().nA()).isEqualTo(4);
        assertThat(s.comparisons().get(0).result().nB()).isEqualTo(8);
        assertThat(s.bootstrap().resampling()).isEqualTo("per_candidate");
        assertThat(s.candidates()).extracting(StudyAnalysis.CandidateAnalysis::participants).containsExactly(4, 9);
    }

    @Test
    void unbalancedWithinSubjectsPairsOnlyCompleteParticipants() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(a("P" + i, "A", "T", true, 10.0 + i, 0));
            if (i != 2) { // P2 skipped task T on B but did another task there
                rows.add(a("P" + i, "B", "T", i != 4, 12.0 + 2 * i, 0));
            } else {
                rows.add(a("P" + i, "B", "U", true, 5.0, 0));
            }
        }
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), null, OPT);
        assertThat(s.design()).isEqualTo("within");
        var time = s.comparisons().get(0);
        assertThat(time.result().test()).isEqualTo("paired_t_log");
        assertThat(time.result().nA()).isEqualTo(4); // P0, P1, P3, P5 succeeded on both
        var comp = s.comparisons().get(1);
        assertThat(comp.result().test()).isEqualTo("mcnemar_exact");
        assertThat(comp.result().nA()).isEqualTo(5);
        assertThat(comp.result().p()).isEqualTo(1.0); // one discordant pair: 2·P(X ≤ 0 | Bin(1, ½)) = 1
        // B lacks task U? no: A lacks U, so A has no composite when U is weighted
        assertThat(s.candidates().get(0).composite().score()).isNull();
        assertThat(s.warnings()).anyMatch(w -> w.contains("candidate 'A' has no attempts on weighted task(s) [U]"));
        assertThat(s.candidates().get(1).composite().pBest()).isEqualTo(1.0);
    }

    @Test
    void partialOverlapIsBetweenWithAWarning() {
        List<AttemptRow> rows = List.of(a("P1", "A", "T", true, 10.0, 0), a("P2", "A", "T", true, 11.0, 0),
                a("P1", "B", "T", true, 12.0, 0), a("P3", "B", "T", true, 13.0, 0));
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), null, OPT);
        assertThat(s.design()).isEqualTo("between");
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("participants [P1] used more than one candidate"));
    }

    @Test
    void withinSubjectsWithADropoutStaysWithin() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(a("P" + i, "A", "T", true, 10.0 + i, 0));
            if (i != 3) {
                rows.add(a("P" + i, "B", "T", true, 11.0 + 2 * i, 0));
            }
        }
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), null, OPT);
        assertThat(s.design()).isEqualTo("within");
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("within-subjects study with participants [P3]"));
        assertThat(s.comparisons().get(0).result().nA()).isEqualTo(4);
        assertThat(s.bootstrap().resampling()).isEqualTo("joint");
    }

    @Test
    void sumTimeComponentRules() {
        // no success -> time component 0; one success -> null; equal ratings -> limit of Phi
        TaskAnalysis none = StudyAnalyzer.analyzeTask("A", "T",
                List.of(full("P1", "A", "T", false, null, 7, 30.0), full("P2", "A", "T", false, null, 7, 30.0)));
        assertThat(none.sum().time()).isZero();
        assertThat(none.sum().satisfaction()).isEqualTo(100.0);
        assertThat(none.sum().score()).isCloseTo((0 + 0 + 100) / 3.0, within(1e-12));
        TaskAnalysis one = StudyAnalyzer.analyzeTask("A", "T",
                List.of(full("P1", "A", "T", true, 20.0, 5, 30.0), full("P2", "A", "T", false, null, null, 30.0)));
        assertThat(one.sum().time()).isNull();
        assertThat(one.sum().satisfaction()).isNull();
        assertThat(one.sum().score()).isEqualTo(50.0);
        assertThat(one.sum().components()).isEqualTo(1);
    }

    @Test
    void sampleSizeAdviceNeverSaysOneParticipantForAPerfectRate() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(full("P" + i, "A", "T", true, 20.0 + i, 4 + i % 3, null));
        }
        TaskAnalysis t = StudyAnalyzer.analyzeTask("A", "T", rows);
        double z2 = 1.959963984540054 * 1.959963984540054;
        double p = (10 + z2 / 2) / (10 + z2);
        assertThat(t.sampleSize().completionN()).isEqualTo((int) Math.ceil(z2 * p * (1 - p) / 0.01 - z2));
        assertThat(t.sampleSize().completionN()).isEqualTo(43);
        double[] logs = rows.stream().mapToDouble(r -> Math.log(r.timeS())).toArray();
        assertThat(t.sampleSize().timeN()).isEqualTo(bedside.reports.stats.SampleSize.forMean(
                bedside.reports.stats.Descriptive.sd(logs), Math.log(1.2)));
        assertThat(t.sampleSize().ratingN()).isNotNull();
    }

    @Test
    void susForOneRespondent() {
        List<AttemptRow> rows = List.of(a("P1", "A", "T", true, 10.0, 0));
        StudyAnalysis s = StudyAnalyzer.analyze(rows,
                List.of(new SusRow("P1", "A", List.of(4, 2, 4, 2, 4, 2, 4, 2, 4, 2))), null, OPT);
        var sus = s.candidates().get(0).sus();
        assertThat(sus.n()).isEqualTo(1);
        assertThat(sus.mean()).isEqualTo(75.0);
        assertThat(sus.ci95()).isNull();
        assertThat(sus.grade()).isEqualTo("B");
    }
}
