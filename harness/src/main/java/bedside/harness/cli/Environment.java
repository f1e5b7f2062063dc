package bedside.harness.cli;

import bedside.harness.browser.BrowserSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Facts about this machine that a report should carry, so results can be reproduced. */
final class Environment {
    private Environment() {}

    static String chromiumVersion() {
        try {
            Process p = new ProcessBuilder(BrowserSettings.local().chromium().toString(), "--version")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return text.replaceFirst("^Chromium\\s+", "");
        } catch (IOException e) {
            return "(version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(version unknown)";
        }
    }
}
