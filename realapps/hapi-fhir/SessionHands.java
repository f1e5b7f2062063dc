// NOT PART OF BEDSIDE, NOT A TEST. A stand-in for a person's hands in one moderated session on HAPI FHIR's tester,
// used on a machine with no display and no input tool (README.md, "A session and reports, by hand"). Whatever it
// types, clicks and answers (the participant's details, the SEQ ratings, the SUS answers) was chosen by the person who
// wrote it, not said by a participant: a session driven by it is simulated data and must be reported as such.
//
// What it does:
//   1. opens the session's task panel (bedside session ... --no-panel-window --panel-port N) in a headless Chromium
//      of its own, gives consent and the participant's details;
//   2. at each task: presses Start, reaches the candidate's headed Chromium (the session's, under Xvfb) through that
//      browser's DevTools port, does the task there with ordinary clicks and keys, then presses Done and answers the
//      SEQ;
//   3. answers the SUS.
// The candidate's Chromium is the `chromium --user-data-dir=...` (no --type=, no --headless) among the descendants of
// the session's java process; its DevTools port is in DevToolsActivePort in that profile.
//
// Run from the repository root, with the jars ./bedside built (Java's single-file source launcher):
//   java -cp 'harness/target/lib/*' realapps/hapi-fhir/SessionHands.java PANEL_URL SESSION_PID
// or, to try the task steps alone in a headed browser of its own, with no session:
//   java -cp 'harness/target/lib/*' realapps/hapi-fhir/SessionHands.java --try TASK APP_URL
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class SessionHands {
    static final String OKAFOR = "9995260182";
    static final String NHS_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--try")) {
            try (Owned b = own(false)) {
                b.driver.get(args[2]);
                doTask(b.driver, args[1], args[2]);
                say("tried " + args[1] + ": " + b.driver.findElement(By.id("resultTable")).getText().lines().findFirst().orElse(""));
            }
            return;
        }
        String panelUrl = args[0];
        long sessionPid = Long.parseLong(args[1]);
        try (Owned panelBrowser = own(true)) {
            WebDriver panel = panelBrowser.driver;
            panel.get(panelUrl);
            int version = waitScreen(panel, -1, "consent", "running");
            if (screen(panel).equals("running")) {
                // resumed by a second run of these hands in the middle of a task (the first one failed on it)
                version = doRunningTask(panel, version, sessionPid);
            } else {
                type(panel, By.id("role"), "nurse");
                type(panel, By.id("yearsInRole"), "12");
                type(panel, By.id("ehrExperienceYears"), "10");
                type(panel, By.id("ehrSystemsUsed"), "EMIS Web, SystmOne");
                new org.openqa.selenium.support.ui.Select(panel.findElement(By.id("ageBand"))).selectByValue("40-49");
                type(panel, By.id("assistiveTechnology"), "none");
                panel.findElement(By.id("consent")).click();
                panel.findElement(By.id("continue")).click();
                say("consent given");
            }
            while (true) {
                version = waitScreen(panel, version, "task", "sus", "end");
                String screen = screen(panel);
                if (screen.equals("end")) {
                    say("end: " + panel.findElement(By.id("screen")).getText().replace('\n', ' '));
                    break;
                }
                if (screen.equals("sus")) {
                    // the helper's fixed answers (not a participant's opinion), items 1..10
                    int[] sus = {2, 4, 2, 3, 3, 2, 2, 4, 3, 3};
                    for (int i = 0; i < sus.length; i++) {
                        panel.findElement(By.cssSelector("input[name='sus" + (i + 1) + "'][value='" + sus[i] + "']")).click();
                    }
                    panel.findElement(By.id("submit")).click();
                    say("SUS answered");
                    continue;
                }
                String title = panel.findElement(By.tagName("h1")).getText();
                String task = title.contains("allergy") ? "record-allergy" : title.contains("Find a patient") ? "find-patient" : null;
                if (task == null) {
                    throw new IllegalStateException("a task these hands do not know: " + title);
                }
                panel.findElement(By.id("start")).click();
                version = waitScreen(panel, version, "running");
                version = doRunningTask(panel, version, sessionPid);
            }
        }
    }

    /** The task the panel shows as running: done in the candidate's browser (a new one for each task), Done, the SEQ. */
    static int doRunningTask(WebDriver panel, int version, long sessionPid) throws Exception {
        String title = panel.findElement(By.tagName("h1")).getText();
        String task = title.contains("allergy") ? "record-allergy" : "find-patient";
        say("started " + task);
        // each task's attempt has a browser of its own: reached anew each time
        WebDriver candidate = attach(sessionPid);
        String appUrl = tabOfApp(candidate);
        doTask(candidate, task, appUrl);
        panel.findElement(By.id("done")).click();
        version = waitScreen(panel, version, "seq");
        // the helper's fixed rating (not a participant's), on the panel's 1..7 scale
        int seq = task.equals("record-allergy") ? 2 : 5;
        panel.findElement(By.cssSelector("input[name='rating'][value='" + seq + "']")).click();
        panel.findElement(By.id("comment")).sendKeys("(stand-in hands: a program, not a participant)");
        panel.findElement(By.id("next")).click();
        say("done " + task + ", SEQ " + seq);
        return version;
    }

    /** The task in the HAPI tester, the expert path's moves done as clicks and keys. */
    static void doTask(WebDriver d, String task, String appUrl) {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Patient']")));
        // find her: Patient, a search on identifier (System and Code), Search
        click(d, d.findElement(By.xpath("//a[normalize-space()='Patient']")));
        WebElement combo = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-param-rows .select2-selection")));
        click(d, combo);
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".select2-container--open .select2-search__field")));
        search.sendKeys("identifier");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".select2-results__option--highlighted"), "identifier"));
        search.sendKeys(Keys.ENTER);
        WebElement system = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("(//label[normalize-space()='System']/following::input[1])[1]")));
        click(d, system);
        system.sendKeys(NHS_SYSTEM);
        WebElement code = d.findElement(By.xpath("(//label[normalize-space()='Code']/following::input[1])[1]"));
        click(d, code);
        code.sendKeys(OKAFOR);
        click(d, d.findElement(By.id("search-btn")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[contains(normalize-space(),'Patient/nhs-" + OKAFOR + "')]")));
        if (task.equals("find-patient")) {
            // Read on her row
            click(d, d.findElement(By.xpath("//tr[.//a[contains(normalize-space(),'Patient/nhs-" + OKAFOR + "')]][not(.//tr)]//button[normalize-space()='Read']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultTable"), "HTTP 200"));
            return;
        }
        // record-allergy: AllergyIntolerance, CRUD Operations, the resource typed into Create, Create
        click(d, d.findElement(By.xpath("//a[normalize-space()='AllergyIntolerance']")));
        click(d, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[@role='tab' and normalize-space()='CRUD Operations']"))));
        WebElement body = wait.until(ExpectedConditions.elementToBeClickable(By.id("resource-create-body")));
        click(d, body);
        String json = "{\"resourceType\": \"AllergyIntolerance\", "
                + "\"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical\", \"code\": \"active\"}]}, "
                + "\"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"91936005\", \"display\": \"Allergy to penicillin\"}]}, "
                + "\"patient\": {\"reference\": \"Patient/nhs-" + OKAFOR + "\"}, "
                + "\"reaction\": [{\"manifestation\": [{\"text\": \"Rash\"}], \"severity\": \"moderate\"}]}";
        // typed in pieces, as a person pauses between parts of what she types
        for (String piece : json.split("(?<=, )")) {
            body.sendKeys(piece);
            pause(250);
        }
        click(d, d.findElement(By.xpath("//button[normalize-space()='Create']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultTable"), "HTTP 201"));
    }

    /** Scrolls the element to the middle of the window (as a person scrolls to what she wants; instantly: the tester's Bootstrap scrolls smoothly, and a click during that lands elsewhere), then clicks it. */
    static void click(WebDriver d, WebElement e) {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
        pause(150);
        e.click();
    }

    // --- the panel

    static String screen(WebDriver panel) {
        return panel.findElement(By.id("screen")).getAttribute("data-screen");
    }

    /** Waits for a new version of the panel's screen, one of {@code screens}; returns its version. */
    static int waitScreen(WebDriver panel, int after, String... screens) {
        return new WebDriverWait(panel, Duration.ofSeconds(240)).until(p -> {
            WebElement s = p.findElement(By.id("screen"));
            String v = s.getAttribute("data-version");
            if (v == null || Integer.parseInt(v) == after || !List.of(screens).contains(s.getAttribute("data-screen"))) {
                return null;
            }
            return Integer.parseInt(v);
        });
    }

    static void type(WebDriver d, By by, String text) {
        d.findElement(by).sendKeys(text);
    }

    // --- the candidate's browser

    /** The session's headed Chromium, reached through its DevTools port. */
    static WebDriver attach(long sessionPid) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<Path> profile = ProcessHandle.of(sessionPid).orElseThrow().descendants()
                    .map(p -> cmdline(p.pid()))
                    .filter(c -> c.size() > 0 && c.get(0).contains("chromium") && c.stream().noneMatch(a -> a.startsWith("--type="))
                            && c.stream().noneMatch(a -> a.startsWith("--headless")))
                    .flatMap(c -> c.stream().filter(a -> a.startsWith("--user-data-dir=")))
                    .map(a -> Path.of(a.substring("--user-data-dir=".length())))
                    .filter(p -> Files.exists(p.resolve("DevToolsActivePort")))
                    .findFirst();
            if (profile.isPresent()) {
                String port = Files.readAllLines(profile.get().resolve("DevToolsActivePort")).get(0).trim();
                ChromeOptions o = new ChromeOptions();
                o.setExperimentalOption("debuggerAddress", "127.0.0.1:" + port);
                say("reached the candidate's Chromium (" + profile.get() + ", DevTools port " + port + ")");
                return new ChromeDriver(service(), o);
            }
            pause(500);
        }
        throw new IllegalStateException("no headed Chromium under the session's process " + sessionPid);
    }

    /** Switches to the candidate's tab (the one on the app, not a blank one) and returns its address. */
    static String tabOfApp(WebDriver d) {
        for (String h : d.getWindowHandles()) {
            d.switchTo().window(h);
            if (d.getCurrentUrl().startsWith("http")) {
                return d.getCurrentUrl();
            }
        }
        throw new IllegalStateException("no tab on the app in the candidate's Chromium");
    }

    static List<String> cmdline(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
            return List.of(raw.split("\0"));
        } catch (Exception gone) {
            return List.of();
        }
    }

    // --- a browser of its own

    record Owned(WebDriver driver, Path profile) implements AutoCloseable {
        public void close() {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                say("could not delete " + profile + ": " + e);
            }
        }
    }

    static Owned own(boolean headless) throws Exception {
        Path profile = Files.createTempDirectory("hands-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/lib/chromium/chromium");
        o.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        if (headless) {
            o.addArguments("--headless=new");
        }
        return new Owned(new ChromeDriver(service(), o), profile);
    }

    static ChromeDriverService service() {
        return new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void say(String s) {
        System.out.printf("hands %tT: %s%n", System.currentTimeMillis(), s);
    }
}
