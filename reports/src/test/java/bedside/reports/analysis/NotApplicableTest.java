package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks that do not apply to a candidate: no measures, shown as n/a with the reason, left out of its composite with
 * the other weights renormalised (and said so), never compared, never 0.
 */
class NotApplicableTest {
    static final StudyAnalyzer.Options OPT = new StudyAnalyzer.Options(3, 300);
    static final String WHY = "no imaging module (vendor statement 2026-11-02)";
    static final List<TaskWeight> WEIGHTS = List.of(new TaskWeight("T1", 3), new TaskWeight("T2", 1), new TaskWeight("T3", 6));

    @TempDir
    Path dir;

    /** A does T1, T2, T3; B does T1 and T2, T3 does not apply to it. */
    static List<AttemptRow> rows() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            rows.add(AttemptRow.of("P" + p, "A", "T1", p != 3, p != 3 ? 20.0 + p : null, p == 3 ? 2 : 0));
            rows.add(AttemptRow.of("P" + p, "A", "T2", true, 40.0 + 2 * p, 0));
            rows.add(AttemptRow.of("P" + p, "A", "T3", p % 3 != 0, p % 3 != 0 ? 50.0 + p : null, 1));
            rows.add(AttemptRow.of("P" + p, "B", "T1", p % 2 == 0, p % 2 == 0 ? 30.0 + p : null, 1));
            rows.add(AttemptRow.of("P" + p, "B", "T2", true, 35.0 + p, 0));
        }
        return rows;
    }

    static final List<NotApplicableRow> MARKS = List.of(new NotApplicableRow("B", "T3", WHY));

    @Test
    void theCompositeOfACandidateUsesItsApplicableTasksWithRenormalisedWeightsAndSaysSo() {
        StudyAnalysis s = StudyAnalyzer.analyze(rows(), List.of(), WEIGHTS, MARKS, OPT);
        CandidateAnalysis a = s.candidates().get(0);
        CandidateAnalysis b = s.candidates().get(1);
        assertThat(b.notApplicable()).containsExactly(new StudyAnalysis.NotApplicable("T3", WHY));
        assertThat(b.notApplicableReason("T3")).isEqualTo(WHY);
        assertThat(b.tasks()).extracting(TaskAnalysis::task).containsExactly("T1", "T2"); // no row of zeros for T3

        double t1 = b.tasks().get(0).sum().score();
        double t2 = b.tasks().get(1).sum().score();
        assertThat(b.composite().score()).isCloseTo((3 * t1 + 1 * t2) / 4, within(1e-9));
        assertThat(b.composite().tasksUsed()).containsExactly("T1", "T2");
        assertThat(b.composite().renormalised()).isTrue();
        assertThat(b.composite().ci95()).isNotNull();
        assertThat(a.composite().tasksUsed()).containsExactly("T1", "T2", "T3");
        assertThat(a.composite().renormalised()).isFalse();
        assertThat(a.composite().pBest() + b.composite().pBest()).isCloseTo(1.0, within(1e-9));
        assertThat(s.warnings()).anyMatch(w -> w.equals("candidate 'B': task(s) [T3] do not apply to it; its composite is"
                + " over its applicable tasks [T1, T2], their weights renormalised (they carry 40.0% of the total weight)"));

        // without the mark, B simply lacks a weighted task: no composite at all
        StudyAnalysis unmarked = StudyAnalyzer.analyze(rows(), List.of(), WEIGHTS, OPT);
        assertThat(unmarked.candidates().get(1).composite().score()).isNull();
        assertThat(unmarked.candidates().get(1).notApplicable()).isEmpty();
    }

    @Test
    void comparisonsUseOnlyTasksBothCandidatesHaveAndTheMarkChangesNoMeasure() {
        StudyAnalysis marked = StudyAnalyzer.analyze(rows(), List.of(), WEIGHTS, MARKS, OPT);
        StudyAnalysis unmarked = StudyAnalyzer.analyze(rows(), List.of(), WEIGHTS, OPT);
        assertThat(marked.comparisons()).extracting(StudyAnalysis.Comparison::task).containsOnly("T1", "T2").hasSize(4);
        assertThat(marked.comparisons()).isEqualTo(unmarked.comparisons());
        assertThat(marked.candidates().get(1).tasks()).isEqualTo(unmarked.candidates().get(1).tasks());
        assertThat(marked.candidates().get(0).composite().score()).isEqualTo(unmarked.candidates().get(0).composite().score());
    }

    @Test
    void aMarkBesideAttemptsIsIgnoredWithAWarningAndAMarkOnAnUnknownCandidateIsIgnored() {
        StudyAnalysis s = StudyAnalyzer.analyze(rows(), List.of(), WEIGHTS, List.of(new NotApplicableRow("A", "T3", WHY),
                new NotApplicableRow("Z", "T1", WHY)), OPT);
        assertThat(s.candidates().get(0).notApplicable()).isEmpty();
        assertThat(s.candidates()).extracting(CandidateAnalysis::candidate).containsExactly("A", "B");
        assertThat(s.warnings()).contains("candidate 'A' has attempts on task 'T3', which is marked not applicable:"
                + " the attempts are used and the mark ignored");
    }

    @Test
    void theJsonAndThePageShowNaWithTheReason() throws Exception {
        StudyAnalysis s = StudyAnalyzer.analyze(rows(), List.of(), WEIGHTS, MARKS, OPT);
        JsonNode json = new ObjectMapper().readTree(StudyJson.toJson(s));
        JsonNode b = json.path("candidates").get(1);
        assertThat(b.path("not_applicable")).hasSize(1);
        assertThat(b.path("not_applicable").get(0).path("task").asText()).isEqualTo("T3");
        assertThat(b.path("not_applicable").get(0).path("reason").asText()).isEqualTo(WHY);
        assertThat(b.path("composite").path("renormalised").asBoolean()).isTrue();
        assertThat(b.path("composite").path("tasks_used").toString()).isEqualTo("[\"T1\",\"T2\"]");
        assertThat(json.path("candidates").get(0).path("not_applicable")).isEmpty();
        assertThat(json.path("candidates").get(0).path("composite").path("renormalised").asBoolean()).isFalse();
        String html = StudyHtml.render(s);
        assertThat(html).contains("<span class=\"o n-a\">n/a</span> " + WHY.replace("(", "(")).contains("weights renormalised");
    }

    @Test
    void analyzeReadsNotApplicableCsvAndReportsItsErrorsWithLines() throws Exception {
        Path a = dir.resolve("a.csv");
        StringBuilder csv = new StringBuilder("participant,candidate,task,success,time_s,errors\n");
        for (AttemptRow r : rows()) {
            csv.append(r.participant()).append(',').append(r.candidate()).append(',').append(r.task()).append(',')
                    .append(r.success() ? 1 : 0).append(',').append(r.timeS() == null ? "" : r.timeS()).append(',')
                    .append(r.errors()).append('\n');
        }
        Files.writeString(a, csv);
        Path na = dir.resolve("na.csv");
        Files.writeString(na, "candidate,task,reason\nB,T3,\"" + WHY + "\"\n");
        Path json = dir.resolve("out.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeTool.run(a, null, null, na, 5L, json, null, new PrintStream(out), new PrintStream(err));
        assertThat(code).as(err.toString()).isEqualTo(AnalyzeTool.OK);
        JsonNode b = new ObjectMapper().readTree(json.toFile()).path("candidates").get(1);
        assertThat(b.path("not_applicable").get(0).path("reason").asText()).isEqualTo(WHY);
        assertThat(b.path("composite").path("renormalised").asBoolean()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: candidate 'B': task(s) [T3] do not apply to it");

        Files.writeString(na, "candidate,task,reason\nB,T3,\nB,T3,again\nZ,T1,gone\nA,T9,none\nA,T1,has attempts\n");
        err.reset();
        Files.deleteIfExists(json);
        code = AnalyzeTool.run(a, null, null, na, 5L, json, null, new PrintStream(out), new PrintStream(err));
        assertThat(code).isEqualTo(AnalyzeTool.BAD_INPUT);
        assertThat(json).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                na + ":2: error: reason is empty: say why the task does not apply to the candidate",
                na + ":3: error: duplicate n/a mark: candidate 'B', task 'T3' already on line 2",
                na + ":4: error: candidate 'Z' has no attempts",
                na + ":6: error: candidate 'A' has attempts on task 'T1' (first on line 2 of " + a
                        + "); a task is either attempted or not applicable",
                "4 errors; nothing written");
    }
}
