package bedside.reports.documents;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.pages.Fmt;
import java.util.Comparator;
import java.util.Objects;

/**
 * The headline figures of a vendor report's executive summary, each a short line with its n: completion over every
 * scored attempt (and the task with the lowest rate), the range of the tasks' geometric-mean times, errors and
 * critical use errors, and the SUS with its grade.
 */
public record Summary(String completion, String time, String errors, String sus) {

    public static Summary of(CandidateAnalysis a) {
        int successes = a.tasks().stream().mapToInt(t -> t.completion().successes()).sum();
        int attempts = a.tasks().stream().mapToInt(t -> t.completion().n()).sum();
        String completion = attempts == 0 ? Fmt.NONE : successes + " of " + attempts + " attempts succeeded ("
                + Fmt.f(100.0 * successes / attempts, 0) + " %)" + a.tasks().stream()
                .filter(t -> t.completion().rate() != null).min(Comparator.comparingDouble(t -> t.completion().rate()))
                .filter(t -> t.completion().rate() < 1)
                .map(t -> "; lowest: " + t.task() + " " + Findings.pct(t.completion().rate())).orElse("");
        TaskAnalysis fastest = a.tasks().stream().filter(t -> t.time().geomean() != null)
                .min(Comparator.comparingDouble(t -> t.time().geomean())).orElse(null);
        TaskAnalysis slowest = a.tasks().stream().filter(t -> t.time().geomean() != null)
                .max(Comparator.comparingDouble(t -> t.time().geomean())).orElse(null);
        String time = fastest == null ? Fmt.NONE : fastest == slowest
                ? Fmt.f(fastest.time().geomean(), 1) + " s (geometric mean of successful attempts, " + fastest.task() + ")"
                : "geometric means of successful attempts from " + Fmt.f(fastest.time().geomean(), 1) + " s ("
                + fastest.task() + ") to " + Fmt.f(slowest.time().geomean(), 1) + " s (" + slowest.task() + ")";
        double errors = a.tasks().stream().filter(t -> t.errors().mean() != null)
                .mapToDouble(t -> t.errors().mean() * t.errors().n()).sum();
        int critical = a.tasks().stream().map(t -> t.criticalErrors().total()).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sum();
        String errorLine = Fmt.f(errors, 0) + " error(s) over " + attempts + " attempts; " + critical
                + " critical use error(s)";
        String sus = a.sus() == null || a.sus().mean() == null ? "not answered"
                : Fmt.f(a.sus().mean(), 1) + " (95 % interval " + Fmt.ci(a.sus().ci95(), 1, 1) + ", n = " + a.sus().n()
                + "): grade " + a.sus().grade() + ", about the " + Fmt.ordinal(a.sus().percentile()) + " percentile";
        return new Summary(completion, time, errorLine, sus);
    }
}
