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
     * @param status e.g. " — data collection open", written after the study's code
     */
    public record Study(String code, String title, String status, List<Candidate> candidates) {
    }

    /** One candidate's page in a study. */
    public record CandidatePage(String studyCode, String studyTitle, Candidate candidate) {
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
