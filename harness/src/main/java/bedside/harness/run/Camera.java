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

    /**
     * A screen as it was shown, nothing marked on it: the background of the click maps drawn on it.
     *
     * @param width the viewport it shows in CSS pixels, as the clicks on it are given; {@code height} likewise
     */
    record View(Picture picture, int width, int height) {
    }

    /**
     * The part of the page at {@code clip} (CSS pixels of the top document: the frame a replay rebuilds a screen in),
     * or null without DevTools or when it cannot be taken.
     */
    static View view(WebDriver driver, org.openqa.selenium.Rectangle clip) {
        if (!(driver instanceof HasCdp cdp) || clip.getWidth() <= 0 || clip.getHeight() <= 0) {
            return null;
        }
        return jpeg(cdp, Map.of("clip", Map.of("x", clip.getX(), "y", clip.getY(), "width", clip.getWidth(),
                "height", clip.getHeight(), "scale", 1)), clip.getWidth(), clip.getHeight());
    }

    /** The browser's viewport as it is now (a path's own page), or null as {@link #view(WebDriver, org.openqa.selenium.Rectangle)}. */
    static View viewport(WebDriver driver) {
        if (!(driver instanceof HasCdp cdp)) {
            return null;
        }
        try {
            Object size = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return [window.innerWidth, window.innerHeight]");
            if (size instanceof java.util.List<?> wh && wh.size() == 2) {
                return jpeg(cdp, Map.of(), ((Number) wh.get(0)).intValue(), ((Number) wh.get(1)).intValue());
            }
        } catch (RuntimeException gone) {
            // no picture
        }
        return null;
    }

    /** A JPEG through DevTools with {@code options} (a clip), as a view of {@code width} × {@code height}, or null. */
    private static View jpeg(HasCdp cdp, Map<String, Object> options, int width, int height) {
        Map<String, Object> params = new java.util.HashMap<>(options);
        params.put("format", "jpeg");
        params.put("quality", 60);
        try {
            Object data = cdp.executeCdpCommand("Page.captureScreenshot", params).get("data");
            return data instanceof String s ? new View(new Picture("jpeg", s), width, height) : null;
        } catch (RuntimeException gone) {
            return null;
        }
    }

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
