package bedside.harness.run;

import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * A picture of an attempt's browser window as it is now, for evidence: what the participant saw when the observer
 * marked a use error. JPEG through Chromium's DevTools (about a tenth of a PNG's size, and taken without waiting for
 * the page); a PNG through WebDriver where DevTools is not reachable (a Grid).
 */
public interface Camera {
    Camera NONE = () -> null;

    /** @param format "jpeg" or "png"; @param base64 the image */
    record Picture(String format, String base64) {
    }

    /** The picture, or null when none can be taken (the browser is gone). */
    Picture take();

    static Camera of(WebDriver driver) {
        return () -> {
            try {
                if (driver instanceof HasCdp cdp) {
                    Object data = cdp.executeCdpCommand("Page.captureScreenshot", Map.of("format", "jpeg", "quality", 70))
                            .get("data");
                    if (data instanceof String s) {
                        return new Picture("jpeg", s);
                    }
                }
                return new Picture("png", ((TakesScreenshot) driver).getScreenshotAs(OutputType.BASE64));
            } catch (RuntimeException gone) {
                return null;
            }
        };
    }
}
