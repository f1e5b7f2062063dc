package bedside.results.server;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.Exclusion;
import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.Outcome;
import bedside.results.StudyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The study and candidate pages escape what comes from data (study title, candidate name, task id) and keep the
 * rows NotScoredIT reads; no database needed.
 */
class ReportsPageTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String QUOTES = "\" onmouseover=\"x";
    static final String HOSTILE = SCRIPT + QUOTES;
    static final String TASK = "task-" + HOSTILE;

    static AttemptRecord attempt(String candidate, String participant, Outcome outcome, int clicks) {
        return new AttemptRecord(UUID.randomUUID(), UUID.randomUUID(), candidate, TASK, participant, 1, outcome,
                outcome == Outcome.SUCCESS ? null : "reason " + HOSTILE, null, Instant.parse("2026-11-25T09:00:00Z"),
                20_000 + 1000L * clicks, clicks, 10, 3, 2, 0, 0, 0, 300, 9_000);
    }

    static Scores.Selection selection() {
        List<AttemptRow> rows = new ArrayList<>();
        List<AttemptRecord> counted = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            AttemptRecord a = attempt("alpha", "P" + p, Outcome.SUCCESS, 2 + p);
            counted.add(a);
            rows.add(Scores.row(a, null));
        }
        rows.add(AttemptRow.notScored("P4", "alpha", TASK, Exclusion.SYSTEM_ERROR));
        return new Scores.Selection(rows, counted, List.of(), List.of(), null, 0);
    }

    static void assertEscaped(String html) {
        assertThat(html).doesNotContain(SCRIPT).doesNotContain(QUOTES).doesNotContain("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&#34; onmouseover=&#34;x")
                .doesNotContain("P1", "P2", "P3", "P4");
    }

    @Test
    void theStudyAndCandidatePagesEscapeDataAndKeepTheirRows() {
        StudyRecord study = new StudyRecord("s1", "Study " + HOSTILE, false, null, Instant.parse("2026-11-01T00:00:00Z"));
        CandidateRecord alpha = new CandidateRecord("alpha", "Alpha " + HOSTILE, "Vendor");
        CandidateRecord beta = new CandidateRecord("beta", "Beta Records", "Other");
        Scores.Selection selection = selection();
        var analysis = Scores.analyze("s1", selection);

        String page = Reports.study(study, List.of(alpha, beta), selection, analysis);
        assertEscaped(page);
        String task = "task-&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x";
        assertThat(page).contains("<title>Study s1: Study &lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x</title>")
                .contains("<h2>Alpha &lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x <small>(alpha)</small></h2>")
                .contains("<tr><td>" + task + "</td><td>3</td><td>3</td><td>0</td><td>24.00</td><td>4.00</td><td>10.00</td>"
                        + "<td>9.00</td><td>1 attempt not scored: system error</td></tr>")
                .contains("1 attempt not scored: system error — not counted for or against the candidate.")
                .contains("Study <code>s1</code> — data collection open")
                .contains("<h2>Beta Records <small>(beta)</small></h2>", "No attempts stored yet.");

        String one = Reports.candidate(study, alpha, selection, analysis);
        assertEscaped(one);
        assertThat(one).contains("<tr><td>" + task + "</td><td>3</td><td>3</td>")
                .contains("Candidate <code>alpha</code> in study <code>s1</code>: Study &lt;script&gt;")
                .doesNotContain("Beta");
    }
}
