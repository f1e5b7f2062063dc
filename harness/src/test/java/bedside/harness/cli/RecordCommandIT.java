package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code bedside record} through the launcher, as an evaluator runs it: its help, its located usage errors, and a
 * demonstration in which nothing was done between Start and Done — nothing is written and the binding is untouched.
 * (A demonstration that writes steps is DemonstrationPanelIT and DemonstrationIT, on the same code.)
 */
class RecordCommandIT {
    @TempDir
    Path home;

    @TempDir
    Path work;

    static String run(Path home, String... args) throws Exception {
        Process p = Launcher.command(home, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return p.exitValue() + "\n" + out;
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        assertThat(run(home, "record", "--help")).startsWith("0\n").contains("never by its place in the page",
                "${patient.nhsNumber}", "Exit codes:");
        String suite = Launcher.ROOT.resolve("scenarios/suites/sed-core").toString();
        assertThat(run(home, "record", suite, "--candidate", "legacy", "--task", "no-such-task"))
                .startsWith("2\n").contains("no task no-such-task");
        assertThat(run(home, "record", suite, "--candidate", "nobody", "--task", "record-allergy"))
                .startsWith("2\n").contains("no binding for candidate \"nobody\"");
        assertThat(run(home, "record", suite, "--task", "record-allergy")).startsWith("2\n").contains("--candidate");
    }

    @Test
    void nothingDoneBetweenStartAndDoneWritesNothing() throws Exception {
        Path suite = bedside.harness.run.ShippedSuite.copyTo(work.resolve("suite"));
        Path binding = suite.resolve("bindings/legacy.yaml");
        String before = Files.readString(binding);
        Process p = Launcher.command(home, "record", suite.toString(), "--candidate", "legacy", "--task",
                "record-allergy", "--headless").start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Browsers.Session panel = Browsers.start(BrowserSettings.local())) {
            String line;
            String url = null;
            while (url == null && (line = r.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("Task panel:")) url = line.substring("Task panel:".length()).strip();
            }
            assertThat(url).as(out.toString()).isNotNull();
            panel.driver().get(url);
            WebDriverWait wait = new WebDriverWait(panel.driver(), Duration.ofSeconds(60));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("start")));
            // the task as the evaluator reads it: the suite's values filled in
            assertThat(panel.driver().findElement(By.tagName("body")).getText()).contains("Margaret Okafor", "9995260182")
                    .doesNotContain("${");
            panel.driver().findElement(By.id("start")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("done"))).click();
            while ((line = r.readLine()) != null) out.append(line).append('\n');
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out.toString()).isEqualTo(1);
        assertThat(out).contains("nothing was done in the candidate's window between Start and Done");
        assertThat(Files.readString(binding)).isEqualTo(before);
        assertThat(suite.resolve("bindings/legacy.yaml.before-record")).doesNotExist();
    }
}
