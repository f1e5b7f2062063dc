package bedside.reports.documents;

import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.Comparison;
import bedside.reports.pages.Pages;
import bedside.reports.stats.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The procurement board's decision page: candidates ranked by the locked plan's composite with their 95 % intervals,
 * and "difference not shown" wherever the data does not separate two of them — never a ranking by point estimates
 * alone; per task, completion and time side by side; the critical use errors with links to their evidence; how the
 * ranking moves with the weights; sample adequacy; the plan's hash and the evidence chain's check. Aggregates only:
 * no participant appears. The page is {@code report/board.jte}.
 *
 * @param analysis        the study's scores as the plan says, or null when nothing is stored yet
 * @param candidates      the study's candidates
 * @param criticalErrors  every critical use error in a counted attempt
 * @param chain           the evidence chain's check, made when the page was
 * @param vendorReports   where each candidate's own report is, relative to this page
 * @param accessibility   per candidate, what the accessibility audit of its scripted paths' screens found
 */
public record BoardReport(Provenance provenance, StudyAnalysis analysis, List<Candidate> candidates,
                          List<CriticalError> criticalErrors, ChainCheck chain, Map<String, String> vendorReports,
                          Map<String, Accessibility> accessibility) {

    /**
     * @param kind  "marked by the observer" or "found by the checks"
     * @param note  the observer's note or the check's reason, or null
     */
    public record CriticalError(String candidate, String task, String kind, String note, String attemptId) {
    }

    /**
     * The study's hash chain as {@code bedside verify} checks it.
     *
     * @param records  attempts, events, answers, markers and replays checked
     * @param problem  what is wrong, or null when intact
     */
    public record ChainCheck(boolean intact, Instant verifiedAt, long records, String problem) {
    }

    /**
     * A candidate's place in the ranking, and what the data says about the one below it.
     *
     * @param rank "1", or "=1" when the data does not separate it from the one it shares the place with
     */
    public record Place(String rank, CandidateAnalysis candidate, String name, String againstNext) {
    }

    /**
     * Candidates by composite, highest first. Two neighbours whose intervals overlap share what the data allows:
     * "difference not shown".
     */
    public List<Place> ranking() {
        if (analysis == null) {
            return List.of();
        }
        List<CandidateAnalysis> sorted = new ArrayList<>(analysis.candidates());
        sorted.removeIf(c -> c.composite().score() == null);
        sorted.sort(Comparator.comparing((CandidateAnalysis c) -> c.composite().score()).reversed());
        List<Place> places = new ArrayList<>();
        // A place is shared down a run of neighbours whose intervals overlap: no order among them is shown.
        int[] place = new int[sorted.size()];
        boolean[] shared = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && overlap(sorted.get(i - 1).composite().ci95(), sorted.get(i).composite().ci95());
            place[i] = tied ? place[i - 1] : i + 1;
            if (tied) {
                shared[i] = true;
                shared[i - 1] = true;
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            CandidateAnalysis c = sorted.get(i);
            String next = null;
            if (i + 1 < sorted.size()) {
                CandidateAnalysis d = sorted.get(i + 1);
                next = overlap(c.composite().ci95(), d.composite().ci95())
                        ? "difference from " + nameOf(d.candidate()) + " not shown: the intervals overlap"
                        : "above " + nameOf(d.candidate()) + ": the intervals do not overlap";
            }
            places.add(new Place((shared[i] ? "=" : "") + place[i], c, nameOf(c.candidate()), next));
        }
        return places;
    }

    /** The accessibility faults of each audited candidate by impact, side by side. */
    public bedside.reports.pages.BarChart accessibilityChart() {
        List<Candidate> audited = candidates.stream()
                .filter(c -> accessibility.getOrDefault(c.code(), Accessibility.NONE).audited()).toList();
        List<bedside.reports.pages.BarChart.Series> series = new ArrayList<>();
        for (String impact : Accessibility.IMPACTS) {
            series.add(new bedside.reports.pages.BarChart.Series(impact, IMPACT_COLOURS.get(impact), audited.stream()
                    .map(c -> (double) accessibility.get(c.code()).byImpact().get(impact)).toList()));
        }
        return bedside.reports.pages.BarChart.of("Accessibility faults by impact", "faults",
                audited.stream().map(Candidate::name).toList(), series);
    }

    private static final Map<String, String> IMPACT_COLOURS = Map.of("critical", "#9b1c1c", "serious", "#d4541c",
            "moderate", "#b7791f", "minor", "#718096");

    /** Whether any two candidates are separated by their composites' intervals. */
    public boolean anySeparated() {
        List<Place> r = ranking();
        for (int i = 0; i < r.size(); i++) {
            for (int j = i + 1; j < r.size(); j++) {
                if (!overlap(r.get(i).candidate().composite().ci95(), r.get(j).candidate().composite().ci95())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The statistics' test names as a reader knows them. */
    static final Map<String, String> TESTS = Map.of("paired_t_log", "paired t-test on log times",
            "welch_t_log", "Welch's t-test on log times", "mcnemar_exact", "exact McNemar test",
            "fisher_exact", "Fisher's exact test", "n_minus_1_chi_squared", "N−1 chi-squared test");

    /** The task's comparisons between candidates, each with its Holm-adjusted p and what it shows. */
    public List<String> comparisonsOf(String task) {
        if (analysis == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Comparison c : analysis.comparisons()) {
            if (!c.task().equals(task)) {
                continue;
            }
            double p = c.pHolm() == null ? Double.NaN : c.pHolm();
            String verdict = p < 0.05 ? "difference shown" : "difference not shown";
            out.add(c.measure() + ", " + nameOf(c.a()) + " vs " + nameOf(c.b()) + ": " + verdict + " ("
                    + TESTS.getOrDefault(c.result().test(), c.result().test()) + ", Holm-adjusted " + (Double.isNaN(p) ? "p: —"
                    : p < 0.001 ? "p < 0.001" : String.format(java.util.Locale.ROOT, "p = %.3f", p)) + ")");
        }
        return out;
    }

    /** Every task scored for any candidate, in the first candidate's order. */
    public List<String> tasks() {
        if (analysis == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> tasks = new java.util.LinkedHashSet<>();
        analysis.candidates().forEach(c -> c.tasks().forEach(t -> tasks.add(t.task())));
        return List.copyOf(tasks);
    }

    /** The plan's weight of a task (null without a plan: equal weights). */
    public Double weightOf(String task) {
        return analysis == null ? null : analysis.bootstrap().weights() == null ? null
                : analysis.bootstrap().weights().stream().filter(w -> w.task().equals(task))
                .map(bedside.reports.analysis.TaskWeight::weight).findFirst().orElse(null);
    }

    public List<CriticalError> criticalErrorsOf(String candidate) {
        return criticalErrors.stream().filter(e -> e.candidate().equals(candidate)).toList();
    }

    public String nameOf(String code) {
        return candidates.stream().filter(c -> c.code().equals(code)).map(Candidate::name).findFirst().orElse(code);
    }

    static boolean overlap(Interval a, Interval b) {
        return a == null || b == null || a.lo() <= b.hi() && b.lo() <= a.hi();
    }

    public String render() {
        return Pages.render("report/board.jte", this);
    }
}
