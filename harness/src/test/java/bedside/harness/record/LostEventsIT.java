package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * No event lost, none duplicated: some two thousand events over some two hundred navigations of every kind (full page
 * loads by the driver, link clicks, navigation by script right after the events, reloads, history back and
 * forward, new windows by {@code window.open} and by {@code target=_blank}, windows that close themselves right
 * after their events, same-origin and cross-site iframes), counted on both sides: the page tells the test server
 * how many events it is about to make before it makes them, the JVM counts what the {@link Recording} holds.
 * Every event must arrive exactly once, popups that close themselves right after their events included. New
 * windows make their events once loaded (a person acts on a loaded page; Chrome may run the recorder in a new
 * window only after its inline scripts).
 */
class LostEventsIT {
    static final int ROUNDS = 144;

    static EventSource site;
    static Browsers.Session session;
    static Recorder recorder;
    static Map<String, Long> navigations = new TreeMap<>();
    static long seconds;

    @BeforeAll
    static void browseEverywhere() {
        site = new EventSource();
        session = Browsers.start(BrowserSettings.local());
        WebDriver d = session.driver();
        recorder = Recorder.attach(d);
        long t0 = System.nanoTime();
        String home = d.getWindowHandle();
        d.get(site.url("n=10"));
        waitDone(d);
        for (int i = 0; i < ROUNDS; i++) {
            String kind = switch (i % 12) {
                case 0 -> "driver-get";
                case 1 -> "link-click";
                case 2 -> "script-navigation-at-once";
                case 3 -> "reload";
                case 4 -> "back";
                case 5 -> "forward";
                case 6 -> "window-open-closes-itself";
                case 7 -> "target-blank-closes-itself";
                case 8 -> "iframes";
                case 9 -> "script-reload-at-once";
                case 10 -> "target-blank-then-driver-closes";
                default -> "window-open-then-driver-closes";
            };
            navigations.merge(kind, 1L, Long::sum);
            site.doing = kind;
            int n = 10 + i % 9;
            switch (kind) {
                case "driver-get" -> d.get(site.url("n=" + n));
                case "link-click" -> d.findElement(By.id("next")).click();
                case "script-navigation-at-once" -> d.get(site.url("n=" + n + "&then=next&next="
                        + java.net.URLEncoder.encode("/p?n=6", java.nio.charset.StandardCharsets.UTF_8)));
                case "reload" -> d.navigate().refresh();
                case "back" -> d.navigate().back();
                case "forward" -> d.navigate().forward();
                case "window-open-closes-itself" -> {
                    long before = site.documents.get();
                    js(d, "window.open('/p?n=" + n + "&then=close&when=load', '_blank')");
                    awaitDocuments(before + 1);
                }
                case "target-blank-closes-itself" -> {
                    long before = site.documents.get();
                    d.findElement(By.id("blank")).click();
                    awaitDocuments(before + 1);
                }
                case "iframes" -> d.get(site.url("n=" + n + "&frames=2&r=" + i));
                case "script-reload-at-once" -> d.get(site.url("n=" + n + "&then=reload&r=" + i));
                case "target-blank-then-driver-closes" -> {
                    d.findElement(By.id("blank-stay")).click();
                    String other = awaitOtherWindow(d, home);
                    d.switchTo().window(other);
                    waitDone(d);
                    d.close();
                    d.switchTo().window(home);
                }
                default -> {
                    js(d, "window.open('/p?n=" + n + "&when=load', 'w" + i + "')");
                    String other = awaitOtherWindow(d, home);
                    d.switchTo().window(other);
                    waitDone(d);
                    js(d, "const b = document.getElementById('b'); b.setAttribute('aria-label', 'driver'); b.click()");
                    d.close();
                    d.switchTo().window(home);
                }
            }
            waitDone(d);
            if (kind.equals("iframes")) {
                awaitDocumentsSettled();
            }
        }
        awaitDocumentsSettled();
        recorder.drain(5000);
        // What is still in flight (a window that closed itself a moment ago) gets a few seconds to arrive.
        long deadline = System.currentTimeMillis() + 10_000;
        while (generated().size() < site.total() && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
        if (session != null) {
            session.close();
        }
        if (site != null) {
            site.close();
        }
    }

    /** The generated events the JVM holds, by name (a name twice would be a duplicate). */
    static Map<String, Long> generated() {
        return recorder.recording().events().stream()
                .filter(e -> (e.type().equals("click") || e.type().equals("key")) && e.targetText("name") != null
                        && e.targetText("name").startsWith("gen:"))
                .collect(Collectors.groupingBy(e -> e.targetText("name"), HashMap::new, Collectors.counting()));
    }

    @Test
    void everyEventArrivedExactlyOnce() {
        Map<String, Long> seen = generated();
        Set<String> expected = new java.util.HashSet<>();
        site.reported.forEach((token, n) -> {
            for (int i = 0; i < n; i++) {
                expected.add("gen:" + token + ":" + i);
            }
        });
        List<String> missing = expected.stream().filter(name -> !seen.containsKey(name)).sorted().toList();
        List<String> lost = missing;
        List<String> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> unexpected = seen.keySet().stream().filter(name -> !expected.contains(name)).toList();
        long events = recorder.recording().size();
        long docs = recorder.recording().events().stream().map(PageEvent::doc).distinct().count();
        System.out.printf("Lost-events test: %d rounds %s in %d s; %d documents reported, %d recorded; %d generated events "
                        + "(%d events in all) recorded in %d messages; %d re-sent batches dropped as copies; lost %d, duplicated %d%n",
                ROUNDS, navigations, seconds, site.documents.get(), docs, expected.size(), events,
                recorder.recording().messages(), recorder.recording().duplicates(), lost.size(), duplicated.size());
        // About 14 generated events and 1.4 documents per round (144 rounds: some 2,000 events over some 200 pages).
        assertThat(expected.size()).isGreaterThan(ROUNDS * 12);
        assertThat(site.documents.get()).isGreaterThan(ROUNDS * 5 / 4);
        Map<String, Long> lostBy = missing.stream().map(s -> site.madeDuring.get(s.split(":")[1]))
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        System.out.println("Lost, by what the test was doing when the page was made: " + lostBy);
        Set<String> requested = recorder.recording().events().stream().filter(e -> e.type().equals("request-start"))
                .map(e -> e.text("url")).filter(u -> u != null && u.contains("token=")).map(u -> u.replaceAll(".*token=([^&]+).*", "$1"))
                .collect(Collectors.toSet());
        lost.stream().map(x -> x.split(":")[1]).distinct().limit(20).forEach(token -> System.out.println("  lost from " + token
                + " (" + site.madeDuring.get(token) + "): its report request was " + (requested.contains(token) ? "" : "NOT ")
                + "recorded; lost " + missing.stream().filter(x -> x.split(":")[1].equals(token)).map(x -> x.split(":")[2]).toList()
                + "; what was recorded from " + site.pageOf.get(token) + ": " + recorder.recording().events().stream()
                        .filter(e -> e.url() != null && e.url().equals(site.pageOf.get(token)))
                        .map(e -> e.doc() + "#" + e.batch() + " " + e.type()).toList()));
        duplicated.stream().limit(5).forEach(name -> System.out.println("  duplicated " + name + ": " + recorder.recording().events()
                .stream().filter(e -> name.equals(e.targetText("name"))).map(e -> e.doc() + "#" + e.batch() + "/" + e.index() + " "
                        + e.type() + " top=" + e.top() + " " + e.url()).toList()));
        assertThat(lost).as("lost events, by what the test was doing when the page was made: " + lostBy).isEmpty();
        assertThat(duplicated).as("duplicated events").isEmpty();
        assertThat(unexpected).as("events no page reported").isEmpty();
        assertThat(recorder.recording().malformed()).isEmpty();
    }

    @Test
    void newWindowsAndFramesAreRecordedToo() {
        Map<String, Long> seen = generated();
        // Cross-site and same-origin frames, and windows that closed themselves, all delivered.
        assertThat(seen.keySet()).anyMatch(n -> n.startsWith("gen:cross-"));
        assertThat(seen.keySet()).anyMatch(n -> n.startsWith("gen:same-"));
        assertThat(recorder.recording().events()).anyMatch(e -> !e.top());
    }

    static void waitDone(WebDriver d) {
        new WebDriverWait(d, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(x -> "1".equals(js(x, "return document.body && document.body.dataset.done")));
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    static String awaitOtherWindow(WebDriver d, String home) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> others = new ArrayList<>(d.getWindowHandles());
            others.remove(home);
            if (!others.isEmpty()) {
                return others.get(0);
            }
            sleep(20);
        }
        throw new AssertionError("no new window opened");
    }

    static void awaitDocuments(long count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (site.documents.get() < count && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
    }

    static void awaitDocumentsSettled() {
        long last = -1;
        while (site.documents.get() != last) {
            last = site.documents.get();
            sleep(300);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
