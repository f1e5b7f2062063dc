package bedside.reports.analysis;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes attempt and SUS rows as the ATTEMPTS.csv and SUS.csv that {@link StudyCsv} reads back to the same rows:
 * a stored study exported, so that {@code bedside analyze} reproduces its scores anywhere.
 */
public final class StudyCsvExport {
    private StudyCsvExport() {
    }

    /** The columns {@link #writeAttempts} writes, in order: what {@link StudyCsv#readAttempts} reads back to the same rows. */
    public static final List<String> EXPORT_COLUMNS = List.of("participant", "candidate", "task", "outcome", "success",
            "time_s", "errors", "critical_errors", "rating", "rating_scale", "steps", "optimal_steps", "optimal_time_s",
            "time_spec_s", "error_opportunities");

    /**
     * Writes attempt rows as ATTEMPTS.csv, attempts not scored included with their outcome (and nothing else), so
     * that {@code bedside analyze} on the file gives the analysis the rows give.
     */
    public static void writeAttempts(List<AttemptRow> rows, Appendable out) throws IOException {
        writeAttempts(rows, out, false);
    }

    /**
     * As {@link #writeAttempts(List, Appendable)}; simulated attempts (the demo's panel) get a {@code simulated} column
     * holding 1 on every row, so the flag travels with the file into {@code bedside analyze}.
     */
    public static void writeAttempts(List<AttemptRow> rows, Appendable out, boolean simulated) throws IOException {
        List<String> header = new ArrayList<>(EXPORT_COLUMNS);
        if (simulated) {
            header.add("simulated");
        }
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (AttemptRow r : rows) {
                List<Object> values = new ArrayList<>();
                if (!r.scored()) {
                    values.addAll(List.of(r.participant(), r.candidate(), r.task(), r.excluded().code()));
                    while (values.size() < EXPORT_COLUMNS.size()) {
                        values.add("");
                    }
                } else {
                    String outcome = r.success() ? "success"
                            : r.criticalErrors() != null && r.criticalErrors() > 0 ? "critical-use-error" : "failure";
                    values.addAll(List.of(r.participant(), r.candidate(), r.task(), outcome, r.success() ? 1 : 0,
                            str(r.timeS()), r.errors(), str(r.criticalErrors()), str(r.rating()), r.ratingScale(),
                            str(r.steps()), str(r.optimalSteps()), str(r.optimalTimeS()), str(r.timeSpecS()),
                            str(r.errorOpportunities())));
                }
                if (simulated) {
                    values.add(1);
                }
                p.printRecord(values);
            }
        }
    }

    /** Writes task weights as WEIGHTS.csv (task, weight), which {@link StudyCsv#readWeights} reads back. */
    public static void writeWeights(List<TaskWeight> weights, Appendable out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("task", "weight").get())) {
            for (TaskWeight w : weights) {
                p.printRecord(w.task(), BigDecimal.valueOf(w.weight()).stripTrailingZeros().toPlainString());
            }
        }
    }

    /** Writes n/a marks as NOT_APPLICABLE.csv (candidate, task, reason). */
    public static void writeNotApplicable(List<NotApplicableRow> rows, Appendable out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("candidate", "task", "reason").get())) {
            for (NotApplicableRow r : rows) {
                p.printRecord(r.candidate(), r.task(), r.reason());
            }
        }
    }

    /** Writes SUS rows as SUS.csv (participant, candidate, q1..q10). */
    public static void writeSus(List<SusRow> rows, Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("participant", "candidate"));
        for (int i = 1; i <= 10; i++) {
            header.add("q" + i);
        }
        try (CSVPrinter p = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (SusRow r : rows) {
                List<Object> values = new ArrayList<>(List.of(r.participant(), r.candidate()));
                for (int v : r.responseArray()) {
                    values.add(v);
                }
                p.printRecord(values);
            }
        }
    }

    private static String str(Object v) {
        return v == null ? "" : v instanceof Double d ? Double.toString(d) : v.toString();
    }
}
