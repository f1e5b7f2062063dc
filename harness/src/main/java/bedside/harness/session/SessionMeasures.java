package bedside.harness.session;

import bedside.harness.measure.Measures;
import bedside.reports.stats.PathMeasures;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.SessionFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 *       expert path's different screens;</li>
 *   <li>misclicks: primary presses whose target is nothing actionable (the recorder judges it in the page: no link,
 *       control, label, widget role, click handler attribute, focusable element or pointer cursor).</li>
 * </ul>
 */
public final class SessionMeasures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionMeasures() {}

    /** The expert path's figures a session's attempts are compared with. */
    public record ExpertPath(long actions, long klmMs, Set<String> screens) {
        public static ExpertPath of(AttemptRecord expert, List<EventRecord> events) {
            return new ExpertPath((long) expert.clicks() + expert.keystrokes(), expert.klmMs(),
                    new LinkedHashSet<>(SessionMeasures.screens(events)));
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
        Double lostness = finite(PathMeasures.lostness(visited, expert.screens().size()));
        PathMeasures.Success success = PathMeasures.success(attempt.outcome() == Outcome.SUCCESS, visited, expert.screens());
        return new SessionFacts(participantSaid, path, time, success == PathMeasures.Success.NONE ? null
                : success.name().toLowerCase(java.util.Locale.ROOT), lostness, misclicks);
    }

    /** The screens of the task's part of an attempt (phase {@code task}), in the order visited, revisits counted. */
    public static List<String> screens(List<EventRecord> events) {
        List<String> visited = new ArrayList<>();
        for (EventRecord e : events) {
            JsonNode j = json(e);
            if (!"task".equals(j.path("phase").asText()) || !j.path("top").asBoolean(true)) {
                continue;
            }
            if (visited.isEmpty() && e.page() != null) {
                visited.add(Measures.screen(e.page())); // the screen the task started on
            }
            String url = switch (e.type()) {
                case "page-start" -> e.page();
                case "route" -> j.path("to").asText(null);
                default -> null;
            };
            if (url == null) {
                continue;
            }
            String screen = Measures.screen(url);
            if (visited.isEmpty() || !visited.get(visited.size() - 1).equals(screen)) {
                visited.add(screen);
            }
        }
        return visited;
    }

    /** Primary-button presses during the task on nothing actionable. */
    public static int misclicks(List<EventRecord> events) {
        int n = 0;
        for (EventRecord e : events) {
            if (!e.type().equals("pointer-down")) {
                continue;
            }
            JsonNode j = json(e);
            if ("task".equals(j.path("phase").asText()) && j.path("button").asInt(0) == 0
                    && j.path("target").path("actionable").isBoolean() && !j.path("target").path("actionable").asBoolean()) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode json(EventRecord e) {
        try {
            return JSON.readTree(e.json());
        } catch (IOException x) {
            return JSON.createObjectNode();
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
