package bedside.harness.session;

import bedside.harness.measure.Measures;
import bedside.reports.stats.PathMeasures;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.SessionFacts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a session's attempt is measured against: the expert path's attempt at the same task on the same candidate
 * (its actions, its KLM time, its screens). Derived from stored events only, so the same figures come out whenever
 * they are computed again.
 *
 * <ul>
 *   <li>actions: clicks + keystrokes (as {@link Measures} counts them); path deviation = the participant's ÷ the
 *       expert path's;</li>
 *   <li>time deviation: the task time ÷ the expert path's KLM time (the optimal time, as the CHPL task table
 *       has it);</li>
 *   <li>screens: the task's top-level pages and single-page routes in the order visited, a screen counted again when
 *       it is come back to (not when it reloads in place); lostness and direct/indirect success from them and the
 *       expert path's different screens (the revisits the expert path makes itself are needed ones, not counted
 *       against lostness);</li>
 *   <li>misclicks: primary presses on nothing actionable (the recorder judges it in the page: no link, control,
 *       label, widget role, click handler attribute, focusable element or pointer cursor), and dead clicks — presses
 *       on something actionable (not a form field, which a press focuses) that changed nothing (no response from the
 *       page, no new screen within {@value #EFFECT_MILLIS} ms), after which the participant left the screen without
 *       typing or choosing anything on it.</li>
 * </ul>
 */
public final class SessionMeasures {

    private SessionMeasures() {}

    /**
     * The expert path's figures a session's attempts are compared with.
     *
     * @param screens  the expert path's different screens
     * @param revisits how often the expert path itself comes back to a screen (its screens visited less its different
     *                 ones): revisits the task needs, not counted against a participant's lostness
     */
    public record ExpertPath(long actions, long klmMs, Set<String> screens, int revisits) {
        public static ExpertPath of(AttemptRecord expert, List<EventRecord> events) {
            List<String> visited = SessionMeasures.screens(events);
            Set<String> different = new LinkedHashSet<>(visited);
            return new ExpertPath((long) expert.clicks() + expert.keystrokes(), expert.klmMs(), different,
                    visited.size() - different.size());
        }
    }

    /**
     * The session facts of one attempt.
     *
     * @param expert the expert path of the task on the candidate, or null when none is known (then only what the
     *               participant said and the misclicks are given)
     */
    public static SessionFacts of(String participantSaid, AttemptRecord attempt, List<EventRecord> events,
                                  ExpertPath expert) {
        int misclicks = misclicks(events);
        if (expert == null) {
            return new SessionFacts(participantSaid, null, null, null, null, misclicks);
        }
        List<String> visited = screens(events);
        Double path = finite(PathMeasures.pathDeviation((long) attempt.clicks() + attempt.keystrokes(), expert.actions()));
        Double time = finite(PathMeasures.timeDeviation(attempt.timeMs(), expert.klmMs()));
        Double lostness = finite(PathMeasures.lostness(visited, expert.screens().size(), expert.revisits()));
        PathMeasures.Success success = PathMeasures.success(attempt.outcome() == Outcome.SUCCESS, visited, expert.screens());
        return new SessionFacts(participantSaid, path, time, success == PathMeasures.Success.NONE ? null
                : success.name().toLowerCase(java.util.Locale.ROOT), lostness, misclicks);
    }

    /** The screens of the task's part of an attempt (phase {@code task}), in the order visited, revisits counted. */
    public static List<String> screens(List<EventRecord> events) {
        return bedside.results.server.StoredEvents.screens(events);
    }

    /** How soon a press's effect must show (a response from the page, a new screen) for the press to have had one. */
    static final long EFFECT_MILLIS = 2000;
    /**
     * A response belongs to the press that started it: it starts when the recorder's handler for the press ran, which
     * is after the press's own time (the browser's event.timeStamp) by the handler's delay — up to a few hundred ms on
     * a busy page.
     */
    private static final double HANDLER_DELAY_MS = 1000;
    private static final java.util.Set<String> FIELDS = java.util.Set.of("input", "select", "textarea", "label", "option");
    private static final java.util.Set<String> FIELD_ROLES = java.util.Set.of("textbox", "searchbox", "combobox",
            "checkbox", "radio", "switch", "slider", "spinbutton", "option");

    /** Misclicks during the task: presses on nothing actionable, and dead clicks (see the class comment). */
    public static int misclicks(List<EventRecord> events) {
        List<EventRecord> task = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        for (EventRecord e : events) {
            JsonNode j = json(e);
            if ("task".equals(j.path("phase").asText())) {
                task.add(e);
                data.add(j);
            }
        }
        int n = 0;
        for (int i = 0; i < task.size(); i++) {
            JsonNode j = data.get(i);
            if (!task.get(i).type().equals("pointer-down") || j.path("button").asInt(0) != 0
                    || !j.path("target").path("actionable").isBoolean()) {
                continue; // not a primary press, or recorded before the recorder judged targets: never counted
            }
            if (!j.path("target").path("actionable").asBoolean() || dead(task, data, i)) {
                n++;
            }
        }
        return n;
    }

    /** A press on something actionable that changed nothing, after which the participant left the screen. */
    private static boolean dead(List<EventRecord> task, List<JsonNode> data, int press) {
        JsonNode target = data.get(press).path("target");
        if (FIELDS.contains(target.path("tag").asText()) || FIELD_ROLES.contains(target.path("role").asText())) {
            return false;
        }
        double t = task.get(press).tMs();
        for (int k = press + 1; k < task.size(); k++) {
            EventRecord e = task.get(k);
            JsonNode j = data.get(k);
            boolean screen = (e.type().equals("page-start") || e.type().equals("route")) && j.path("top").asBoolean(true);
            if (e.type().equals("response") && e.tMs() >= t - 1 && e.tMs() - t < HANDLER_DELAY_MS) {
                return false; // the page answered the press (a response is stamped with when its action was handled)
            }
            if (screen) {
                // A new screen soon after is the press's effect; later, the participant left with nothing done here.
                return e.tMs() - t > EFFECT_MILLIS;
            }
            if (e.type().equals("key") || e.type().equals("change") || e.type().equals("input")) {
                return false; // the participant went on working on this screen
            }
        }
        return false; // still on the screen at the end: not left
    }

    private static JsonNode json(EventRecord e) {
        return bedside.results.server.StoredEvents.json(e);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
