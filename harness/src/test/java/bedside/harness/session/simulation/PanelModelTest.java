package bedside.harness.session.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import bedside.harness.measure.Klm;
import bedside.harness.session.Demographics;
import bedside.harness.session.ParticipantCode;
import bedside.harness.session.simulation.PanelModel.Hand;
import bedside.reports.stats.Sus;
import bedside.scenarios.Locator;
import bedside.scenarios.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelModelTest {
    static final PanelModel MODEL = PanelModel.shipped();

    @TempDir
    Path dir;

    @Test
    void theShippedFileIsReadAndItsOperatorsAreTheKlmsOwn() {
        PanelModel.OperatorTimes t = MODEL.parameters().keystrokeLevelModel();
        assertThat(t.K()).isEqualTo(Klm.K);
        assertThat(t.P()).isEqualTo(Klm.P);
        assertThat(t.B()).isEqualTo(Klm.B);
        assertThat(t.H()).isEqualTo(Klm.H);
        assertThat(t.M()).isEqualTo(Klm.M);
        assertThat(MODEL.source()).contains(PanelModel.SHIPPED);
        assertThat(Path.of("src/main/resources").resolve(PanelModel.SHIPPED)).as("the file the demo names").exists();
        assertThat(Path.of("..").resolve(PanelModel.SHIPPED_SOURCE)).exists();
    }

    @Test
    void theSameSeedGivesTheSameDrawsWhateverTheOrder() {
        PanelModel.Participant a = PanelModel.shipped().participant(42, 3);
        PanelModel.Participant b = PanelModel.shipped().participant(42, 3);
        // b draws in another order, with other draws in between: each draw depends only on its key.
        List<Object> fromA = List.of(a.speed(), a.details(), a.seconds('M', "legacy/review-results/1"),
                a.seconds("MPBB", "legacy/review-results/2"), a.misclicks("legacy/review-results/3", 40),
                a.seq(10, 1.4, 1, false, "legacy/review-results"), a.sus(Math.log(10), 0.3, 0.5, 0, "legacy"));
        b.seq(10, 3, 2, true, "streamlined/add-problem");
        Object sus = b.sus(Math.log(10), 0.3, 0.5, 0, "legacy");
        Object seq = b.seq(10, 1.4, 1, false, "legacy/review-results");
        Object miss = b.misclicks("legacy/review-results/3", 40);
        Object many = b.seconds("MPBB", "legacy/review-results/2");
        Object one = b.seconds('M', "legacy/review-results/1");
        assertThat(List.of(b.speed(), b.details(), one, many, miss, seq, sus)).isEqualTo(fromA);

        // Another seed or another participant draws otherwise.
        assertThat(PanelModel.shipped().participant(43, 3).speed()).isNotEqualTo(a.speed());
        assertThat(PanelModel.shipped().participant(42, 4).speed()).isNotEqualTo(a.speed());
        // The participants of one panel differ.
        assertThat(java.util.stream.IntStream.range(0, 12).mapToObj(i -> MODEL.participant(1, i).speed()).distinct())
                .hasSize(12);
    }

    @Test
    void operatorTimesFollowTheKlmWithTheParticipantsSpeedAndEachActionsSpread() {
        double sum = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            PanelModel.Participant p = MODEL.participant(7, i);
            double t = p.seconds('P', "x");
            assertThat(t).isPositive();
            sum += Math.log(t / Klm.P);
        }
        // Median of the product of two log-normals with median 1: the KLM's own time.
        assertThat(sum / n).isCloseTo(Math.log(MODEL.parameters().speed().participantMedian()), within(0.02));
        assertThat(MODEL.nominalSeconds("MPBB")).isCloseTo(Klm.M + Klm.P + 2 * Klm.B, within(1e-12));
    }

    @Test
    void aMisclickGetsMoreLikelyTheMoreTargetsAScreenHas() {
        double previous = -1;
        for (int targets : new int[] {1, 2, 5, 10, 20, 40, 80, 160, 100_000}) {
            double p = MODEL.misclickProbability(targets);
            assertThat(p).isBetween(0.0, MODEL.parameters().misclick().max()).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(MODEL.misclickProbability(5)).isLessThan(MODEL.misclickProbability(20));
        assertThat(MODEL.misclickProbability(20)).isLessThan(MODEL.misclickProbability(80));
        assertThat(MODEL.misclickProbability(10)).isEqualTo(MODEL.parameters().misclick().probability());
        assertThat(MODEL.misclickProbability(100_000)).isEqualTo(MODEL.parameters().misclick().max());

        // The draws follow the probability: over many presses, the share that miss is about p.
        for (int targets : new int[] {6, 60}) {
            int missed = 0;
            for (int i = 0; i < 20_000; i++) {
                if (MODEL.participant(3, i % 50).misclicks("t/" + i, targets)) {
                    missed++;
                }
            }
            assertThat(missed / 20_000.0).isCloseTo(MODEL.misclickProbability(targets), within(0.01));
        }
    }

    @Test
    void seqAndSusFallWithTheParticipantsTimeAndErrors() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 3000;
        double[] lnRatio = new double[n];
        double[] errors = new double[n];
        double[] seq = new double[n];
        double[] sus = new double[n];
        for (int i = 0; i < n; i++) {
            PanelModel.Participant p = MODEL.participant(11, i);
            lnRatio[i] = 0.5 * gaussian(r) + 0.2;
            errors[i] = r.nextInt(4);
            seq[i] = p.seq(10, Math.exp(lnRatio[i]), (int) errors[i], false, "c/t");
            assertThat((int) seq[i]).isBetween(1, 7);
            List<Integer> answers = p.sus(Math.log(10), lnRatio[i], errors[i], 0, "c");
            sus[i] = Sus.score(answers.stream().mapToInt(Integer::intValue).toArray());
        }
        assertThat(correlation(seq, lnRatio)).isLessThan(-0.3);
        assertThat(correlation(seq, errors)).isLessThan(-0.3);
        assertThat(correlation(sus, lnRatio)).isLessThan(-0.3);
        assertThat(correlation(sus, errors)).isLessThan(-0.2);
        // A failed task rates lower than the same time and errors done.
        double done = 0;
        double failed = 0;
        for (int i = 0; i < 500; i++) {
            done += MODEL.participant(2, i).seq(10, 1.2, 0, false, "k");
            failed += MODEL.participant(2, i).seq(10, 1.2, 0, true, "k");
        }
        assertThat(failed).isLessThan(done - 500);
        // Both questionnaires reflect the same participant's leniency.
        double[] len = new double[n];
        double[] s2 = new double[n];
        double[] q2 = new double[n];
        for (int i = 0; i < n; i++) {
            PanelModel.Participant p = MODEL.participant(12, i);
            len[i] = p.leniency();
            q2[i] = p.seq(10, 1, 0, false, "c/t");
            s2[i] = Sus.score(p.sus(Math.log(10), 0, 0, 0, "c").stream().mapToInt(Integer::intValue).toArray());
        }
        assertThat(correlation(q2, len)).isGreaterThan(0.2);
        assertThat(correlation(s2, len)).isGreaterThan(0.2);
    }

    @Test
    void aTaskThatTakesMoreActionsRatesHarderAndASystemWhoseTasksDoRatesLower() {
        double shortSeq = 0;
        double longSeq = 0;
        double shortSus = 0;
        double longSus = 0;
        int n = 1000;
        for (int i = 0; i < n; i++) {
            PanelModel.Participant p = MODEL.participant(31, i);
            // The same work at the KLM's own pace, on a task of 11 s and one of 40 s by the KLM.
            shortSeq += p.seq(11, 1, 0, false, "t") / (double) n;
            longSeq += p.seq(40, 1, 0, false, "t") / (double) n;
            shortSus += Sus.score(p.sus(Math.log(11), 0, 0, 0, "c").stream().mapToInt(Integer::intValue).toArray()) / n;
            longSus += Sus.score(p.sus(Math.log(40), 0, 0, 0, "c").stream().mapToInt(Integer::intValue).toArray()) / n;
        }
        assertThat(longSeq).isLessThan(shortSeq - 0.7);
        assertThat(longSus).isLessThan(shortSus - 8);
    }

    @Test
    void susItemsAreOnTheScaleAndAlternatePositiveAndNegative() {
        double[] oddMean = new double[2];
        double[] evenMean = new double[2];
        int n = 1000;
        for (int i = 0; i < n; i++) {
            PanelModel.Participant p = MODEL.participant(21, i);
            // A fast, error-free candidate, and a slow one with errors and failures.
            List<List<Integer>> both = List.of(p.sus(Math.log(10), 0, 0, 0, "good"),
                    p.sus(Math.log(10), Math.log(3), 3, 0.5, "bad"));
            for (int c = 0; c < 2; c++) {
                List<Integer> a = both.get(c);
                assertThat(a).hasSize(10).allSatisfy(x -> assertThat(x).isBetween(1, 5));
                for (int item = 1; item <= 10; item++) {
                    if (item % 2 == 1) {
                        oddMean[c] += a.get(item - 1) / (5.0 * n);
                    } else {
                        evenMean[c] += a.get(item - 1) / (5.0 * n);
                    }
                }
            }
        }
        // Liking a system: agreeing with the positive (odd) items, disagreeing with the negative (even) ones.
        assertThat(oddMean[0]).isGreaterThan(3.5);
        assertThat(evenMean[0]).isLessThan(2.5);
        assertThat(oddMean[1]).isLessThan(oddMean[0] - 1);
        assertThat(evenMean[1]).isGreaterThan(evenMean[0] + 1);
        // The SUS for work at the KLM's time without errors is near the published mean.
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += Sus.score(MODEL.participant(22, i).sus(Math.log(10), 0, 0, 0, "c").stream().mapToInt(Integer::intValue)
                    .toArray()) / n;
        }
        assertThat(mean).isBetween(62.0, 78.0);
    }

    @Test
    void stepsBecomeTheKlmsOperators() {
        Locator button = new Locator(Locator.Kind.ROLE, "button", "Save", null);
        Step click = new Step.Click(button, null);
        Step type = new Step.Type(new Locator(Locator.Kind.LABEL, "Substance", null, null), "Penicillin", false, false, true, null);
        Step select = new Step.Select(new Locator(Locator.Kind.LABEL, "Severity", null, null), "Moderate", null);
        assertThat(PanelModel.operators(click, null, false, Hand.MOUSE)).isEqualTo(new PanelModel.StepOperators("MPBB", Hand.MOUSE));
        assertThat(PanelModel.operators(click, null, false, Hand.KEYBOARD).operators()).isEqualTo("HMPBB");
        PanelModel.StepOperators typing = PanelModel.operators(type, "Penicillin", false, Hand.MOUSE);
        assertThat(typing.operators()).isEqualTo("PBBHM" + "K".repeat(10));
        assertThat(typing.beforeTyping()).isEqualTo("PBBHM");
        assertThat(typing.after()).isEqualTo(Hand.KEYBOARD);
        assertThat(PanelModel.operators(type, "ab", true, Hand.KEYBOARD).operators()).isEqualTo("MKK");
        assertThat(PanelModel.operators(type, "ab", true, Hand.MOUSE).operators()).isEqualTo("HMKK");
        assertThat(PanelModel.operators(select, null, false, Hand.MOUSE).operators()).isEqualTo("MPBBPBB");
        assertThat(PanelModel.operators(new Step.AcceptDialog("Sure?", null, null), null, false, Hand.MOUSE).operators())
                .isEqualTo("MPBB");
        assertThat(PanelModel.operators(new Step.WaitFor(button, null, null, false, 5, null), null, false, Hand.KEYBOARD))
                .isEqualTo(new PanelModel.StepOperators("", Hand.KEYBOARD));
    }

    @Test
    void aParticipantGivesUpBeforeTheTimeLimitPasses() {
        double share = MODEL.parameters().giveUpShare();
        assertThat(MODEL.givesUp(10, 5, 180)).isFalse();
        assertThat(MODEL.givesUp(180 * share - 1, 2, 180)).isTrue();
        assertThat(MODEL.givesUp(180 * share - 3, 2, 180)).isFalse();
    }

    @Test
    void participantsHaveCodesAndDetailsTheSessionTakes() {
        assertThat(PanelModel.code(0)).isEqualTo("SIM01");
        assertThat(PanelModel.code(11)).isEqualTo("SIM12");
        for (int i = 0; i < 200; i++) {
            assertThat(ParticipantCode.problem(PanelModel.code(i))).isEmpty();
            PanelModel.Details d = MODEL.participant(1, i).details();
            assertThat(d.role()).isEqualTo("simulated");
            assertThat(d.yearsInRole()).isBetween(1, 30);
            assertThat(d.ehrExperienceYears()).isBetween(0, Math.min(20, d.yearsInRole()));
            assertThat(Demographics.AGE_BANDS).contains(d.ageBand());
            assertThat(d.assistiveTechnology()).isEqualTo("none");
        }
        assertThat(PanelModel.ageBand(29)).isEqualTo("18-29");
        assertThat(PanelModel.ageBand(30)).isEqualTo("30-39");
        assertThat(PanelModel.ageBand(69)).isEqualTo("60-69");
        assertThat(PanelModel.ageBand(75)).isEqualTo("70+");
    }

    @Test
    void badValuesAreReportedWithTheirLineAndColumn() throws Exception {
        String shipped = new String(PanelModel.class.getClassLoader().getResourceAsStream(PanelModel.SHIPPED).readAllBytes(),
                StandardCharsets.UTF_8);
        String bad = shipped
                .replace("  P: 1.10   #", "  P: fast   #")
                .replace("  probability: 0.04 ", "  probability: 1.5  ")
                .replace("  perError: -0.6  ", "  perError: 0.6   ")
                .replace("  yearsInRoleMax: 30", "  yearsInRoleMax: 0 ")
                .replace("  itemSigma: 0.6 ", "  itemSigma: 0.6\n  itemsigma: 1")
                .replace("  shareOfTimeLimit: 0.95", "  shareOfTime: 0.95");
        Path file = dir.resolve("panel.yaml");
        Files.writeString(file, bad);
        List<String> lines = bad.lines().toList();
        assertThatThrownBy(() -> PanelModel.read(file)).isInstanceOfSatisfying(PanelModel.BadParameters.class, e -> {
            assertThat(e.problems()).containsExactlyInAnyOrder(
                    file + ":" + lineOf(lines, "  P: fast") + ":6: keystrokeLevelModel.P: \"fast\" is not a number",
                    file + ":" + lineOf(lines, "  probability: 1.5") + ":16: misclick.probability: 1.5 is out of range: 0 to 1",
                    file + ":" + lineOf(lines, "  perError: 0.6") + ":13: seq.perError: 0.6 is out of range: -7 to 0",
                    file + ":" + lineOf(lines, "  itemsigma: 1") + ":3: sus.itemsigma: not a parameter of the model (known"
                            + " here: intercept, perLnKlmSeconds, perLnTimeRatio, perErrorPerTask, perFailedShare, noiseSigma,"
                            + " itemSigma)",
                    file + ":" + lineOf(lines, "  shareOfTime:") + ":3: giveUp.shareOfTime: not a parameter of the model"
                            + " (known here: shareOfTimeLimit)",
                    file + ":" + lineOf(lines, "giveUp:") + ":1: giveUp.shareOfTimeLimit: missing (every parameter of the"
                            + " model is given in the file)",
                    file + ":" + lineOf(lines, "  yearsInRoleMax: 0") + ":19: participants.yearsInRoleMax: 0 is below"
                            + " participants.yearsInRoleMin (1)");
        });
        Files.writeString(file, "keystrokeLevelModel: [1, 2]\n");
        assertThatThrownBy(() -> PanelModel.read(file)).isInstanceOf(PanelModel.BadParameters.class)
                .hasMessageContaining(file + ":1:22: keystrokeLevelModel: a section holding K, P, B, H, M");
        Files.writeString(file, "seq:\n  intercept: [\n");
        assertThatThrownBy(() -> PanelModel.read(file)).isInstanceOf(PanelModel.BadParameters.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining("YAML syntax");
        assertThatThrownBy(() -> PanelModel.read(dir.resolve("none.yaml"))).isInstanceOf(PanelModel.BadParameters.class)
                .hasMessageContaining("cannot read the file");
        // The shipped text itself, from a file, reads back to the same parameters.
        Files.writeString(file, shipped);
        assertThat(PanelModel.read(file).parameters()).isEqualTo(MODEL.parameters());
    }

    private static int lineOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
