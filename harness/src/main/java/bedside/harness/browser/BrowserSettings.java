package bedside.harness.browser;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the browser comes from. Bedside never lets Selenium Manager download a driver or a browser: it
 * uses the system's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}), or
 * a Selenium Grid named by URL.
 *
 * @param grid null for a local browser
 */
public record BrowserSettings(Path chromium, Path chromedriver, boolean headless, URL grid) {

    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    public static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The system browser, overridable by {@code BEDSIDE_CHROMIUM} and {@code BEDSIDE_CHROMEDRIVER}. */
    public static BrowserSettings local() {
        return new BrowserSettings(
                Path.of(envOr("BEDSIDE_CHROMIUM", DEBIAN_CHROMIUM.toString())),
                Path.of(envOr("BEDSIDE_CHROMEDRIVER", DEBIAN_CHROMEDRIVER.toString())),
                !"false".equals(System.getenv("BEDSIDE_HEADLESS")),
                null);
    }

    /** The same browser without a window: for work nobody watches (an audit), even in a headed session. */
    public BrowserSettings windowless() {
        return new BrowserSettings(chromium, chromedriver, true, grid);
    }

    public BrowserSettings onGrid(URL gridUrl) {
        return new BrowserSettings(chromium, chromedriver, headless, gridUrl);
    }

    /** Null when usable; otherwise what is missing and the command that installs it. */
    public String problem() {
        if (grid != null) {
            return null;
        }
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            return "Chromium or chromedriver is missing (looked for " + chromium + " and " + chromedriver + ").\n"
                    + "Install them with:  sudo apt-get install -y chromium chromium-driver";
        }
        return null;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
