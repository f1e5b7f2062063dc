package bedside.results.server;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.reports.replay.ReplayPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an attempt's replay page puts on the player's timeline and lists under it: the moments its recorded events say
 * something happened (a click, a new screen, a dialog, a message, an error), the start of its clock, and the
 * observer's and moderator's markers. Times come from the attempt's clock (its events' and markers' {@code tMs}),
 * placed on the replay's clock by when the attempt's clock started.
 */
final class ReplayMarks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayMarks() {
    }

    static List<ReplayPage.Mark> of(AttemptRecord attempt, List<EventRecord> events, List<MarkerRecord> markers) {
        long zero = attempt.startedAt().toEpochMilli();
        List<ReplayPage.Mark> marks = new ArrayList<>();
        marks.add(mark(zero, 0, "clock", "the task's clock starts"));
        String typingInto = null; // the field typed into: its keys are one mark, at the first (what was typed: never)
        for (EventRecord e : events) {
            JsonNode d = data(e);
            if ("after".equals(d.path("phase").asText())) {
                continue; // added after the attempt (its software version, a picture): not on its timeline
            }
            if (e.type().equals("input")) {
                String field = e.page() + "\u0000" + d.path("target").path("key").asText(d.path("target").path("css").asText());
                if (!field.equals(typingInto)) {
                    marks.add(mark(zero, e.tMs(), "typing", "typing in " + target(d.path("target"))));
                }
                typingInto = field;
                continue;
            }
            if (e.type().equals("click") || e.type().equals("page-start") || e.type().equals("route")) {
                typingInto = null;
            }
            if (e.type().equals("pointer-down") && d.path("button").asInt(0) == 0
                    && d.path("target").path("actionable").isBoolean() && !d.path("target").path("actionable").asBoolean()) {
                // A press on nothing a person can act on: a misclick in the session's measures (SessionMeasures).
                marks.add(mark(zero, e.tMs(), "misclick", "press on " + target(d.path("target")) + ", nothing to act on"));
                continue;
            }
            String label = label(e, d);
            if (label != null) {
                marks.add(mark(zero, e.tMs(), kind(e.type()), label));
            }
        }
        for (MarkerRecord m : markers) {
            if (attempt.attemptId().equals(m.attemptId()) && m.tMs() != null) {
                marks.add(mark(zero, m.tMs(), m.kind(), "marked by the " + m.by()
                        + (m.note() == null || m.note().isBlank() ? "" : ": " + m.note())));
            }
        }
        marks.sort(Comparator.comparingDouble(ReplayPage.Mark::tMs));
        return List.copyOf(marks);
    }

    private static ReplayPage.Mark mark(long zero, double tMs, String kind, String label) {
        return new ReplayPage.Mark(zero + Math.round(tMs), tMs, kind, label);
    }

    /** What kind of moment an event is, on the timeline (its colour) and in the list: never "step" for a person's act. */
    private static String kind(String type) {
        return switch (type) {
            case "validation", "js-error", "network-error" -> "error";
            case "click" -> "click";
            case "page-start", "route" -> "screen";
            case "dialog-open" -> "dialog";
            default -> "notice";
        };
    }

    /** The event in words, or null for an event the timeline leaves out (keys, scrolls, requests...). */
    private static String label(EventRecord e, JsonNode d) {
        boolean top = d.path("top").asBoolean(true);
        return switch (e.type()) {
            case "click" -> "click on " + target(d.path("target"));
            case "page-start" -> top ? "new page " + path(e.page()) : null;
            case "route" -> top ? "new screen " + path(d.path("to").asText(e.page())) : null;
            case "dialog-open" -> "dialog opens" + text(d, "message");
            case "validation" -> "validation message" + text(d, "text");
            case "warning" -> "warning" + text(d, "text");
            case "js-error" -> "error in the page" + text(d, "message");
            case "network-error" -> "request failed: " + d.path("status").asText("no answer") + " "
                    + path(d.path("url").asText(""));
            default -> null;
        };
    }

    private static String target(JsonNode t) {
        String role = t.path("role").asText("");
        String name = t.path("name").asText("");
        String what = role.isEmpty() ? t.path("tag").asText("element") : role;
        return name.isEmpty() ? what : what + " \u201c" + name + "\u201d";
    }

    private static String text(JsonNode d, String field) {
        String s = d.path(field).asText("");
        return s.isBlank() ? "" : ": " + (s.length() > 120 ? s.substring(0, 120) + "\u2026" : s);
    }

    /**
     * A page's address without its origin (the candidate's host says nothing here) and without its query or fragment
     * (a candidate may put what was typed there: {@code ?status=Patient registered: <name>}).
     */
    static String path(String url) {
        if (url == null) {
            return "";
        }
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
        String path = slash < 0 ? "/" : url.substring(slash);
        int cut = path.length();
        for (char c : new char[] {'?', '#'}) {
            int at = path.indexOf(c);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return path.substring(0, cut);
    }

    private static JsonNode data(EventRecord e) {
        try {
            return JSON.readTree(e.json());
        } catch (Exception unreadable) {
            return JSON.createObjectNode();
        }
    }
}
