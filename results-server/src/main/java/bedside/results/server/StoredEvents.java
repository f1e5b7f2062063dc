package bedside.results.server;

import bedside.reports.documents.Accessibility;
import bedside.reports.run.RunReport;
import bedside.reports.stats.PathMeasures;
import bedside.results.EventRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an attempt's stored events say about the way it took: the screens in the order visited and the presses with
 * where they landed. Read the same way wherever they are needed (a session's measures as it ends, a report's path and
 * click maps long after), so that the two can never disagree. Only the task's own events count (phase {@code task}):
 * not the untimed sign-in before it, nor the checks after it.
 */
public final class StoredEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    /**
     * A primary press during the task, in viewport CSS pixels.
     *
     * @param atMs       when, from the task's start
     * @param screen     the screen it was on
     * @param actionable whether the recorder judged its target something a person can act on (null: recorded before
     *                   it judged targets)
     * @param target     the target's role and accessible name as the recorder described it, e.g. "button Save"
     */
    public record Press(double atMs, String screen, double x, double y, int viewportWidth, int viewportHeight,
                        Boolean actionable, String target) {
    }

    /** The screens of the task in the order visited, a screen repeated only when left and come back to. */
    public static List<String> screens(List<EventRecord> events) {
        List<String> visited = new ArrayList<>();
        for (EventRecord e : events) {
            JsonNode j = json(e);
            if (!"task".equals(j.path("phase").asText()) || !j.path("top").asBoolean(true)) {
                continue;
            }
            if (visited.isEmpty() && e.page() != null) {
                visited.add(PathMeasures.screen(e.page())); // the screen the task started on
            }
            String screen = screenChange(e, j);
            if (screen != null && (visited.isEmpty() || !visited.get(visited.size() - 1).equals(screen))) {
                visited.add(screen);
            }
        }
        return visited;
    }

    /** The screen the participant was on at a moment of the task (ms from its start), or null when none is known. */
    public static String screenAt(List<EventRecord> events, double atMs) {
        String screen = null;
        for (EventRecord e : events) {
            JsonNode j = json(e);
            if (!"task".equals(j.path("phase").asText()) || e.tMs() > atMs) {
                continue;
            }
            if (screen == null && e.page() != null) {
                screen = PathMeasures.screen(e.page());
            }
            String changed = j.path("top").asBoolean(true) ? screenChange(e, j) : null;
            screen = changed == null ? screen : changed;
        }
        return screen;
    }

    /** The task's primary presses made with a pointer (not a keyboard's Enter on a button), each with its screen. */
    public static List<Press> presses(List<EventRecord> events) {
        List<Press> presses = new ArrayList<>();
        String screen = null;
        // Presses recorded before the recorder stamped the window's size on them take it from the attempt's clicks.
        int[] window = {0, 0};
        for (EventRecord e : events) {
            JsonNode j = json(e);
            if (j.path("vw").asInt() > 0 && window[0] == 0) {
                window[0] = j.path("vw").asInt();
                window[1] = j.path("vh").asInt();
            }
        }
        for (EventRecord e : events) {
            JsonNode j = json(e);
            if (!"task".equals(j.path("phase").asText())) {
                continue;
            }
            if (screen == null && e.page() != null) {
                screen = PathMeasures.screen(e.page());
            }
            String changed = j.path("top").asBoolean(true) ? screenChange(e, j) : null;
            if (changed != null) {
                screen = changed;
            }
            int vw = j.path("vw").asInt(window[0]);
            int vh = j.path("vh").asInt(window[1]);
            if (e.type().equals("pointer-down") && j.path("button").asInt(0) == 0 && j.has("x") && vw > 0 && vh > 0) {
                JsonNode t = j.path("target");
                String target = (t.path("role").asText("") + " " + t.path("name").asText("")).strip();
                presses.add(new Press(e.tMs(), screen == null ? "?" : screen, j.path("x").asDouble(),
                        j.path("y").asDouble(), vw, vh,
                        t.path("actionable").isBoolean() ? t.path("actionable").asBoolean() : null,
                        target.isEmpty() ? t.path("tag").asText("?") : target));
            }
        }
        return presses;
    }

    /**
     * The pictures taken of the window when the observer marked a use error, by marker, and of the window an attempt
     * ended on when its checks found a critical use error (under {@link #FOUND_BY_CHECKS}) or where a step could not be
     * done ({@link #FOUND_AT_STEP}), each as a
     * {@code data:} address; a picture that is not plain base64 JPEG or PNG is left out (stored evidence is shown only
     * as the image it claims to be).
     */
    public static java.util.Map<String, String> screenshots(List<EventRecord> events) {
        java.util.Map<String, String> pictures = new java.util.HashMap<>();
        for (EventRecord e : events) {
            if (!e.type().equals("evidence-screenshot")) {
                continue;
            }
            JsonNode j = json(e);
            String format = j.path("format").asText();
            String image = j.path("image").asText();
            String key = j.hasNonNull("markerId") ? j.path("markerId").asText() : j.path("found").asText(null);
            if (key != null && (format.equals("jpeg") || format.equals("png")) && BASE64.matcher(image).matches()) {
                pictures.put(key, "data:image/" + format + ";base64," + image);
            }
        }
        return pictures;
    }

    /** The key of {@link #screenshots}' picture of the window an attempt ended on when its checks found a critical error. */
    public static final String FOUND_BY_CHECKS = "checks";

    /** The key of {@link #screenshots}' picture of the window where a step of the binding could not be done. */
    public static final String FOUND_AT_STEP = "step";

    /**
     * The software the candidate named when an attempt's clock stopped (its {@code candidate-version} event), e.g.
     * "Streamlined sample EHR 1.0.0"; null when the attempt has none or the candidate could not be asked.
     */
    public static String version(List<EventRecord> events) {
        for (EventRecord e : events) {
            if (e.type().equals("candidate-version")) {
                JsonNode j = json(e);
                if (j.hasNonNull("name")) {
                    return j.path("name").asText() + (j.hasNonNull("version") ? " " + j.path("version").asText() : "");
                }
            }
        }
        return null;
    }

    /** Why the candidate could not be asked its version at this attempt, or null when it could (or was not asked). */
    public static String versionProblem(List<EventRecord> events) {
        for (EventRecord e : events) {
            if (e.type().equals("candidate-version")) {
                return json(e).path("problem").asText(null);
            }
        }
        return null;
    }

    /**
     * The accessibility audits in an attempt's events ({@code bedside run --a11y}), one per screen audited, each with
     * its faults: an {@code a11y-screen} event and the {@code a11y-violation} events after it that name its screen.
     * A picture that is not plain base64 JPEG or PNG is left out.
     *
     * @param candidate the attempt's candidate; @param task its task
     */
    public static List<Accessibility.ScreenAudit> audits(String candidate, String task, List<EventRecord> events) {
        java.util.Map<String, List<RunReport.Fault>> faults = new java.util.LinkedHashMap<>();
        java.util.Map<String, JsonNode> screens = new java.util.LinkedHashMap<>();
        for (EventRecord e : events) {
            if (!e.type().startsWith("a11y-")) continue;
            JsonNode j = json(e);
            String screen = j.path("screen").asText();
            if (e.type().equals("a11y-screen")) {
                screens.put(screen, j);
                faults.put(screen, new ArrayList<>());
            } else if (e.type().equals("a11y-violation") && faults.containsKey(screen)) {
                List<String> criteria = new ArrayList<>();
                j.path("criteria").forEach(c -> criteria.add(c.asText()));
                faults.get(screen).add(new RunReport.Fault(candidate, j.path("impact").asText("unknown"),
                        j.path("rule").asText(), j.path("help").asText(), j.path("helpUrl").asText(null), criteria, screen,
                        j.path("selector").asText(), j.path("html").asText(), task, j.path("step").asText()));
            }
        }
        List<Accessibility.ScreenAudit> out = new ArrayList<>();
        screens.forEach((screen, j) -> {
            String picture = dataAddress(j.path("picture"));
            out.add(new Accessibility.ScreenAudit(screen, task, j.path("step").asText(), picture, faults.get(screen)));
        });
        return out;
    }

    /**
     * The screens an attempt's accessibility audit pictured as shown, nothing marked (its {@code a11y-screen} events'
     * views), each with the viewport it shows.
     */
    public static List<bedside.reports.documents.VendorReport.ScreenView> views(List<EventRecord> events) {
        List<bedside.reports.documents.VendorReport.ScreenView> out = new ArrayList<>();
        for (EventRecord e : events) {
            if (!e.type().equals("a11y-screen")) continue;
            JsonNode j = json(e);
            JsonNode v = j.path("view");
            String image = dataAddress(v);
            int width = v.path("width").asInt();
            int height = v.path("height").asInt();
            if (image != null && width > 0 && height > 0) {
                out.add(new bedside.reports.documents.VendorReport.ScreenView(j.path("screen").asText(), width, height,
                        image));
            }
        }
        return out;
    }

    /** A stored picture ({@code format}, base64 {@code image}) as a data address, or null when it is not a JPEG or PNG. */
    private static String dataAddress(JsonNode picture) {
        String format = picture.path("format").asText();
        String image = picture.path("image").asText();
        return (format.equals("jpeg") || format.equals("png")) && BASE64.matcher(image).matches()
                ? "data:image/" + format + ";base64," + image : null;
    }

    /** Why an attempt's accessibility audit could not finish, or null when it did (or none was made). */
    public static String auditProblem(List<EventRecord> events) {
        for (EventRecord e : events) {
            if (e.type().equals("a11y-incomplete")) return json(e).path("problem").asText(null);
        }
        return null;
    }

    private static final java.util.regex.Pattern BASE64 = java.util.regex.Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** The screen an event moves to, or null when it moves to none. */
    private static String screenChange(EventRecord e, JsonNode j) {
        String url = switch (e.type()) {
            case "page-start" -> e.page();
            case "route" -> j.path("to").asText(null);
            default -> null;
        };
        return url == null ? null : PathMeasures.screen(url);
    }

    /** An event's data; an unreadable one as empty (stored events are evidence: read what can be read). */
    public static JsonNode json(EventRecord e) {
        try {
            return JSON.readTree(e.json());
        } catch (IOException x) {
            return JSON.createObjectNode();
        }
    }
}
