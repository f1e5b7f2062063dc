package bedside.harness.bench;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.record.PageEvent;
import bedside.harness.record.Recorder;
import bedside.harness.record.TypedMask;
import bedside.results.ReplayRecord;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.ComponentFixture;
import bedside.harness.run.Pace;
import bedside.harness.run.TaskRunner;
import bedside.reports.stats.TaskTime;
import bedside.reports.stats.TimeEstimate;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The recorder's cost and completeness, measured (not a test): the same expert path (the shipped
 * {@code record-allergy} task on both sample candidates) run with recording — the in-page recorder over CDP, as
 * {@code bedside run --no-replay} records — with the recorder and the DOM replay (rrweb, as {@code bedside run}
 * records), and with bare Selenium, alternating, several times; and, for comparison, a session with
 * WebDriver BiDi turned on and nothing recorded (the cost of the BiDi transport the recorder used before).
 * Reports the median wall time of the timed steps in each mode and the overhead as a paired ratio: each repetition
 * runs the four modes back to back (in rotating order), so drift on a shared machine hits a repetition's modes
 * alike; the overhead is the geometric mean of the per-repetition ratios recorded/bare with its 95 % t-interval on
 * the log ratios ({@link TaskTime}, the interval the reports use for task times: Sauro &amp; Lewis ch. 3). Also the
 * events lost: batches missing from a document's sequence numbers plus events the last document sent that never
 * arrived.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl harness -am -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd harness
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.bench.RecorderOverhead 7
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.bench.RecorderOverhead 7 spa
 * </pre>
 * The second runs the component fixture's {@code record-allergy} (MUI and Ant Design single-page apps) instead.
 * {@code -Dmodes=BARE,REPLAYED} runs only the modes named; {@code -Dpace=klm} does the timed steps at a person's pace
 * (the Keystroke-Level Model's time before each step and key, {@link KlmPace}) instead of the candidate's.
 */
public final class RecorderOverhead {
    private RecorderOverhead() {}

    /** The modes to run: all, or those named in {@code -Dmodes=BARE,REPLAYED} (a quicker comparison of two). */
    static final List<Mode> RUN = System.getProperty("modes") == null ? List.of(Mode.values())
            : java.util.Arrays.stream(System.getProperty("modes").split(",")).map(Mode::valueOf).toList();
    static final int MODES = RUN.size();

    /**
     * {@code -Dpace=klm}: the timed steps at a person's pace ({@link KlmPace}: the Keystroke-Level Model's time before
     * each step and each key), as in a session, rather than the candidate's; warm-ups and setup stay at the candidate's.
     */
    static final boolean KLM = "klm".equals(System.getProperty("pace"));

    /**
     * BARE: plain Selenium. BIDI: a WebDriver BiDi session, no recorder. RECORDED: the recorder (CDP), no BiDi, no
     * replay ({@code run --no-replay}). REPLAYED: the recorder and the DOM replay (rrweb), as {@code bedside run} records.
     */
    enum Mode { BARE, BIDI, RECORDED, REPLAYED }

    /** @param replayBytes the replay's compressed size (REPLAYED), else 0 */
    record Run(String candidate, int rep, Mode mode, double millis, long events, long lost, long replayBytes) {
        boolean recorded() {
            return mode == Mode.RECORDED;
        }

        Run at(int k) {
            return new Run(candidate, k, mode, millis, events, lost, replayBytes);
        }
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        boolean spa = args.length > 1 && args[1].equals("spa");
        BrowserSettings settings = BrowserSettings.local();
        List<Run> runs = new ArrayList<>();
        if (spa) {
            // Single-page apps built from real component libraries (the MUI and Ant Design builds of the test fixture):
            // the same form, every step client-side, waits in-page.
            Suite suite = SuiteReader.read(Path.of("src/test/resources/components-suite")).suite();
            Task task = suite.task("record-allergy").orElseThrow();
            try (ComponentFixture site = new ComponentFixture()) {
                for (String id : ComponentFixture.VARIANTS) {
                    CandidateTarget target = new CandidateTarget(id, id, "Bedside tests", site.baseUrl(), null);
                    Runnable reset = site::reset;
                    for (Mode m : RUN) {
                        once(settings, suite, task, id, reset, target, m, false);
                    }
                    for (int k = 0; k < reps; k++) {
                        for (int j = 0; j < MODES; j++) {
                            runs.add(once(settings, suite, task, id, reset, target, RUN.get((k + j) % MODES), KLM)
                                    .at(k));
                        }
                    }
                }
            }
            report(runs, reps);
            System.exit(0);
        }
        Suite suite = SuiteReader.read(Path.of(args.length > 1 ? args[1] : "../scenarios/suites/sed-core")).suite();
        Task task = suite.task("record-allergy").orElseThrow();
        for (String id : List.of(SampleCandidates.STREAMLINED, SampleCandidates.LEGACY)) {
            try (SampleCandidate c = SampleCandidates.start(id, 0)) {
                CandidateTarget target = new CandidateTarget(c.id(), c.displayName(), c.vendor(), c.baseUrl(),
                        URI.create(c.baseUrl() + "/admin/reset"));
                for (Mode m : RUN) {
                    once(settings, suite, task, c.id(), c::reset, target, m, false); // warm-up: JIT, caches, the browser's
                }
                for (int k = 0; k < reps; k++) {
                    // Rotate the order, so drift (thermal, other load) hits every mode alike.
                    for (int j = 0; j < MODES; j++) {
                        runs.add(once(settings, suite, task, c.id(), c::reset, target,
                                RUN.get((k + j) % MODES), KLM).at(k));
                    }
                }
            }
        }
        report(runs, reps);
        System.exit(0);
    }

    static void report(List<Run> runs, int reps) {
        System.out.println();
        System.out.println(KLM ? "Timed steps at a person's pace (-Dpace=klm: the Keystroke-Level Model's times)"
                : "Timed steps at the candidate's pace");
        System.out.printf(Locale.ROOT, "%-12s %5s %10s %10s %14s %14s %24s %24s %24s %24s %8s %6s %14s %24s%n",
                "CANDIDATE", "REPS", "BARE (ms)", "BIDI (ms)", "RECORDED (ms)", "REPLAYED (ms)", "RECORDED/BARE [95% CI]",
                "REPLAYED/BARE [95% CI]", "REPLAYED/RECORDED [95% CI]", "BIDI/BARE [95% CI]", "EVENTS", "LOST", "REPLAY (bytes)",
                "REPLAYED-BARE [95% CI]");
        Map<String, List<Run>> byCandidate = runs.stream().collect(Collectors.groupingBy(Run::candidate, TreeMap::new,
                Collectors.toList()));
        for (var e : byCandidate.entrySet()) {
            double bare = median(e.getValue().stream().filter(r -> r.mode() == Mode.BARE).map(Run::millis).toList());
            double bidi = median(e.getValue().stream().filter(r -> r.mode() == Mode.BIDI).map(Run::millis).toList());
            double rec = median(e.getValue().stream().filter(Run::recorded).map(Run::millis).toList());
            long events = e.getValue().stream().filter(Run::recorded).mapToLong(Run::events).sum();
            long lost = e.getValue().stream().filter(Run::recorded).mapToLong(Run::lost).sum();
            double replayed = median(e.getValue().stream().filter(r -> r.mode() == Mode.REPLAYED).map(Run::millis)
                    .toList());
            double bytes = median(e.getValue().stream().filter(r -> r.mode() == Mode.REPLAYED)
                    .map(r -> (double) r.replayBytes()).toList());
            System.out.printf(Locale.ROOT, "%-12s %5d %10.0f %10.0f %14.0f %14.0f %24s %24s %24s %24s %8d %6d %14.0f %24s%n",
                    e.getKey(), reps, bare, bidi, rec, replayed, overhead(e.getValue(), Mode.RECORDED),
                    overhead(e.getValue(), Mode.REPLAYED), overhead(e.getValue(), Mode.REPLAYED, Mode.RECORDED),
                    overhead(e.getValue(), Mode.BIDI), events, lost, bytes,
                    difference(e.getValue(), Mode.REPLAYED, Mode.BARE));
        }
    }

    static Run once(BrowserSettings settings, Suite suite, Task task, String candidate, Runnable reset,
                    CandidateTarget target, Mode mode, boolean klm) throws Exception {
        reset.run();
        boolean recorded = mode == Mode.RECORDED || mode == Mode.REPLAYED;
        try (Browsers.Session session = Browsers.start(settings, mode == Mode.BIDI)) {
            Recorder recorder = mode == Mode.REPLAYED ? Recorder.attachWithReplay(session.driver(), List.of(),
                    suite.bindings().get(candidate).patientData(), TypedMask.NONE)
                    : recorded ? Recorder.attach(session.driver()) : null;
            TaskRunner.performSteps(session.driver(), suite, task, target, true);
            if (recorder != null) {
                recorder.drain(2000);
            }
            long t0 = System.nanoTime();
            TaskRunner.performSteps(session.driver(), suite, task, target, false, klm ? new KlmPace() : Pace.NONE);
            double millis = (System.nanoTime() - t0) / 1e6;
            long events = 0;
            long lost = 0;
            String messages = "";
            long replayBytes = 0;
            if (recorder != null) {
                boolean complete = recorder.drain(5000);
                if (mode == Mode.REPLAYED) {
                    recorder.sealReplay(2000);
                    replayBytes = ReplayRecord.of(java.util.UUID.randomUUID(), recorder.replay().events().stream()
                            .map(bedside.harness.record.ReplayCapture.Event::json).toList()).size();
                }
                List<PageEvent> all = recorder.recording().events();
                events = all.size();
                lost = gaps(all) + (complete ? 0 : 1);
                messages = String.format(Locale.ROOT, " (%d messages, %d of them copies sent again)",
                        recorder.recording().messages(), recorder.recording().duplicates());
                recorder.close();
            }
            System.out.printf(Locale.ROOT, "%-12s %-9s %8.0f ms %5d events %d lost%s%s%n", candidate, mode, millis,
                    events, lost, messages, replayBytes > 0 ? ", replay " + replayBytes + " bytes gzip" : "");
            return new Run(candidate, -1, mode, millis, events, lost, replayBytes);
        }
    }

    /** Batches missing inside each document's sequence (0..highest seen). */
    static long gaps(List<PageEvent> events) {
        Map<String, java.util.Set<Long>> seqs = new TreeMap<>();
        for (PageEvent e : events) {
            seqs.computeIfAbsent(e.doc(), d -> new java.util.TreeSet<>()).add(e.batch());
        }
        long missing = 0;
        for (var s : seqs.values()) {
            long max = Collections.max(s);
            missing += max + 1 - s.size();
        }
        return missing;
    }

    /** The geometric mean of the per-repetition ratios mode/bare, as a percentage over bare, with its 95 % interval. */
    static String overhead(List<Run> runs, Mode mode) {
        return overhead(runs, mode, Mode.BARE);
    }

    /** As above, over {@code base} instead of bare Selenium ("-" when either was not run). */
    static String overhead(List<Run> runs, Mode mode, Mode base) {
        List<double[]> pairs = pairs(runs, mode, base);
        if (pairs.isEmpty()) {
            return "-";
        }
        TimeEstimate t = TaskTime.estimate(pairs.stream().mapToDouble(p -> p[0] / p[1]).toArray());
        return String.format(Locale.ROOT, "%+.1f %% [%+.1f, %+.1f]", (t.geomean() - 1) * 100,
                (t.geomeanCi95().lo() - 1) * 100, (t.geomeanCi95().hi() - 1) * 100);
    }

    /**
     * The mean per-repetition difference mode − base in milliseconds, with its 95 % t-interval ("-" when either was not
     * run): what a mode adds to a path in time, which a ratio hides when the path is long (a person's pace).
     */
    static String difference(List<Run> runs, Mode mode, Mode base) {
        List<double[]> pairs = pairs(runs, mode, base);
        if (pairs.size() < 2) {
            return "-";
        }
        var stats = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        pairs.forEach(p -> stats.addValue(p[0] - p[1]));
        double half = new org.apache.commons.math3.distribution.TDistribution(pairs.size() - 1)
                .inverseCumulativeProbability(0.975) * stats.getStandardDeviation() / Math.sqrt(pairs.size());
        return String.format(Locale.ROOT, "%+.0f ms [%+.0f, %+.0f]", stats.getMean(), stats.getMean() - half,
                stats.getMean() + half);
    }

    /** Per repetition both modes ran, their times {mode, base}; none when either was not run. */
    static List<double[]> pairs(List<Run> runs, Mode mode, Mode base) {
        if (!RUN.contains(mode) || !RUN.contains(base)) {
            return List.of();
        }
        Map<Integer, Double> other = runs.stream().filter(r -> r.mode() == base)
                .collect(Collectors.toMap(Run::rep, Run::millis));
        return runs.stream().filter(r -> r.mode() == mode && other.containsKey(r.rep()))
                .map(r -> new double[] {r.millis(), other.get(r.rep())}).toList();
    }

    static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
