package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.NotScored;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attempts that ended in a system or script error are never scored for or against a candidate, and are always
 * reported: the analysis of a study with such attempts equals the analysis of its scored attempts alone, plus
 * the count of what was left out and why.
 */
class NotScoredTest {
    static final StudyAnalyzer.Options OPT = new StudyAnalyzer.Options(7, 400);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<AttemptRow> scored() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            rows.add(AttemptRow.of("P" + p, "A", "T1", p != 3, p != 3 ? 20.0 + p : null, p == 3 ? 2 : 0));
            rows.add(AttemptRow.of("P" + p, "A", "T2", true, 40.0 + 2 * p, 0));
            rows.add(AttemptRow.of("P" + p, "B", "T1", p % 2 == 0, p % 2 == 0 ? 30.0 + p : null, 1));
            rows.add(AttemptRow.of("P" + p, "B", "T2", true, 35.0 + p, 0));
        }
        return rows;
    }

    @Test
    void excludedAttemptsChangeNoMeasureAndAreCountedPerCandidateTaskAndReason() throws IOException {
        List<AttemptRow> mixed = new ArrayList<>(scored());
        // the same participant, candidate and task as a scored attempt: a cut-off run before the one that counted
        mixed.add(1, AttemptRow.notScored("P1", "A", "T1", Exclusion.SYSTEM_ERROR));
        mixed.add(AttemptRow.notScored("P7", "B", "T2", Exclusion.SYSTEM_ERROR));
        mixed.add(AttemptRow.notScored("P2", "B", "T2", Exclusion.SCRIPT_ERROR));
        mixed.add(AttemptRow.notScored("P1", "B", "T1", Exclusion.SYSTEM_ERROR));

        StudyAnalysis clean = StudyAnalyzer.analyze(scored(), List.of(), null, OPT);
        StudyAnalysis withExcluded = StudyAnalyzer.analyze(mixed, List.of(), null, OPT);

        assertThat(withExcluded.design()).isEqualTo(clean.design());
        assertThat(withExcluded.comparisons()).isEqualTo(clean.comparisons());
        for (int i = 0; i < clean.candidates().size(); i++) {
            CandidateAnalysis c = clean.candidates().get(i);
            CandidateAnalysis x = withExcluded.candidates().get(i);
            assertThat(x.tasks()).isEqualTo(c.tasks());
            assertThat(x.participants()).isEqualTo(c.participants()); // P7 only failed to run: not a participant
            assertThat(x.composite()).isEqualTo(c.composite());
            assertThat(x.sum()).isEqualTo(c.sum());
        }
        CandidateAnalysis a = withExcluded.candidates().get(0);
        CandidateAnalysis b = withExcluded.candidates().get(1);
        assertThat(a.notScored()).containsExactly(new NotScored("T1", Exclusion.SYSTEM_ERROR, 1));
        assertThat(a.notScoredSummary()).isEqualTo("1 attempt not scored: system error");
        assertThat(b.notScored()).containsExactlyInAnyOrder(new NotScored("T2", Exclusion.SYSTEM_ERROR, 1),
                new NotScored("T2", Exclusion.SCRIPT_ERROR, 1), new NotScored("T1", Exclusion.SYSTEM_ERROR, 1));
        assertThat(b.notScoredSummary()).isEqualTo("3 attempts not scored: 2 system error, 1 script error");
        assertThat(b.excluded("T2")).hasSize(2);
        assertThat(clean.candidates().get(0).notScored()).isEmpty();
        assertThat(withExcluded.warnings()).anyMatch(w -> w.startsWith("4 attempts not scored"));

        JsonNode json = JSON.readTree(StudyJson.toJson(withExcluded));
        JsonNode ns = json.at("/candidates/1/not_scored");
        assertThat(ns.get("attempts").asInt()).isEqualTo(3);
        assertThat(ns.get("summary").asText()).isEqualTo("3 attempts not scored: 2 system error, 1 script error");
        assertThat(ns.get("items")).hasSize(3);
        assertThat(json.at("/candidates/0/not_scored/items/0/reason").asText()).isEqualTo("system-error");
        assertThat(json.at("/candidates/0/tasks/0/attempts").asInt()).isEqualTo(6);
        assertThat(StudyHtml.render(withExcluded)).contains("3 attempts not scored: 2 system error, 1 script error")
                .contains("T2: 1 system error");
    }

    @Test
    void aCandidateOrTaskWithOnlyExcludedAttemptsIsShownWithNothingScored() throws IOException {
        List<AttemptRow> rows = new ArrayList<>(List.of(
                AttemptRow.of("P1", "A", "T1", true, 12.0, 0),
                AttemptRow.notScored("P1", "A", "T2", Exclusion.SYSTEM_ERROR),
                AttemptRow.notScored("P1", "B", "T1", Exclusion.SCRIPT_ERROR)));
        StudyAnalysis s = StudyAnalyzer.analyze(rows, List.of(), List.of(new TaskWeight("T1", 1), new TaskWeight("T2", 3)),
                OPT);
        assertThat(s.candidates()).extracting(CandidateAnalysis::candidate).containsExactly("A", "B");
        CandidateAnalysis a = s.candidates().get(0);
        assertThat(a.tasks()).extracting(StudyAnalysis.TaskAnalysis::task).containsExactly("T1");
        assertThat(a.composite().score()).isNotNull(); // T2's weight is left out, T1 alone makes the composite
        assertThat(s.bootstrap().weights()).containsExactly(new TaskWeight("T1", 1));
        assertThat(s.warnings()).anyMatch(w -> w.contains("[T2] have no scored attempt"));
        CandidateAnalysis b = s.candidates().get(1);
        assertThat(b.tasks()).isEmpty();
        assertThat(b.participants()).isZero();
        assertThat(b.composite().score()).isNull();
        assertThat(b.notScoredSummary()).isEqualTo("1 attempt not scored: script error");

        StudyAnalysis onlyExcluded = StudyAnalyzer.analyze(List.of(AttemptRow.notScored("P1", "A", "T1",
                Exclusion.SYSTEM_ERROR)), List.of(), null, OPT);
        assertThat(onlyExcluded.candidates()).hasSize(1);
        assertThat(onlyExcluded.candidates().get(0).tasks()).isEmpty();
        assertThat(JSON.readTree(StudyJson.toJson(onlyExcluded)).at("/candidates/0/not_scored/summary").asText())
                .isEqualTo("1 attempt not scored: system error");
        assertThatThrownBy(() -> AttemptRow.notScored("P1", "A", "T1", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theOutcomeColumnOfAttemptsCsvSetsSystemAndScriptErrorsAside() throws IOException {
        Path csv = dir.resolve("attempts.csv");
        Files.writeString(csv, """
                participant,candidate,task,outcome,success,time_s,errors
                P1,A,T1,success,1,12.5,0
                P1,A,T1,system-error,,,
                P1,A,T2,script-error,0,0.2,0
                P2,A,T1,failure,0,,1
                P2,A,T2,critical-use-error,0,30,1
                """);
        var parsed = StudyCsv.readAttempts(csv, "attempts.csv");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).filteredOn(r -> !r.scored()).extracting(AttemptRow::excluded)
                .containsExactly(Exclusion.SYSTEM_ERROR, Exclusion.SCRIPT_ERROR);
        StudyAnalysis s = StudyAnalyzer.analyze(parsed.rows(), List.of(), null, OPT);
        assertThat(s.candidates().get(0).tasks().get(0).attempts()).isEqualTo(2);
        assertThat(s.candidates().get(0).tasks().get(1).attempts()).isEqualTo(1);
        assertThat(s.candidates().get(0).notScoredSummary())
                .isEqualTo("2 attempts not scored: 1 system error, 1 script error");

        Files.writeString(csv, """
                participant,candidate,task,outcome,success,time_s,errors
                P1,A,T1,crashed,1,12.5,0
                P1,A,T2,failure,1,12.5,0
                ,A,T3,system-error,,,
                """);
        parsed = StudyCsv.readAttempts(csv, "attempts.csv");
        assertThat(parsed.errors()).extracting(InputError::toString).containsExactly(
                "attempts.csv:2: error: outcome must be one of success, failure, critical-use-error, system-error, "
                        + "script-error, not-checked, got 'crashed'",
                "attempts.csv:3: error: success 1 contradicts outcome 'failure'",
                "attempts.csv:4: error: participant is empty");
    }

    @Test
    void exclusionsAreDecidedByOutcomeCode() {
        assertThat(Exclusion.scored("success")).isTrue();
        assertThat(Exclusion.scored("failure")).isTrue();
        assertThat(Exclusion.scored("critical-use-error")).isTrue();
        assertThat(Exclusion.ofOutcome("system-error")).contains(Exclusion.SYSTEM_ERROR);
        assertThat(Exclusion.ofOutcome("SCRIPT_ERROR")).contains(Exclusion.SCRIPT_ERROR);
        assertThat(Exclusion.summary(List.of())).isEmpty();
    }

    @Test
    void anExportReadsBackToTheSameAnalysis() throws IOException {
        List<AttemptRow> rows = new ArrayList<>(scored());
        rows.add(AttemptRow.notScored("P1", "A", "T1", Exclusion.SYSTEM_ERROR));
        rows.add(AttemptRow.notScored("P2", "B", "T2", Exclusion.SCRIPT_ERROR));
        rows.add(new AttemptRow("P9", "B", "T2", false, 61.5, 2, 1, 3, 7, 9, 7, 30.0, 60.0, 4));
        List<SusRow> sus = List.of(new SusRow("P1", "A", List.of(4, 2, 4, 2, 4, 2, 4, 2, 4, 2)));
        StringBuilder attempts = new StringBuilder();
        StringBuilder susCsv = new StringBuilder();
        StudyCsvExport.writeAttempts(rows, attempts);
        StudyCsvExport.writeSus(sus, susCsv);
        Path a = Files.writeString(dir.resolve("a.csv"), attempts);
        Path s = Files.writeString(dir.resolve("s.csv"), susCsv);
        var readA = StudyCsv.readAttempts(a, "a.csv");
        var readS = StudyCsv.readSus(s, "s.csv");
        assertThat(readA.errors()).isEmpty();
        assertThat(readS.errors()).isEmpty();
        assertThat(readA.rows()).hasSize(rows.size());
        assertThat(StudyJson.toJson(StudyAnalyzer.analyze(readA.rows(), readS.rows(), null, OPT)))
                .isEqualTo(StudyJson.toJson(StudyAnalyzer.analyze(rows, sus, null, OPT)));
        assertThat(attempts.toString()).contains("P1,A,T1,system-error,,").contains("P9,B,T2,critical-use-error,0,61.5,2,1,3,7");
    }
}
