package bedside.harness.bench;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.record.Recorder;
import bedside.harness.record.Recording;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.TaskRunner;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.json.Json;

/**
 * A probe, not the benchmark (see {@link RecorderOverhead}): the same in-page recorder delivered over Chrome DevTools
 * (CDP: {@code Runtime.addBinding} + {@code Page.addScriptToEvaluateOnNewDocument}, which runs in new documents only
 * with {@code Page.enable}) instead of WebDriver BiDi, against bare Selenium and a CDP session alone, on the
 * attached tab only (no new windows, no cross-site frames; acknowledged every 250 ms like the BiDi recorder). Paired
 * ratios as in the benchmark; for deciding
 * whether a CDP transport is worth building (BENCHMARKS.md, recorder section).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.bench.TransportProbe 7 [task]
 * </pre>
 */
public final class TransportProbe {
    enum Mode { BARE, BIDI_REC, CDP_REC, CDP_ONLY }

    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(args[0]);
        Suite suite = SuiteReader.read(Path.of("../scenarios/suites/sed-core")).suite();
        Task task = suite.task(args.length > 1 ? args[1] : "record-allergy").orElseThrow();
        String src;
        try (InputStream in = Recorder.class.getResourceAsStream("/bedside/harness/recorder.js")) {
            src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String cdpSource = "((b) => { if (typeof b !== 'function') return; (" + src + ")((m) => b(m)); })(window.__bedsideSend);";
        BrowserSettings settings = BrowserSettings.local();
        for (String id : List.of(SampleCandidates.STREAMLINED, SampleCandidates.LEGACY)) {
            Map<Mode, List<Double>> times = new java.util.EnumMap<>(Mode.class);
            Map<Mode, Map<Integer, Double>> byRep = new java.util.EnumMap<>(Mode.class);
            try (SampleCandidate c = SampleCandidates.start(id, 0)) {
                CandidateTarget target = new CandidateTarget(c.id(), c.displayName(), c.vendor(), c.baseUrl(),
                        URI.create(c.baseUrl() + "/admin/reset"));
                for (int k = -1; k < reps; k++) {
                    for (int j = 0; j < Mode.values().length; j++) {
                        Mode m = Mode.values()[(Math.max(k, 0) + j) % Mode.values().length];
                        c.reset();
                        try (Browsers.Session s = Browsers.start(settings, m == Mode.BIDI_REC)) {
                            Recorder rec = m == Mode.BIDI_REC ? Recorder.attach(s.driver()) : null;
                            Recording cdpRec = null;
                            DevTools dt = null;
                            java.util.concurrent.ScheduledExecutorService acker = null;
                            if (m == Mode.CDP_REC || m == Mode.CDP_ONLY) {
                                dt = ((HasDevTools) s.driver()).getDevTools();
                                dt.createSession();
                                if (m == Mode.CDP_REC) {
                                    Recording r = new Recording();
                                    cdpRec = r;
                                    dt.addListener(new Event<String>("Runtime.bindingCalled",
                                            in -> String.valueOf(in.<Map<String, Object>>read(Json.MAP_TYPE).get("payload"))), r::accept);
                                    dt.send(new Command<Void>("Runtime.enable", Map.of()));
                                    dt.send(new Command<Void>("Page.enable", Map.of()));
                                    dt.send(new Command<Void>("Runtime.addBinding", Map.of("name", "__bedsideSend")));
                                    dt.send(new Command<Void>("Page.addScriptToEvaluateOnNewDocument",
                                            Map.of("source", cdpSource, "runImmediately", true)));
                                    DevTools tools = dt;
                                    acker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                                    acker.scheduleWithFixedDelay(() -> {
                                        // Acknowledge as the BiDi recorder does (every 250 ms), here in the tab's current document.
                                        List<List<Object>> acks = r.events().stream().map(e -> e.doc()).distinct()
                                                .map(doc -> List.<Object>of(doc, r.contiguous(doc))).toList();
                                        try {
                                            tools.send(new Command<Void>("Runtime.evaluate", Map.of("expression",
                                                    "window.__bedsideRecorder && window.__bedsideRecorder.ack("
                                                            + new Json().toJson(acks) + ")")));
                                        } catch (RuntimeException ignored) {
                                            // navigating
                                        }
                                    }, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
                                }
                            }
                            TaskRunner.performSteps(s.driver(), suite, task, target, true);
                            if (rec != null) {
                                rec.drain(2000);
                            }
                            long t0 = System.nanoTime();
                            TaskRunner.performSteps(s.driver(), suite, task, target, false);
                            double ms = (System.nanoTime() - t0) / 1e6;
                            int events = rec != null ? (rec.drain(3000) ? rec.recording().size() : -1)
                                    : cdpRec != null ? afterAWhile(cdpRec) : 0;
                            if (k >= 0) {
                                times.computeIfAbsent(m, x -> new ArrayList<>()).add(ms);
                                byRep.computeIfAbsent(m, x -> new java.util.HashMap<>()).put(k, ms);
                            }
                            System.out.printf(Locale.ROOT, "%s %-9s %6.0f ms %d events%n", id, m, ms, events);
                            if (rec != null) {
                                rec.close();
                            }
                            if (acker != null) {
                                acker.shutdownNow();
                            }
                            if (dt != null) {
                                dt.close();
                            }
                        }
                    }
                }
            }
            double bare = median(times.get(Mode.BARE));
            for (Mode m : Mode.values()) {
                double med = median(times.get(m));
                double[] ratios = byRep.get(m).entrySet().stream()
                        .mapToDouble(e -> e.getValue() / byRep.get(Mode.BARE).get(e.getKey())).toArray();
                bedside.reports.stats.TimeEstimate t = bedside.reports.stats.TaskTime.estimate(ratios);
                System.out.printf(Locale.ROOT, "SUMMARY %s %-9s median %6.0f ms  paired %+5.1f %% [%+.1f, %+.1f]%n", id, m, med,
                        (t.geomean() - 1) * 100, (t.geomeanCi95().lo() - 1) * 100, (t.geomeanCi95().hi() - 1) * 100);
            }
        }
        System.exit(0);
    }

    static int afterAWhile(Recording r) throws InterruptedException {
        Thread.sleep(500);
        return r.size();
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
