package bedside.reports.run;

import bedside.reports.pages.BarChart;
import bedside.reports.pages.Pages;
import java.util.List;

/**
 * The run report as its template {@code run/report.jte} shows it: {@link RunReport}'s rows summed and grouped, with
 * the charts laid out. Values from data are kept as they are; the template escapes them.
 *
 * @param candidates one summary line per candidate, in the run's order
 * @param tasks      one section per task with attempts, in the suite's order
 */
public record RunPage(RunReport.Run run, List<CandidateLine> candidates, List<TaskSection> tasks,
                      List<Accessibility> accessibility, List<Pages.Link> related) {

    public RunPage(RunReport.Run run, List<CandidateLine> candidates, List<TaskSection> tasks) {
        this(run, candidates, tasks, List.of(), List.of());
    }

    RunPage withAudit(List<Accessibility> audit) {
        return new RunPage(run, candidates, tasks, audit, related);
    }

    /** @param pages the pages written beside the report (the study's, after a demo's panel), linked from its top */
    RunPage withRelated(List<Pages.Link> pages) {
        return new RunPage(run, candidates, tasks, accessibility, List.copyOf(pages));
    }

    /**
     * One candidate's accessibility audit.
     *
     * @param screens  the distinct screens audited
     * @param clean    of which with no fault
     * @param byImpact the faults per impact, gravest first (impacts with none left out)
     */
    public record Accessibility(String candidate, long screens, long clean, java.util.Map<String, Long> byImpact,
                                List<RunReport.Fault> faults, List<Picture> pictures) {
        /** The anchor of {@code screen}'s picture in the page, or null when it has none. */
        public String pictureOf(String screen) {
            for (int i = 0; i < pictures.size(); i++) {
                if (pictures.get(i).screen().equals(screen)) {
                    return "a11y-" + Integer.toHexString(candidate.hashCode()) + "-" + (i + 1);
                }
            }
            return null;
        }
    }

    /**
     * A screen with a fault as the audit found it: its failing elements outlined.
     *
     * @param reached which task and step reached it
     * @param picture a {@code data:} address
     */
    public record Picture(String screen, String reached, String picture) {
    }

    /**
     * One candidate's scored attempts summed; attempts with a system or script error are never summed, only counted
     * in {@code notScored} ("0" when there are none).
     */
    public record CandidateLine(String name, String vendor, int scored, long successes, int clicks, int keystrokes,
                                long klmMs, String notScored, int notApplicable) {
    }

    /**
     * A task the run did not attempt on a candidate because it does not apply to it.
     *
     * @param candidate the candidate's display name (its id when it has none)
     */
    public record NotApplicable(String candidate, String reason) {
    }

    /** @param candidate the candidate's display name (its id when it has none) */
    public record Attempt(String candidate, RunReport.Row row) {
        public boolean hasReason() {
            return row.reason() != null && !row.reason().isBlank();
        }
    }

    /**
     * One click map.
     *
     * @param candidate the candidate's display name (its id when it has none)
     * @param shownWidth the width it is shown at (at most 600 px); {@code shownHeight} to scale
     */
    public record Map(String candidate, RunReport.ClickMap map, int shownWidth, long shownHeight) {
        public static String dotTitle(RunReport.Dot d) {
            return "click " + d.n() + (d.target() == null ? "" : ": " + d.target());
        }
    }

    public record TaskSection(RunReport.Task task, List<Attempt> attempts, List<NotApplicable> notApplicable,
                              List<BarChart> charts, List<Map> clickMaps) {
    }
}
