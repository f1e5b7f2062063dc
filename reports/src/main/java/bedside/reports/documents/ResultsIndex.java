package bedside.reports.documents;

import bedside.reports.pages.Pages;
import java.time.Instant;
import java.util.List;

/**
 * A study's results page for evaluators: every report and export, each with the date of the latest data it shows
 * and the plan it is scored as. The page is {@code report/results.jte}.
 *
 * @param planHash the locked plan's hash, or null
 * @param closedAt when the study was closed (its evidence frozen), or null while data collection is open
 */
public record ResultsIndex(String study, String title, String planHash, Instant planLockedAt, boolean simulated,
                           Instant closedAt, List<Entry> reports, List<Entry> exports, Instant generatedAt) {

    /**
     * @param href   relative to the study's address
     * @param reader who it is for
     * @param dataAsOf when the latest attempt it shows started, or null when none is stored
     */
    public record Entry(String name, String href, String reader, Instant dataAsOf) {
    }

    public String render() {
        return Pages.render("report/results.jte", this);
    }
}
