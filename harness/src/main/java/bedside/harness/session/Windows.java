package bedside.harness.session;

import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * Where the two windows of a session go on the participant's screen: the candidate on the left two thirds, the task
 * panel on the right third, so a new candidate window (one per task: each task starts from a fresh browser) never
 * hides the panel's Start button.
 */
final class Windows {
    /** The candidate's share of the screen's width. */
    static final double CANDIDATE_SHARE = 2.0 / 3;

    private Windows() {}

    static void candidate(WebDriver driver) {
        place(driver, false);
    }

    static void panel(WebDriver driver) {
        place(driver, true);
    }

    private static void place(WebDriver driver, boolean right) {
        try {
            Object size = ((JavascriptExecutor) driver).executeScript(
                    "return [screen.availLeft || 0, screen.availTop || 0, screen.availWidth, screen.availHeight];");
            if (!(size instanceof List<?> s) || s.size() != 4) {
                return;
            }
            int left = ((Number) s.get(0)).intValue();
            int top = ((Number) s.get(1)).intValue();
            int width = ((Number) s.get(2)).intValue();
            int height = ((Number) s.get(3)).intValue();
            int split = (int) Math.round(width * CANDIDATE_SHARE);
            driver.manage().window().setPosition(new Point(right ? left + split : left, top));
            driver.manage().window().setSize(new Dimension(right ? width - split : split, height));
        } catch (WebDriverException | ClassCastException e) {
            // A window manager that refuses: the windows stay where they opened; the participant can move them.
        }
    }
}
