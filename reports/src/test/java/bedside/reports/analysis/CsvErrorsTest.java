package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV import's located errors: every message and line asserted; all reported at once; nothing written. */
class CsvErrorsTest {
    @TempDir
    Path dir;

    record Run(int code, List<String> err, String out) {
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    Run run(Path attempts, Path sus, Path weights) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeTool.run(attempts, sus, weights, 1L, dir.resolve("out.json"), dir.resolve("report"), 100,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8).lines().toList(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyBadRowIsReportedWithFileAndLineAndNothingIsWritten() throws IOException {
        Path a = write("attempts.csv", """
                participant,candidate,task,success,time_s,errors,rating,rating_scale,optimal_time_s,critical_errors
                P1,A,T1,yes,30,0,6,,20,
                P1,A,T2,maybe,abc,1,8,,,
                P2,A,T1,1,0,-1,,,25,

                P1,A,T1,0,,2,3,,,3
                P3,A,T1,true,12.5,1,5,9,,
                P4,,T1,no,,x,,,,
                P5,A,T3,yes,,0,6,5,,
                P6,A,T3,yes,"4
                5",0,,,,
                P7,A,T1,yes,NaN,0,,,,
                P8,A,T1,yes,10
                """);
        Path s = write("sus.csv", """
                participant,candidate,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10
                P1,A,5,1,5,1,5,1,5,1,5,1
                P1,A,5,1,5,1,5,1,5,1,5,1
                P2,A,6,1,5,1,5,1,5,1,5,
                """);
        Path w = write("weights.csv", "task,weight\nT1,2\nT1,3\nT2,-1\n");
        Run r = run(a, s, w);
        assertThat(r.code()).isEqualTo(1);
        String f = a.toString();
        String sf = s.toString();
        String wf = w.toString();
        assertThat(r.err()).containsExactly(
                f + ":3: error: success must be 1/0, true/false or yes/no, got 'maybe'",
                f + ":3: error: time_s is not a number: 'abc'",
                f + ":3: error: rating 8 is out of range 1-7",
                f + ":4: error: time_s must be a number of seconds > 0, got '0'",
                f + ":4: error: errors must be a whole number >= 0, got '-1'",
                f + ":4: error: optimal_time_s 25 differs from 20 on line 2 for candidate 'A', task 'T1'",
                f + ":6: error: critical_errors 3 exceeds errors 2",
                f + ":6: error: duplicate attempt: participant 'P1', candidate 'A', task 'T1' already on line 2",
                f + ":7: error: rating_scale must be 5 or 7, got '9'",
                f + ":8: error: candidate is empty",
                f + ":8: error: errors must be a whole number >= 0, got 'x'",
                f + ":9: error: time_s is empty; a successful attempt needs a time",
                f + ":9: error: rating 6 is out of range 1-5",
                f + ":10: error: time_s is not a number: '4\\n5'",
                f + ":12: error: time_s is not a number: 'NaN'",
                f + ":13: error: expected 10 fields, found 5",
                sf + ":3: error: duplicate SUS: participant 'P1', candidate 'A' already on line 2",
                sf + ":4: error: q1 must be a whole number 1-5, got '6'",
                sf + ":4: error: q10 must be a whole number 1-5, got ''",
                wf + ":3: error: duplicate weight for task 'T1' (first on line 2)",
                wf + ":4: error: weight must be a number >= 0, got '-1'",
                "21 errors; nothing written");
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(dir.resolve("report")).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingColumnsAreAllReportedOnTheHeaderLine() throws IOException {
        Path a = write("a.csv", "Participant,task,success,time_s\nP1,T1,1,3\n");
        Run r = run(a, null, null);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).containsExactly(a + ":1: error: missing column 'candidate'",
                a + ":1: error: missing column 'errors'", "2 errors; nothing written");
    }

    @Test
    void crossFileErrors() throws IOException {
        Path a = write("a.csv", "participant,candidate,task,success,time_s,errors\nP1,A,T1,1,10,0\nP1,A,T2,1,10,0\n");
        Path s = write("s.csv", "participant,candidate,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\nP1,Z,3,3,3,3,3,3,3,3,3,3\n");
        Path w = write("w.csv", "task,weight\nT1,1\nT9,2\n");
        Run r = run(a, s, w);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).containsExactly(w + ":3: error: task 'T9' has no attempts",
                w + ":1: error: no weight for task 'T2'", s + ":2: error: candidate 'Z' has no attempts",
                "3 errors; nothing written");
    }

    @Test
    void weightsFromCriticalityTimesFrequencyAndAllZeroWeights() throws IOException {
        Path a = write("a.csv", "participant,candidate,task,success,time_s,errors\nP1,A,T1,1,10,0\n");
        Path w = write("w.csv", "task,criticality,frequency\nT1,0,3\n");
        Run r = run(a, null, w);
        assertThat(r.err()).containsExactly(w + ":1: error: every weight is zero", "1 error; nothing written");
        Path w2 = write("w2.csv", "task,criticality\nT1,3\n");
        assertThat(run(a, null, w2).err()).containsExactly(
                w2 + ":1: error: missing column 'weight' (or 'criticality' and 'frequency')", "1 error; nothing written");
    }

    @Test
    void unreadableEmptyAndHeaderOnlyFiles() throws IOException {
        Path none = dir.resolve("none.csv");
        assertThat(run(none, null, null).err()).containsExactly(none + ": error: no such file",
                "1 error; nothing written");
        Path empty = write("empty.csv", "");
        assertThat(run(empty, null, null).err()).containsExactly(empty + ":1: error: empty file: no header row",
                "1 error; nothing written");
        Path header = write("header.csv", "participant,candidate,task,success,time_s,errors\n");
        assertThat(run(header, null, null).err()).containsExactly(header + ":1: error: no attempts (header only)",
                "1 error; nothing written");
        Files.write(dir.resolve("latin1.csv"), new byte[] {'a', ',', (byte) 0xE9, '\n'});
        assertThat(run(dir.resolve("latin1.csv"), null, null).err().get(0)).endsWith("latin1.csv: error: not UTF-8 text");
    }

    @Test
    void acceptedSpellingsBomCrLfQuotesAndExtraColumns() throws IOException {
        Path a = write("a.csv", "\uFEFFnotes,PARTICIPANT,candidate,task,success,time_s,errors,rating,rating_scale\r\n"
                + "\"hello, world\",P1,A,T1,TRUE,10.5,0,4,5\r\n"
                + "x,P2,A,T1,No,,1,,\r\n"
                + "x,P3,A,T1,y,1e1,0,5,\r\n");
        Run r = run(a, null, null);
        assertThat(r.code()).as(String.join("\n", r.err())).isZero();
        var parsed = StudyCsv.readAttempts(a, "a.csv");
        assertThat(parsed.rows()).extracting(AttemptRow::success).containsExactly(true, false, true);
        assertThat(parsed.rows()).extracting(AttemptRow::timeS).containsExactly(10.5, null, 10.0);
        assertThat(parsed.rows()).extracting(AttemptRow::ratingScale).containsExactly(5, 5, 5);
        assertThat(parsed.lines()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void unclosedQuoteIsLocatedAtTheRecordWhereItStarts() throws IOException {
        Path a = write("a.csv", "participant,candidate,task,success,time_s,errors\n\nP1,A,T1,1,10,0\n"
                + "P2,A,T1,1,\"10,0\nP3,A,T1,1,10,0\n");
        assertThat(run(a, null, null).err()).containsExactly(
                a + ":4: error: malformed CSV: EOF reached before encapsulated token finished",
                "1 error; nothing written");
    }

    @Test
    void usageErrors() {
        Run r = run(null, null, null);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().get(0)).startsWith("usage: analyze --attempts ATTEMPTS.csv");
    }
}
