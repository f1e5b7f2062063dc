package bedside.harness.bench;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.ShippedSuite;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.session.SessionPanel;
import bedside.harness.session.SessionRunner;
import bedside.harness.session.TimingParticipant;
import bedside.harness.session.TimingParticipant.Trial;
import bedside.harness.upload.StoreDestination;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import bedside.scenarios.TaskOrder;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * How exactly a moderated session records task times and the times between events (issue 11, "Timing accuracy"),
 * measured against ground truth (not a test). A {@link TimingParticipant} takes sessions on the sample candidate
 * {@code streamlined} through the real path — {@link SessionPanel} in a Chromium of its own, {@link SessionRunner},
 * {@link TaskRunner} with the in-page recorder in the candidate's Chromium, stored in embedded PostgreSQL — and per
 * task injects three known intervals: Start → a mouse press on the candidate's page → a key press → Done. Inputs are
 * real browser inputs sent over Chrome DevTools; the injected intervals are measured on the JVM's monotonic clock
 * ({@code System.nanoTime}), which no browser clock under test takes part in.
 *
 * <p>Reported, against the injected intervals: the stored task time ({@code AttemptRecord.timeMs}, the panel page's
 * clock at Start and Done), and each stored inter-event interval (the stored events' {@code tMs}: the candidate
 * page's clock, relative to the panel's Start reading; Done at the stored task time). Also, to say where errors come
 * from: the panel's unrounded readings, the candidate page's own {@code event.timeStamp} readings, the gap between
 * the two browsers' clocks, and the DevTools round trips (the ground truth's own uncertainty).
 *
 * <pre>
 * cd harness &amp;&amp; mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) bedside.harness.bench.SessionTiming 200
 * </pre>
 * Arguments: TASKS (default 200), SEED (default 11). The interval mix: each interval is 0.5–1 s (log-uniform) with
 * probability 0.92, 1–5 s (log-uniform) with 0.06, 10–30 s (uniform) with 0.02 (at most one per task); the first three
 * tasks inject the extremes 0.5 s and 30 s. The shipped suite's tasks are taken in turn (sessions of 14 tasks, a new
 * participant each), with their setup (sign-in, the start screen) as in a session, but without their checks: the
 * participant does not do the task (it presses on text and presses Shift), and the checks, run after the clock has
 * stopped, would only retry their unmet criteria until their timeouts (up to 20 s a task) without touching the time.
 */
public final class SessionTiming {
    private SessionTiming() {}

    static final String STUDY = "timing";

    /** The three intervals (ms) of task {@code n}: seeded, mostly short, a few long. */
    static double[] intervals(Random random, int n) {
        if (n == 0) {
            return new double[] {500, 500, 500};
        }
        if (n == 1) {
            return new double[] {30_000, 500, 700};
        }
        if (n == 2) {
            return new double[] {800, 30_000, 500};
        }
        double[] d = new double[3];
        boolean longOne = false;
        for (int i = 0; i < 3; i++) {
            double u = random.nextDouble();
            if (u < 0.02 && !longOne) {
                d[i] = 10_000 + random.nextDouble() * 20_000;
                longOne = true;
            } else if (u < 0.08) {
                d[i] = logUniform(random, 1_000, 5_000);
            } else {
                d[i] = logUniform(random, 500, 1_000);
            }
        }
        return d;
    }

    private static double logUniform(Random r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    /** One task's figures, recorded vs injected, ms. */
    record Row(Trial trial, AttemptRecord attempt, double[] truth, double[] recorded, double truthTask, double recordedTask,
               double panelTask, double[] timeStampIntervals) {}

    public static void main(String[] args) throws Throwable {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        Random random = new Random(seed);
        double[][] plan = new double[total][];
        for (int i = 0; i < total; i++) {
            plan[i] = intervals(random, i);
        }
        Path dir = Files.createTempDirectory("bedside-timing-");
        Path log = Path.of("target", "session-timing.log");
        Files.createDirectories(log.getParent());
        Suite suite = TimingParticipant.withoutChecks(ShippedSuite.read());
        List<Row> rows = new ArrayList<>();
        long began = System.nanoTime();
        try (Database db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
             SampleCandidate streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
             PrintStream out = new PrintStream(new FileOutputStream(log.toFile()), true);
             TimingParticipant participant = new TimingParticipant(n -> plan[n])) {
            ResultsStore store = new ResultsStore(db);
            CandidateTarget target = ShippedSuite.target(streamlined);
            StoreDestination destination = new StoreDestination(store, "the benchmark's database", "database");
            store.ensureStudy(STUDY, "session timing benchmark");
            store.ensureCandidate(STUDY, target.id(), target.displayName(), target.vendor());
            SuiteRunner.registerSuite(store, suite);
            List<Task> all = suite.tasks();
            int session = 0;
            while (rows.size() < total) {
                session++;
                List<Task> tasks = all.subList(0, Math.min(all.size(), total - rows.size()));
                SessionRunner.Outcome outcome;
                try (SessionPanel panel = SessionPanel.start(0)) {
                    participant.begin(panel);
                    try {
                        outcome = participant.runner(new TaskRunner(BrowserSettings.local()), destination,
                                dir.resolve("journal"), panel).run(new SessionRunner.Plan(suite, tasks, List.of(target),
                                STUDY, String.format(Locale.ROOT, "P%02d", session), TaskOrder.Mode.FIXED, null, true,
                                        false),
                                out); // pilots: a timing benchmark is nothing to score
                    } finally {
                        participant.finish();
                    }
                }
                Map<UUID, AttemptResult> attempts = new HashMap<>();
                outcome.parts().forEach(p -> p.attempts().forEach(a -> attempts.put(a.attempt().attemptId(), a)));
                for (Trial t : participant.trials()) {
                    AttemptResult a = attempts.get(t.attemptId());
                    if (a != null) {
                        rows.add(row(t, a, store));
                    }
                }
                System.out.printf(Locale.ROOT, "session %d: %d tasks so far, %.0f s%n", session, rows.size(),
                        (System.nanoTime() - began) / 1e9);
            }
        }
        report(rows, seed, (System.nanoTime() - began) / 1e9);
        Runtime.getRuntime().halt(0); // the participant's daemon threads and the database's shutdown hooks are done
    }

    private static Row row(Trial t, AttemptResult result, ResultsStore store) {
        // What is stored, read back from the database: the attempt's time and its events' times.
        AttemptRecord a = store.attempt(t.attemptId()).orElseThrow();
        List<EventRecord> events = store.eventsOfAttempt(t.attemptId());
        EventRecord press = events.stream().filter(e -> e.type().equals("pointer-down") && e.tMs() >= 0).findFirst()
                .orElseThrow(() -> new AssertionError("no pointer-down recorded in " + t.attemptId()));
        EventRecord key = events.stream().filter(e -> e.type().equals("key") && e.tMs() >= press.tMs()).findFirst()
                .orElseThrow(() -> new AssertionError("no key recorded in " + t.attemptId()));
        double[] truth = {t.start().toMs(t.press()), t.press().toMs(t.key()), t.key().toMs(t.done())};
        double[] recorded = {press.tMs(), key.tMs() - press.tMs(), a.timeMs() - key.tMs()};
        double[] ts = t.eventStamps();
        double[] viaTimeStamp = ts.length >= 4
                ? new double[] {ts[0] - t.panelStart(), ts[2] - ts[0], t.panelDone() - ts[2]} : null;
        return new Row(t, a, truth, recorded, t.start().toMs(t.done()), a.timeMs(), t.panelDone() - t.panelStart(),
                viaTimeStamp);
    }

    private static void report(List<Row> rows, long seed, double seconds) {
        System.out.printf(Locale.ROOT, "%n%d tasks (seed %d) in %.0f s; %d intervals injected, %.1f–%.1f s, median %.2f s%n",
                rows.size(), seed, seconds, rows.size() * 3,
                rows.stream().flatMapToDouble(r -> Arrays.stream(r.truth())).min().orElse(0) / 1000,
                rows.stream().flatMapToDouble(r -> Arrays.stream(r.truth())).max().orElse(0) / 1000,
                median(rows.stream().flatMapToDouble(r -> Arrays.stream(r.truth())).toArray()) / 1000);
        System.out.println("error = recorded − injected, ms                    median|e|   p95|e|   max|e|   mean e");
        line("task time (stored timeMs; panel clock, Start→Done)", rows.stream().mapToDouble(r -> r.recordedTask() - r.truthTask()).toArray());
        line("  the same unrounded (panel's readings)", rows.stream().mapToDouble(r -> r.panelTask() - r.truthTask()).toArray());
        String[] names = {"Start → press (panel → candidate clock)", "press → key (candidate clock)", "key → Done (candidate → panel clock)"};
        double[] all = rows.stream().flatMapToDouble(r -> Arrays.stream(diff(r.recorded(), r.truth()))).toArray();
        line("every inter-event interval (stored tMs)", all);
        for (int i = 0; i < 3; i++) {
            int k = i;
            line("  " + names[i], rows.stream().mapToDouble(r -> r.recorded()[k] - r.truth()[k]).toArray());
        }
        List<Row> withTs = rows.stream().filter(r -> r.timeStampIntervals() != null).toList();
        if (!withTs.isEmpty()) {
            System.out.println("diagnosis: the same intervals from the candidate page's event.timeStamp (" + withTs.size() + " tasks)");
            for (int i = 0; i < 3; i++) {
                int k = i;
                line("  " + names[i], withTs.stream().mapToDouble(r -> r.timeStampIntervals()[k] - r.truth()[k]).toArray());
            }
            System.out.println("diagnosis: the same from the clock read in a handler (how the recorder stamped events before)");
            for (int i = 0; i < 3; i++) {
                int k = i;
                line("  " + names[i], withTs.stream().mapToDouble(r -> handlerIntervals(r)[k] - r.truth()[k]).toArray());
            }
            line("  handler time − event.timeStamp, press", withTs.stream().mapToDouble(r -> r.trial().eventStamps()[1] - r.trial().eventStamps()[0]).toArray());
            line("  handler time − event.timeStamp, key", withTs.stream().mapToDouble(r -> r.trial().eventStamps()[3] - r.trial().eventStamps()[2]).toArray());
        }
        double[] gaps = rows.stream().filter(r -> r.trial().clockGap() != null).mapToDouble(r -> r.trial().clockGap().gapMs()).toArray();
        double[] gapU = rows.stream().filter(r -> r.trial().clockGap() != null).mapToDouble(r -> r.trial().clockGap().uncertaintyMs()).toArray();
        if (gaps.length > 0) {
            line("candidate page clock − panel page clock", gaps);
            line("  its uncertainty (± half the round trips)", gapU);
        }
        System.out.println("ground truth: DevTools round trip of each input (sent → answered)");
        line("  Start / Done (panel)", rows.stream().flatMapToDouble(r -> Arrays.stream(new double[] {
                r.trial().start().roundTripMs(), r.trial().done().roundTripMs()})).toArray());
        line("  press / key (candidate)", rows.stream().flatMapToDouble(r -> Arrays.stream(new double[] {
                r.trial().press().roundTripMs(), r.trial().key().roundTripMs()})).toArray());
        line("  injected − planned interval", rows.stream().flatMapToDouble(r -> Arrays.stream(diff(r.truth(), r.trial().planned()))).toArray());
        Row worst = rows.stream().max(java.util.Comparator.comparingDouble(r -> Arrays.stream(diff(r.recorded(), r.truth()))
                .map(Math::abs).max().orElse(0))).orElseThrow();
        System.out.printf(Locale.ROOT, "worst interval: attempt %s (%s), injected %s, recorded %s%n", worst.attempt().attemptId(),
                worst.trial().task(), Arrays.toString(round(worst.truth())), Arrays.toString(round(worst.recorded())));
    }

    /** The intervals as a listener's clock reading in the handler gives them (the panel's readings for Start, Done). */
    private static double[] handlerIntervals(Row r) {
        double[] ts = r.trial().eventStamps();
        return new double[] {ts[1] - r.trial().panelStart(), ts[3] - ts[1], r.trial().panelDone() - ts[3]};
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double[] round(double[] a) {
        return Arrays.stream(a).map(x -> Math.round(x * 100) / 100.0).toArray();
    }

    private static void line(String name, double[] e) {
        double[] abs = Arrays.stream(e).map(Math::abs).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-52s %8.3f %8.3f %8.3f %+8.3f   (n=%d)%n", name, median(abs),
                abs[(int) Math.ceil(0.95 * abs.length) - 1], abs[abs.length - 1], Arrays.stream(e).average().orElse(0), e.length);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
