package bedside.reports.documents;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.pages.ClickCloud;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A vendor's click maps are drawn on the screen itself, and the expert path's clicks ringed on them, only in the
 * participants' own window size: in another, the screen is laid out otherwise.
 */
class ClickMapBackgroundTest {
    static final String PICTURE = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";
    static final String OTHER = "data:image/jpeg;base64,/9j/4BBQSkZJRg==";

    static VendorReport.TaskEvidence evidence(List<VendorReport.ScreenView> views) {
        return evidence(views, List.of());
    }

    static VendorReport.TaskEvidence evidence(List<VendorReport.ScreenView> views, List<VendorReport.Press> expert) {
        List<VendorReport.Press> presses = List.of(
                new VendorReport.Press("/results/inbox.do", 100, 200, 853, 900, false, "link Byrne"),
                new VendorReport.Press("/results/inbox.do", 110, 205, 853, 900, true, null),
                new VendorReport.Press("/main.do", 40, 60, 853, 900, false, "link Results"));
        return new VendorReport.TaskEvidence("review-results", 2, 2, 0, 0, 1, 0.0, new VendorReport.Paths(
                List.of("/main.do", "/results/inbox.do"), List.of(List.of("/main.do", "/results/inbox.do")), presses,
                expert, views));
    }

    @Test
    void eachScreenIsDrawnOnItsOwnPictureInTheSameViewport() {
        List<ClickCloud> clouds = VendorReport.clickClouds(evidence(List.of(
                new VendorReport.ScreenView("/results/inbox.do", 853, 900, PICTURE),
                new VendorReport.ScreenView("/main.do", 1280, 800, OTHER))));
        assertThat(clouds).extracting(ClickCloud::screen).containsExactly("/results/inbox.do", "/main.do");
        assertThat(clouds.get(0).background()).isEqualTo(PICTURE);
        assertThat(clouds.get(0).caption()).endsWith(", drawn on the screen as first shown");
        // /main.do was pictured only in another viewport, where it is laid out otherwise: no picture
        assertThat(clouds.get(1).background()).isNull();
    }

    @Test
    void aDialogOnTheScreenIsNotTheScreen() {
        List<ClickCloud> clouds = VendorReport.clickClouds(evidence(List.of(
                new VendorReport.ScreenView("/results/inbox.do ▸ Acknowledge result", 853, 900, PICTURE))));
        assertThat(clouds).allSatisfy(c -> assertThat(c.background()).isNull());
    }

    @Test
    void theExpertsClicksAreRingedOnlyInTheParticipantsWindowSize() {
        List<ClickCloud> clouds = VendorReport.clickClouds(evidence(List.of(), List.of(
                new VendorReport.Press("/results/inbox.do", 1200, 200, 1280, 900, false, "link Byrne"),
                new VendorReport.Press("/main.do", 40, 60, 853, 900, false, "link Results"))));
        assertThat(clouds.get(0).rings()).isEmpty();
        assertThat(clouds.get(0).legend()).extracting(ClickCloud.Key::kind).containsExactly("click", "misclick");
        assertThat(clouds.get(0).caption()).endsWith(
                "; the expert path is not ringed: it ran in a 1280 × 900 window");
        assertThat(clouds.get(1).rings()).hasSize(1);
        assertThat(clouds.get(1).legend()).extracting(ClickCloud.Key::kind).containsExactly("click", "misclick", "expert");
        assertThat(clouds.get(1).caption()).doesNotContain("not ringed");
    }
}
