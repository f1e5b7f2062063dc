package bedside.harness.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/** Starts browsers the way Bedside needs them: headless Chromium, offline, isolated (the recorder attaches over CDP). */
public final class Browsers {
    private Browsers() {}

    static {
        // Belt and braces: even if a code path reached Selenium Manager, it must neither download nor report.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
    }

    /** Every browser started and not yet closed: what a stop signal must not leave running. */
    private static final java.util.Set<Session> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A browser session plus what must be cleaned up after it. */
    public record Session(WebDriver driver, Path profile) implements AutoCloseable {
        public Session {
            OPEN.add(this);
        }

        @Override
        public void close() {
            OPEN.remove(this);
            try {
                driver.quit();
            } catch (RuntimeException driverGone) {
                // The driver is gone (crashed or killed): the browser it started may still run.
                endOrphans(profile);
            } finally {
                deleteQuietly(profile);
            }
        }
    }

    public static Session start(BrowserSettings settings) {
        return start(settings, false);
    }

    /** Closes every browser still open (on a stop signal: no Chromium is left behind, and steps waiting on one end). */
    public static void closeAll() {
        for (Session s : List.copyOf(OPEN)) {
            s.close();
        }
    }

    /**
     * @param bidi true to turn WebDriver BiDi on as well (the recorder does not need it: it speaks CDP); for the
     *             overhead benchmark's comparison
     */
    public static Session start(BrowserSettings settings, boolean bidi) {
        String problem = settings.problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Path profile = null;
        try {
            ChromeOptions options = new ChromeOptions();
            if (bidi) {
                options.enableBiDi();
            }
            // Dialogs are answered by binding steps; one left open must not be closed silently.
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            if (settings.headless()) {
                options.addArguments("--headless=new");
            } else {
                // A participant's window (a session): nothing of the browser's own over the candidate — no "controlled
                // by automated test software" bar, no offer to save the password the untimed setup signed in with.
                options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
                options.setExperimentalOption("prefs", java.util.Map.of("credentials_enable_service", false,
                        "profile.password_manager_enabled", false, "profile.password_manager_leak_detection", false));
            }
            options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900",
                    // Pages restored from the back-forward cache would run no recorder again.
                    "--disable-features=BackForwardCache");
            if (settings.grid() != null) {
                options.setBinary(settings.chromium().toString());
                WebDriver remote = new RemoteWebDriver(settings.grid(), options, false);
                return new Session(new org.openqa.selenium.remote.Augmenter().augment(remote), null);
            }
            Path binary = settings.headless() ? headlessShell(settings.chromium()) : settings.chromium();
            profile = Files.createTempDirectory("bedside-chromium-");
            if (binary.equals(settings.chromium())) {
                options.addArguments("--user-data-dir=" + profile);
            } else {
                // The headless shell refuses a --user-data-dir ("unable to discover open pages"): chromedriver gives it a
                // fresh profile of its own, deleted when the session quits. The marker finds it if the driver dies.
                options.addArguments(MARKER + profile);
            }
            options.setBinary(binary.toString());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(settings.chromedriver().toFile())
                    .usingAnyFreePort()
                    .withTimeout(Duration.ofSeconds(30))
                    .build();
            return new Session(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            deleteQuietly(profile);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    /**
     * Ends the Chromium processes still running on {@code profile}: when the driver died (killed, crashed) before it
     * could quit the browser, its Chromium lives on as an orphan, taking memory and CPU from everything after it. Each
     * browser has a profile of its own, so its processes are told apart by it.
     */
    static void endOrphans(Path profile) {
        if (profile == null) {
            return;
        }
        for (String flag : List.of("--user-data-dir=" + profile, MARKER + profile)) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(flag)).orElse(false)
                            || p.info().commandLine().map(c -> c.contains(flag)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A switch Chromium ignores, naming the session's folder: how a headless shell whose driver died is found. */
    static final String MARKER = "--bedside-session=";

    /**
     * The browser a headless session runs: Debian's {@code chromium-headless-shell} beside {@code chromium} when it is
     * installed — the same engine without the browser's own windows, at about half the processor time per attempt (see
     * BENCHMARKS.md) — else Chromium itself. {@code BEDSIDE_HEADLESS_SHELL=off} keeps Chromium; a path names another.
     */
    static Path headlessShell(Path chromium) {
        String chosen = System.getenv("BEDSIDE_HEADLESS_SHELL");
        if ("off".equals(chosen)) {
            return chromium;
        }
        Path shell = chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : chromium.resolveSibling("chromium-headless-shell");
        return Files.isExecutable(shell) ? shell : chromium;
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
