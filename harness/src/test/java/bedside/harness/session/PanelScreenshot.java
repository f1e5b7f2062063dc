package bedside.harness.session;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.run.ShippedSuite;
import bedside.scenarios.Parameters;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes the README's picture of the task panel: the shipped suite's first task as a participant sees it, rendered in
 * Chromium. Run from the harness folder with the test classpath (see BENCHMARKS.md for the classpath command):
 * {@code java -cp ... bedside.harness.session.PanelScreenshot ../docs/session-panel.png}.
 */
public final class PanelScreenshot {
    private PanelScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "../docs/session-panel.png");
        Suite suite = ShippedSuite.read();
        Task task = suite.tasks().get(0);
        String text = Parameters.resolve(task.instruction(), Parameters.effectiveValues(suite, task)).strip();
        try (SessionPanel panel = SessionPanel.start(0)) {
            CompletableFuture.runAsync(() -> panel.awaitStart(new SessionPanel.TaskView(task.id(), task.title(), text, 1,
                    suite.tasks().size(), task.timeLimitSeconds())));
            Browsers.Session browser = Browsers.start(BrowserSettings.local());
            try {
                browser.driver().manage().window().setSize(new Dimension(1000, 560));
                browser.driver().get(panel.url());
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> "task".equals(
                        ((JavascriptExecutor) d).executeScript("return document.getElementById('screen').dataset.screen")));
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.write(out, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                System.out.println("Wrote " + out.toAbsolutePath().normalize());
            } finally {
                browser.close();
                panel.end("screenshot taken");
            }
        }
    }
}
