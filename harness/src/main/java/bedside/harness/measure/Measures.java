package bedside.harness.measure;

import bedside.harness.record.PageEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one attempt measured, derived only from events the page recorded (never from the steps the
 * driving script meant to perform).
 *
 * <ul>
 *   <li>clicks: primary-button presses (pointer down), so a label click that the browser forwards to its
 *       control counts once, as a person's click does; plus one per option chosen in a native drop-down
 *       list, whose pop-up is drawn by the browser outside the page (the page sees the click that opens
 *       it and the change, never the click on the option);</li>
 *   <li>keystrokes: key presses, auto-repeat excluded, modifiers included (Shift+P is two keys);</li>
 *   <li>validation errors: messages the page showed about the person's input — constraint validation,
 *       {@code aria-invalid} fields and {@code role=alert} messages — but not the candidate's warnings (a
 *       {@code role=alertdialog}, an alert whose id or class says "warn", or one the binding lists under
 *       {@code warnings}), which are counted apart as warnings;</li>
 *   <li>screens: distinct views, by the top-level document's path plus single-page route changes,
 *       counting the screen the attempt started on;</li>
 *   <li>system response: the union of the intervals in which the UI was busy — each top-level page from
 *       navigation start to the end of its load event, each script request from start to end — so
 *       overlapping work is counted once.</li>
 * </ul>
 */
public record Measures(
        long timeMs,
        int clicks,
        int keystrokes,
        int screens,
        int pageLoads,
        long scrollPx,
        int dialogs,
        int validationErrors,
        int warnings,
        long systemResponseMs,
        long klmMs,
        String klmNotation,
        List<String> screensVisited) {

    /**
     * @param events the attempt's events, ordered, all at or after {@code start}
     * @param start  browser time (epoch ms) when the attempt's clock started
     * @param end    browser time when the attempt ended
     * @param startUrl the URL of the page the attempt started on, or null
     */
    public static Measures of(List<PageEvent> events, double start, double end, String startUrl) {
        int clicks = 0;
        int keys = 0;
        int pageLoads = 0;
        long scroll = 0;
        int dialogs = 0;
        int validation = 0;
        int warnings = 0;
        Set<String> screens = new LinkedHashSet<>();
        if (startUrl != null) {
            screens.add(screen(startUrl));
        }
        List<double[]> busy = new ArrayList<>();
        Map<String, Double> requestStarts = new HashMap<>();
        for (PageEvent e : events) {
            switch (e.type()) {
                case "pointer-down" -> {
                    if (e.data().path("button").asInt(0) == 0) {
                        clicks++;
                    }
                }
                case "key" -> {
                    if (!e.data().path("repeat").asBoolean(false)) {
                        keys++;
                    }
                }
                case "page-start" -> {
                    if (e.top()) {
                        pageLoads++;
                        screens.add(screen(e.url()));
                    }
                }
                case "page-load" -> {
                    if (e.top() && e.data().has("origin") && e.data().has("loadEnd")) {
                        double origin = e.data().get("origin").asDouble();
                        busy.add(new double[] {origin, origin + e.data().get("loadEnd").asDouble()});
                    }
                }
                case "route" -> {
                    if (e.top()) {
                        screens.add(screen(e.text("to")));
                    }
                }
                case "change" -> {
                    if (isDropDownChoice(e)) {
                        clicks++;
                    }
                }
                case "scroll" -> scroll += e.data().path("distance").asLong();
                case "dialog-open" -> dialogs++;
                case "validation" -> validation++;
                case "warning" -> warnings++;
                case "request-start" -> requestStarts.put(e.doc() + "#" + e.data().path("id").asText(), e.t());
                case "request-end" -> {
                    Double s = requestStarts.remove(e.doc() + "#" + e.data().path("id").asText());
                    if (s != null) {
                        busy.add(new double[] {s, e.t()});
                    }
                }
                default -> { }
            }
        }
        long systemResponse = Math.round(unionLength(busy, start, end));
        List<Klm.Operator> klm = Klm.predict(events, systemResponse);
        return new Measures(Math.max(0, Math.round(end - start)), clicks, keys, screens.size(), pageLoads, scroll,
                dialogs, validation, warnings, systemResponse, Klm.totalMillis(klm), Klm.notation(klm), List.copyOf(screens));
    }

    /** A choice made in a single-choice native drop-down list ({@code <select>}). */
    static boolean isDropDownChoice(PageEvent e) {
        return "change".equals(e.type()) && "select".equals(e.targetText("tag")) && !"listbox".equals(e.targetText("role"));
    }

    /** A view's identity: the URL without query or fragment (one chart screen, whichever patient). */
    static String screen(String url) {
        if (url == null) {
            return "?";
        }
        try {
            URI u = URI.create(url);
            return u.getPath() == null || u.getPath().isEmpty() ? url : u.getPath();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Total length of the union of intervals, clipped to [from, to]. */
    static double unionLength(List<double[]> intervals, double from, double to) {
        List<double[]> clipped = new ArrayList<>();
        for (double[] i : intervals) {
            double a = Math.max(i[0], from);
            double b = Math.min(i[1], to);
            if (b > a) {
                clipped.add(new double[] {a, b});
            }
        }
        clipped.sort(Comparator.comparingDouble(i -> i[0]));
        double total = 0;
        double curStart = Double.NaN;
        double curEnd = Double.NaN;
        for (double[] i : clipped) {
            if (Double.isNaN(curStart) || i[0] > curEnd) {
                if (!Double.isNaN(curStart)) {
                    total += curEnd - curStart;
                }
                curStart = i[0];
                curEnd = i[1];
            } else {
                curEnd = Math.max(curEnd, i[1]);
            }
        }
        if (!Double.isNaN(curStart)) {
            total += curEnd - curStart;
        }
        return total;
    }
}
