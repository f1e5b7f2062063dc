package bedside.harness.run;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.scenarios.Binding;
import bedside.scenarios.Suite;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What axe-core costs per screen in the accessibility audit ({@link AccessibilityAudit}), as session 10 ran it
 * (AxeBuilder's default: axe-core's 550 KB sent to the page at each audit, the run finished in a blank window of its
 * own) against now (axe-core put into each document at its start, run in the page, only the violations' elements
 * returned). Both browsers are signed on to the legacy sample and open the same screens in turn, so a busy machine
 * slows both alike. In this package because the steps' runner is package-private.
 *
 * <pre>
 * cd harness && mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.run.AuditCostBenchmark 5
 * </pre>
 */
public final class AuditCostBenchmark {
    private static final List<String> SCREENS = List.of("/main.do", "/patient/search.do", "/patient/register.do",
            "/results/inbox.do", "/clinical/allergies.do");

    private AuditCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Suite suite = ShippedSuite.read();
        List<Double> before = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        try (SampleCandidate c = SampleCandidates.start(SampleCandidates.LEGACY, 0);
             Browsers.Session old = Browsers.start(BrowserSettings.local());
             Browsers.Session prepared = Browsers.start(BrowserSettings.local())) {
            CandidateTarget target = ShippedSuite.target(c);
            Binding binding = suite.bindings().get(SampleCandidates.LEGACY);
            Map<String, Object> values = bedside.scenarios.Parameters.effectiveValues(suite, suite.tasks().get(0));
            AccessibilityAudit.prepare(prepared.driver());
            for (Browsers.Session s : List.of(old, prepared)) {
                new StepRunner(s.driver(), target, binding.fragments(), System.nanoTime() + 60_000_000_000L)
                        .run(binding.reset().steps(), values, "reset ");
            }
            for (int r = 0; r <= rounds; r++) {
                for (String screen : SCREENS) {
                    old.driver().get(target.baseUrl().resolve(screen).toString());
                    AccessibilityAudit.settle(old.driver());
                    long t0 = System.nanoTime();
                    new AxeBuilder().withTags(AccessibilityAudit.WCAG_AA).disableIframeTesting().analyze(old.driver());
                    double a = (System.nanoTime() - t0) / 1e6;
                    prepared.driver().get(target.baseUrl().resolve(screen).toString());
                    AccessibilityAudit.settle(prepared.driver());
                    double b = AccessibilityAudit.audit(prepared.driver(), screen, "bench").auditMs();
                    if (r > 0) { // round 0 warms both up
                        before.add(a);
                        now.add(b);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d screens × %d rounds%n", SCREENS.size(), rounds);
        System.out.printf(Locale.ROOT, "session 10 (AxeBuilder default): median %.0f ms, p90 %.0f ms%n", q(before, 0.5),
                q(before, 0.9));
        System.out.printf(Locale.ROOT, "now (preloaded, in-page, violations only): median %.0f ms, p90 %.0f ms%n",
                q(now, 0.5), q(now, 0.9));
    }

    private static double q(List<Double> xs, double p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.floor(p * s.size())));
    }
}
