package bedside.harness.run;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.results.EventRecord;
import bedside.scenarios.Binding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The accessibility audit of a task's path recorded without a replay ({@code bedside run --a11y --no-replay}; with a
 * replay, {@link ReplayAudit} audits the screens rebuilt from it): after the timed attempt, never inside its
 * clock, the path is done again in a browser of its own — reset, setup, then each step — and every screen it reaches
 * is audited once it settles ({@link AccessibilityAudit}), the starting screen included. What was found is kept with
 * the attempt as events of phase {@code audit} ({@code a11y-screen} per screen audited, {@code a11y-violation} per
 * element that fails a rule, naming the screen and the step after which it was reached), so it is journalled, stored,
 * chained and shown only to whom may see the attempt.
 */
final class AuditPass {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditPass() {
    }

    /**
     * The audit's events, after the attempt's own; a pass that could not finish says why in its last event.
     *
     * @param audited the screens of each candidate audited so far in this run ("candidate\0screen"): each screen is
     *                audited once per run, and a path whose screens all were is not done again
     */
    static List<EventRecord> events(BrowserSettings browser, AttemptResult done, CandidateTarget candidate,
                                    Binding binding, Binding.TaskBinding path, Map<String, Object> values, double atMs,
                                    Set<String> audited) {
        UUID id = done.attempt().attemptId();
        long seq = done.events().stream().mapToLong(EventRecord::seq).max().orElse(-1) + 1;
        double t = Double.isFinite(atMs) ? Math.max(0, atMs) : 0;
        if (allAudited(done, candidate, audited)) {
            return List.of();
        }
        List<AccessibilityAudit.Screen> screens = new ArrayList<>();
        String problem = screens(browser, candidate, binding, path, values, screens, audited);
        return events(id, seq, t, screens, problem, "path");
    }

    /**
     * The events that keep audited screens with their attempt: an {@code a11y-screen} per screen (with its picture) and
     * an {@code a11y-violation} per failing element after it, then {@code a11y-incomplete} when the audit could not
     * finish, all of phase {@code audit}.
     *
     * @param from what the screens were audited on: {@code path} (the path done again) or {@code replay} (the screens
     *             rebuilt from the attempt's DOM replay)
     */
    static List<EventRecord> events(UUID id, long seq, double t, List<AccessibilityAudit.Screen> screens, String problem,
                                    String from) {
        List<EventRecord> out = new ArrayList<>();
        for (AccessibilityAudit.Screen s : screens) {
            ObjectNode screen = JSON.createObjectNode().put("screen", s.screen()).put("step", s.step())
                    .put("auditMs", s.auditMs()).put("rulesPassed", s.rulesPassed()).put("violations", s.findings().size())
                    .put("phase", "audit").put("from", from);
            if (s.picture() != null) {
                screen.putObject("picture").put("format", s.picture().format()).put("image", s.picture().base64());
            }
            if (s.view() != null) {
                screen.putObject("view").put("format", s.view().picture().format())
                        .put("image", s.view().picture().base64()).put("width", s.view().width())
                        .put("height", s.view().height());
            }
            out.add(new EventRecord(id, seq++, t, "a11y-screen", null, screen.toString()));
            for (AccessibilityAudit.Finding f : s.findings()) {
                ObjectNode v = JSON.createObjectNode().put("screen", s.screen()).put("step", s.step()).put("rule", f.rule())
                        .put("impact", f.impact()).put("help", f.help()).put("helpUrl", f.helpUrl())
                        .put("selector", f.selector()).put("html", f.html()).put("phase", "audit");
                f.criteria().forEach(v.putArray("criteria")::add);
                out.add(new EventRecord(id, seq++, t, "a11y-violation", null, v.toString()));
            }
        }
        if (problem != null) {
            out.add(new EventRecord(id, seq, t, "a11y-incomplete", null,
                    JSON.createObjectNode().put("problem", problem).put("phase", "audit").toString()));
        }
        return out;
    }

    private static boolean dialogOpen(org.openqa.selenium.WebDriver driver) {
        try {
            driver.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException none) {
            return false;
        }
    }

    /** Whether every screen the attempt showed was audited already in this run (an in-page dialog may be new). */
    private static boolean allAudited(AttemptResult done, CandidateTarget candidate, Set<String> audited) {
        for (EventRecord e : done.events()) {
            String url = switch (e.type()) {
                case "page-start" -> e.page();
                case "route" -> {
                    try {
                        yield JSON.readTree(e.json()).path("to").asText(null);
                    } catch (java.io.IOException bad) {
                        yield null;
                    }
                }
                case "dialog-open" -> e.json().contains("\"kind\":\"modal\"") ? "" : null;
                default -> null;
            };
            if (url != null && (url.isEmpty() || !audited.contains(candidate.id() + "\u0000"
                    + AccessibilityAudit.screenOf(url)))) {
                return false;
            }
        }
        return true;
    }

    /** Audits the path's screens into {@code screens}; null when the path was done to its end, else why not. */
    private static String screens(BrowserSettings browser, CandidateTarget candidate, Binding binding,
                                  Binding.TaskBinding path, Map<String, Object> values,
                                  List<AccessibilityAudit.Screen> screens, Set<String> audited) {
        String resetProblem = CandidateServer.reset(candidate, binding.reset());
        if (resetProblem != null) return resetProblem;
        Browsers.Session session;
        try {
            session = Browsers.start(browser);
        } catch (RuntimeException e) {
            return "the browser did not start: " + StepRunner.firstLine(e);
        }
        try (session) {
            AccessibilityAudit.prepare(session.driver());
            StepRunner.AfterStep audit = step -> {
                if (dialogOpen(session.driver())) {
                    return; // the browser's own dialog is not the page's: the next step answers it
                }
                // Only a screen not audited yet waits to settle and is audited: the others cost one look.
                if (audited.contains(candidate.id() + "\u0000" + AccessibilityAudit.screenOf(session.driver()))) {
                    return;
                }
                AccessibilityAudit.settle(session.driver());
                String screen = AccessibilityAudit.screenOf(session.driver());
                if (audited.add(candidate.id() + "\u0000" + screen)) {
                    screens.add(AccessibilityAudit.audit(session.driver(), screen, step));
                }
            };
            long deadline = System.nanoTime() + TaskRunner.SETUP_LIMIT.toNanos();
            StepRunner setup = new StepRunner(session.driver(), candidate, binding.fragments(), deadline);
            setup.run(binding.reset().steps(), values, "reset ");
            setup.run(path.setup(), values, "setup ");
            audit.after("start");
            new StepRunner(session.driver(), candidate, binding.fragments(), deadline, audit).run(path.steps(), values, "");
            return null;
        } catch (StepFailure f) {
            return "step " + f.step() + " could not be done again: " + f.getMessage();
        } catch (StepRunner.TimeLimitReached t) {
            return "the path took longer than " + TaskRunner.SETUP_LIMIT.toSeconds() + " s to do again";
        } catch (RuntimeException e) {
            return "the audit stopped: " + StepRunner.firstLine(e);
        }
    }
}
