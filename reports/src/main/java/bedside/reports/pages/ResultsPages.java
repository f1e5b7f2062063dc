package bedside.reports.pages;

import java.util.List;

/**
 * The results server's report pages, {@code results/study.jte} and {@code results/candidate.jte}: per candidate and
 * task, the counts of /scores. The server computes the lines (it holds the stored attempts); the page layer lays
 * them out and escapes them. Aggregates only: no participant appears on a page.
 */
public final class ResultsPages {
    private ResultsPages() {
    }

    /**
     * A study's comparison page.
     *
     * @param status    e.g. " — data collection open", written after the study's code
     * @param plan      what the figures follow, e.g. "plan sha256:… locked 2026-12-06T…", or that there is no locked plan
     * @param simulated whether the data comes from a simulated panel: the page then carries the banner saying so
     */
    public record Study(String code, String title, String status, String plan, boolean simulated,
                        List<Candidate> candidates) {
        public Study(String code, String title, String status, List<Candidate> candidates) {
            this(code, title, status, null, false, candidates);
        }
    }

    /** One candidate's page in a study (plan and simulated as for {@link Study}). */
    public record CandidatePage(String studyCode, String studyTitle, String plan, boolean simulated,
                                Candidate candidate) {
        public CandidatePage(String studyCode, String studyTitle, Candidate candidate) {
            this(studyCode, studyTitle, null, false, candidate);
        }
    }

    /**
     * One candidate's table.
     *
     * @param notScored what was not scored, e.g. "2 attempts not scored: system error" ("" when everything was)
     * @param tasks     one line per task, or null when no attempt of the candidate is stored yet
     */
    public record Candidate(String code, String name, String notScored, List<TaskLine> tasks) {
    }

    /**
     * One task of one candidate: the scored attempts, successes, critical use errors and median time of successful
     * attempts (as in /scores), the means of the counted attempts' machine measures, and what was not scored.
     * Values that cannot be computed are "—".
     */
    public record TaskLine(String task, int scored, String successes, String criticalUseErrors, String medianTime,
                           String meanClicks, String meanKeystrokes, String meanKlm, String notScored) {
    }

    public static String study(Study page) {
        return Pages.render("results/study.jte", page);
    }

    public static String candidate(CandidatePage page) {
        return Pages.render("results/candidate.jte", page);
    }
}
