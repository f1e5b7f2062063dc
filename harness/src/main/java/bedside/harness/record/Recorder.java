package bedside.harness.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.script.ChannelValue;

/**
 * Attaches the in-page recorder to a browser session through WebDriver BiDi: a preload script that runs
 * in every document (new pages, reloads, tabs, frames) before the page's own scripts, streaming events
 * back through a channel as they happen. Nothing is counted by the script that drives the browser.
 */
public final class Recorder implements AutoCloseable {
    static final String CHANNEL = "bedside-recorder";
    private static final String SOURCE = load();

    private final WebDriver driver;
    private final Script script;
    private final Recording recording = new Recording();

    private Recorder(WebDriver driver) {
        this.driver = driver;
        this.script = new Script(driver);
        script.onMessage(message -> {
            if (CHANNEL.equals(message.getChannel())) {
                message.getData().getValue().ifPresent(v -> recording.accept(String.valueOf(v)));
            }
        });
        script.addPreloadScript(SOURCE, List.of(new ChannelValue(CHANNEL)));
    }

    /** Starts recording every document this browser opens from now on. */
    public static Recorder attach(WebDriver driver) {
        return new Recorder(driver);
    }

    public Recording recording() {
        return recording;
    }

    /** The browser's high-resolution clock now (epoch ms), the same clock the page events carry. */
    public double browserNow() {
        Object v = ((JavascriptExecutor) driver).executeScript("return performance.timeOrigin + performance.now();");
        return ((Number) v).doubleValue();
    }

    /**
     * Makes the current document send what it still holds and waits until the JVM has it, so an attempt's
     * record is complete before it is summarised. Returns false if the page could not be asked (a dialog is
     * open, the browser is gone) or did not deliver in time.
     */
    public boolean drain(long timeoutMillis) {
        try {
            Object v = ((JavascriptExecutor) driver).executeScript(
                    "const r = window.__bedsideRecorder; if (!r) return null; r.adopt && r.adopt(); r.flush && r.flush();"
                            + " return [r.doc, r.sent];");
            if (v instanceof List<?> pair && pair.size() == 2) {
                String doc = String.valueOf(pair.get(0));
                long sent = ((Number) pair.get(1)).longValue();
                return recording.awaitFrom(doc, sent, timeoutMillis);
            }
            return false;
        } catch (UnhandledAlertException | NoAlertPresentException e) {
            return false;
        } catch (WebDriverException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            script.close();
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
    }

    private static String load() {
        try (InputStream in = Recorder.class.getResourceAsStream("/bedside/harness/recorder.js")) {
            if (in == null) {
                throw new IllegalStateException("recorder.js is missing from the harness jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
