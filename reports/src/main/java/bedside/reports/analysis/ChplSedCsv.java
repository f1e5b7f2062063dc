package bedside.reports.analysis;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A study analysis as CSV in the shape of the safety-enhanced design (SED) test-task data that ONC's Certified Health
 * IT Product List (CHPL) holds for criterion 170.315(g)(3): one row per candidate × task, under CHPL's own column
 * names. Pure: values in, text out (Apache Commons CSV, RFC 4180, CRLF line ends).
 *
 * <p><b>Where the column names come from.</b> The CHPL listing upload's SED headings, in the public repository of the
 * CHPL API, <a href="https://github.com/chpladmin/chpl-api">github.com/chpladmin/chpl-api</a>, file
 * {@code chpl/chpl-service/src/main/java/gov/healthit/chpl/upload/listing/HeadingPreHti5.java} (enum
 * {@code HeadingPreHti5}, commit 2cb82a2d8015e47bdb222ace4235abca6bd53ec3; the same names in the older
 * {@code Headings.java}): {@code TASK_ID} … {@code TASK_RATING_STDDEV} and {@code PARTICIPANT_ID} …
 * {@code PARTICIPANT_ASSISTIVE_TECH}. Each heading accepts several spellings; the first, which CHPL reports a
 * heading by, is used here, exactly — including the double space in "Task Errors  Mean(%)". (The same repository's
 * {@code HeadingPostHti5} has no SED headings at all.) The order of the two blocks, participants then tasks, is that
 * of a real upload file in the same repository
 * ({@code chpl/chpl-resources/src/test/resources/2015_v12_TPTD2_error_free.csv},
 * which spells the time-deviation columns with the alias "Task Time Deviation - Mean Observed Seconds" / "- Mean
 * Optimal Seconds"; CHPL accepts both). The CHPL web site's "Download Task Details" uses other labels
 * for the same fields (chpladmin/chpl-website, {@code ChplSedDownload}: "Task Time Mean (s)", "Age (Years)", …).
 *
 * <p><b>What each column holds</b> (NISTIR 7742's definitions, which the CHPL fields report):
 * <ul>
 * <li>Task Success – Mean / Standard Deviation (%): 100 × completion rate and 100 × SD of the 0/1 outcomes.</li>
 * <li>Task Path Deviation – Observed / Optimal #: mean observed steps of successful attempts / the expert path's
 *   steps (empty without optimal steps).</li>
 * <li>Task Time – Mean / Standard Deviation (seconds): arithmetic mean and SD of successful attempts' times.</li>
 * <li>Task Time Deviation – Observed / Optimal Seconds: that mean / the optimal (expert or KLM) time (empty without
 *   an optimal time).</li>
 * <li>Task Errors Mean / Standard Deviation (%): errors per attempt over all attempts (the task's total errors
 *   divided by the times it was attempted, NISTIR 7742's data scoring as recalled — verify), with its SD: a mean
 *   count, although CHPL labels the field "%". Bedside has no error opportunities per attempt in every study, so it
 *   does not turn the count into a percentage.</li>
 * <li>Task Rating – Scale Type, Task Rating, Standard Deviation: the scale Bedside asked on, the mean and SD
 *   (empty when nobody rated the task).</li>
 * </ul>
 * A task that does not apply to a candidate has no row for it; a value Bedside could not compute (an SD of one
 * value, a time when nobody succeeded) is left empty, never 0.
 *
 * <p><b>Participant columns are empty.</b> CHPL's participant fields (gender, age range, education, occupation/role,
 * professional, computer and product experience in months, assistive technology needs) describe each participant; a
 * {@link StudyAnalysis} holds no participant's demographics (gender and education Bedside never collects at all), so
 * they are written empty rather than guessed. They stay in the file so that its shape is CHPL's.
 *
 * <p><b>Bedside's own columns</b>, not CHPL headings: {@value #CANDIDATE} first (CHPL identifies the product by its
 * listing, which Bedside does not know), {@value #PARTICIPANTS} last (participants with a scored attempt at the task;
 * CHPL counts its participant rows instead), and {@value #SIMULATED} after it only for a simulated analysis, "yes" on
 * every row, so that simulated data cannot pass as real.
 */
public final class ChplSedCsv {
    /** Bedside's column: the candidate the row is about. */
    public static final String CANDIDATE = "Candidate";
    /** Bedside's column: participants with a scored attempt at the task. */
    public static final String PARTICIPANTS = "Participants";
    /** Bedside's column, only for a simulated analysis. */
    public static final String SIMULATED = "Simulated";

    /** CHPL's SED test-task headings, in CHPL's order (HeadingPreHti5: TASK_ID … TASK_RATING_STDDEV). */
    public static final List<String> TASK_COLUMNS = List.of(
            "Task Identifier",
            "Task Description",
            "Task Success - Mean (%)",
            "Task Success - Standard Deviation (%)",
            "Task Path Deviation - Observed #",
            "Task Path Deviation - Optimal #",
            "Task Time - Mean (seconds)",
            "Task Time - Standard Deviation (seconds)",
            "Task Time Deviation - Observed Seconds",
            "Task Time Deviation - Optimal Seconds",
            "Task Errors  Mean(%)", // sic: CHPL's first spelling has two spaces
            "Task Errors - Standard Deviation (%)",
            "Task Rating - Scale Type",
            "Task Rating",
            "Task Rating - Standard Deviation");

    /** CHPL's SED participant headings, in CHPL's order (HeadingPreHti5: PARTICIPANT_ID … _ASSISTIVE_TECH). */
    public static final List<String> PARTICIPANT_COLUMNS = List.of(
            "Participant Identifier",
            "Participant Gender",
            "Participant Age",
            "Participant Education",
            "Participant Occupation/Role",
            "Participant Professional Experience",
            "Participant Computer Experience",
            "Participant Product Experience",
            "Participant Assistive Technology Needs");

    private ChplSedCsv() {
    }

    /**
     * The header of an analysis's file: Candidate, the participant columns, the task columns (CHPL's upload template
     * has the participant block before the task block), Participants[, Simulated].
     */
    public static List<String> header(StudyAnalysis a) {
        List<String> h = new ArrayList<>();
        h.add(CANDIDATE);
        h.addAll(PARTICIPANT_COLUMNS);
        h.addAll(TASK_COLUMNS);
        h.add(PARTICIPANTS);
        if (a.simulated()) {
            h.add(SIMULATED);
        }
        return List.copyOf(h);
    }

    /**
     * The rows, one per candidate × task in the analysis's order, each value as written ("" when empty).
     *
     * @param taskDescriptions each task's text as the suite states it (CHPL's "Task Description"); a task without one
     *     gets an empty description
     */
    public static List<List<String>> rows(StudyAnalysis a, Map<String, String> taskDescriptions) {
        List<List<String>> out = new ArrayList<>();
        for (CandidateAnalysis c : a.candidates()) {
            for (TaskAnalysis t : c.tasks()) {
                List<String> r = new ArrayList<>();
                r.add(c.candidate());
                // Participant columns: no demographics in an analysis, and none invented (class documentation).
                PARTICIPANT_COLUMNS.forEach(col -> r.add(""));
                r.add(t.task());
                r.add(taskDescriptions.getOrDefault(t.task(), ""));
                r.add(num(times100(t.completion().rate())));
                r.add(num(times100(t.completion().sd())));
                r.add(t.pathDeviation() == null ? "" : num(t.pathDeviation().observedMean()));
                r.add(t.pathDeviation() == null ? "" : num(t.pathDeviation().optimal()));
                r.add(num(t.time().mean()));
                r.add(num(t.time().sd()));
                r.add(t.timeDeviation() == null ? "" : num(t.timeDeviation().observedMean()));
                r.add(t.timeDeviation() == null ? "" : num(t.timeDeviation().optimal()));
                r.add(num(t.errors().mean()));
                r.add(num(t.errors().sd()));
                r.add(t.rating() == null ? "" : scaleType(t.rating().scale()));
                r.add(t.rating() == null ? "" : num(t.rating().estimate().mean()));
                r.add(t.rating() == null ? "" : num(t.rating().estimate().sd()));
                r.add(String.valueOf(t.attempts())); // one scored attempt per participant × candidate × task
                if (a.simulated()) {
                    r.add("yes");
                }
                out.add(List.copyOf(r));
            }
        }
        return List.copyOf(out);
    }

    /** Writes the CSV (header and rows) to {@code out}. */
    public static void write(StudyAnalysis a, Map<String, String> taskDescriptions, Appendable out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header(a).toArray(String[]::new))
                .get())) {
            for (List<String> r : rows(a, taskDescriptions)) {
                p.printRecord(r);
            }
        }
    }

    /** The CSV as a string. */
    public static String toCsv(StudyAnalysis a, Map<String, String> taskDescriptions) {
        StringBuilder sb = new StringBuilder();
        try {
            write(a, taskDescriptions, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /** The rating scale as CHPL's free-text "Task Rating - Scale Type": what Bedside asked (reports/README.md). */
    static String scaleType(int scale) {
        return scale == 7 ? "Single Ease Question (SEQ), 1-7, 7 = very easy"
                : scale == 5 ? "5-point ease rating (NISTIR 7742), 1-5, 5 = very easy" : "1-" + scale;
    }

    private static Double times100(Double v) {
        return v == null ? null : 100 * v;
    }

    /** A number in plain decimal notation, its shortest exact form (parses back to the same double); "" for none. */
    static String num(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
