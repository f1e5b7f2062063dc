package bedside.reports.documents;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.pages.Fmt;
import bedside.reports.stats.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sentences of a vendor report's executive summary and of its "what the data does not show" section, made from
 * the figures by fixed rules so that two reports say the same about the same figures. Each finding names its figures
 * and the yardstick it is read against:
 * <ul>
 *   <li>completion below 78 %, the mean task completion rate over about 1,200 published usability tasks (Sauro &amp;
 *       Lewis, <i>Quantifying the User Experience</i>, 2nd ed., 2016, ch. 4);</li>
 *   <li>a mean SEQ below 5.5 on its 7-point scale, the average over about 400 tasks (Sauro &amp; Lewis 2016, ch. 8);</li>
 *   <li>a SUS mean below 68, the average over about 500 studies (Sauro &amp; Lewis 2016, ch. 8; Bangor, Kortum &amp;
 *       Miller 2008);</li>
 *   <li>time and path deviation above 1.5: half as much time, or as many actions, again as the expert path took
 *       (NISTIR 7742's deviation ratios);</li>
 *   <li>every critical use error, whatever the count (NISTIR 7804: a use error that could harm a patient).</li>
 * </ul>
 * Pure: figures in, sentences out.
 */
public final class Findings {
    static final double AVERAGE_COMPLETION = 0.78;
    static final double AVERAGE_SEQ = 5.5;
    static final double AVERAGE_SUS = 68;
    static final double DEVIATION = 1.5;

    private Findings() {
    }

    /** The main findings, the most serious first; one sentence saying none fell short when none did. */
    public static List<String> of(CandidateAnalysis a, List<VendorReport.UseError> useErrors) {
        List<String> out = new ArrayList<>();
        for (TaskAnalysis t : a.tasks()) {
            long critical = useErrors.stream().filter(e -> e.task().equals(t.task()) && e.critical()).count();
            if (critical > 0) {
                out.add(critical + " critical use error" + (critical == 1 ? "" : "s") + " at " + t.task()
                        + ": an error that could harm a patient (see Use errors).");
            }
        }
        a.tasks().stream().filter(t -> t.completion().rate() != null && t.completion().rate() < AVERAGE_COMPLETION)
                .sorted(Comparator.comparingDouble(t -> t.completion().rate()))
                .forEach(t -> out.add(t.completion().successes() + " of " + t.completion().n() + " participants completed "
                        + t.task() + " (" + pct(t.completion().rate()) + ", 95 % interval " + range(t.completion().ci95(), 100, 0)
                        + " %), below the 78 % average of published usability tests."));
        for (TaskAnalysis t : a.tasks()) {
            if (t.timeDeviation() != null && t.timeDeviation().ratio() != null && t.timeDeviation().ratio() > DEVIATION) {
                out.add("At " + t.task() + " successful participants took " + Fmt.f(t.timeDeviation().ratio(), 1)
                        + " times the optimal time (mean " + Fmt.f(t.timeDeviation().observedMean(), 1) + " s against the expert "
                        + "path's predicted " + Fmt.f(t.timeDeviation().optimal(), 1) + " s).");
            }
            if (t.pathDeviation() != null && t.pathDeviation().ratio() != null && t.pathDeviation().ratio() > DEVIATION) {
                out.add("At " + t.task() + " successful participants needed " + Fmt.f(t.pathDeviation().ratio(), 1)
                        + " times the expert path's actions (" + Fmt.f(t.pathDeviation().observedMean(), 1) + " against "
                        + Fmt.f(t.pathDeviation().optimal(), 0) + ").");
            }
            if (t.rating() != null && t.rating().scale() == 7 && t.rating().estimate().mean() != null
                    && t.rating().estimate().mean() < AVERAGE_SEQ) {
                out.add(t.task() + " was rated " + Fmt.f(t.rating().estimate().mean(), 1) + " of 7 for ease (SEQ, n = "
                        + t.rating().estimate().n() + "), below the average of about 5.5.");
            }
        }
        if (a.sus() != null && a.sus().mean() != null) {
            boolean below = a.sus().mean() < AVERAGE_SUS;
            out.add("The SUS score is " + Fmt.f(a.sus().mean(), 1) + " (95 % interval " + range(a.sus().ci95(), 1, 1)
                    + ", n = " + a.sus().n() + "; grade " + a.sus().grade() + "), " + (below ? "below" : "at or above")
                    + " the average of 68" + (a.sus().ci95() != null && a.sus().ci95().lo() <= AVERAGE_SUS
                    && a.sus().ci95().hi() >= AVERAGE_SUS ? ", though its interval includes 68." : "."));
        }
        if (out.isEmpty() || out.size() == 1 && out.get(0).startsWith("The SUS score")) {
            out.add(0, "No task fell short of the published averages for completion, ease or time, and no critical use "
                    + "error was recorded.");
        }
        return out;
    }

    /** What the report's data cannot tell a reader. */
    public static List<String> limits(VendorReport r) {
        List<String> out = new ArrayList<>();
        if (r.provenance().simulated()) {
            out.add("Anything about this candidate's usability: every participant in this study is simulated (a model "
                    + "walking the expert path with drawn times and slips), so the figures show what Bedside computes, "
                    + "nothing about the system.");
        }
        if (r.provenance().planHash() == null) {
            out.add("How clinicians do: the study has no locked plan, so the figures are Bedside's scripted expert paths "
                    + "at machine speed, with no participant.");
        }
        CandidateAnalysis a = r.analysis();
        if (a != null) {
            String statement = a.adequacy().statement();
            out.add("Precision beyond its sample: " + statement + (statement.endsWith(".") ? "" : ".")
                    + " Every figure is given with n and a "
                    + "95 % interval; a difference inside an interval is not shown by the data.");
            for (TaskAnalysis t : a.tasks()) {
                ProportionLimit.of(t).ifPresent(out::add);
            }
            if (!a.notScored().isEmpty()) {
                out.add("What happened in attempts that were not scored: " + a.notScoredSummary() + ". A system or script "
                        + "error is neither for nor against the candidate and is left out of every figure.");
            }
            if (!a.notApplicable().isEmpty()) {
                out.add("Usability of functions the candidate does not have: " + a.notApplicable().size()
                        + " task(s) do not apply to it and are left out of its composite (the other weights renormalised).");
            }
        }
        out.add("Usability of anything outside the " + r.tasks().size() + " task(s) tested, or with other users, "
                + "settings or data: the tasks are the study's sample of clinical work, not all of it.");
        out.add("Learning over time: each participant took each task once, as a first use of the candidate.");
        out.add("Why a participant struggled: the measures say where and how long; the observer's notes and the "
                + "participants' comments (Use errors) are the only account of why.");
        out.add("How this candidate compares with others: this report is about one candidate; only the board's page "
                + "compares, with the intervals that say where a difference is shown.");
        return out;
    }

    /** The lower bound of a task every participant completed: a clean sheet is not proof the task cannot fail. */
    private record ProportionLimit() {
        static java.util.Optional<String> of(TaskAnalysis t) {
            var c = t.completion();
            if (c.rate() == null || c.successes() != c.n() || c.ci95() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("That " + t.task() + " never fails: all " + c.n() + " participants completed "
                    + "it, yet with " + c.n() + " the completion rate could be as low as " + Fmt.f(100 * c.ci95().lo(), 0)
                    + " % (the 95 % interval's lower bound).");
        }
    }

    static String pct(Double rate) {
        return rate == null ? Fmt.NONE : Fmt.f(100 * rate, 0) + " %";
    }

    static String range(Interval i, double scale, int digits) {
        return i == null ? Fmt.NONE : Fmt.f(scale * i.lo(), digits) + "–" + Fmt.f(scale * i.hi(), digits);
    }
}
