package bedside.harness.measure;

import bedside.harness.record.PageEvent;
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
 *       it and the change, never the click on the option). A click no pointer made (Enter or Space on a
 *       button, Enter in a form's field, WebDriver's click on an {@code <option>}, a script's) has no press and
 *       is not one; nor is an option changed with the arrow keys (a change the recorder marks {@code via:
 *       keyboard});</li>
 *   <li>keystrokes: key presses, auto-repeat excluded, modifiers included (Shift+P is two keys);</li>
 *   <li>dialogs: the browser's own (alert, confirm, prompt) and the page's modal dialogs ({@code role=dialog},
 *       {@code role=alertdialog}, {@code <dialog open>}, {@code aria-modal=true}), each time one opens;</li>
 *   <li>validation errors: messages the page showed about the person's input — constraint validation,
 *       {@code aria-invalid} fields and {@code role=alert} messages — but not the candidate's warnings (a
 *       {@code role=alertdialog}, an alert whose id or class says "warn", or one the binding lists under
 *       {@code warnings}), which are counted apart as warnings, nor notices ({@code role=status},
 *       {@code aria-live=polite}, a success or information message such as a "Patient updated" toast), which are
 *       counted apart as notices;</li>
 *   <li>screens: distinct views, by the top-level document's path (with a hash router's route:
 *       {@code #/patients/1}) plus single-page route changes, counting the screen the attempt started on;</li>
 *   <li>system response: the union of the intervals in which the UI was busy — each top-level page from
 *       navigation start to the end of its load event, each script request from start to end, and each
 *       person's action until the page settled (its DOM quiet, the requests the action started answered: the
 *       recorder's {@code response} events, which is what a single-page app's response is made of) — so
 *       overlapping work is counted once;</li>
 *   <li>recorder errors: faults of Bedside's own in-page recorder ({@code recorder-error}), never counted against
 *       the candidate: reported so that a run whose recording may be incomplete can be told.</li>
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
        List<String> screensVisited,
        int notices,
        int recorderErrors) {

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
        int notices = 0;
        int recorderErrors = 0;
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
                case "notice" -> notices++;
                case "recorder-error" -> recorderErrors++;
                case "response" -> {
                    if (e.data().has("start") && e.data().has("end")) {
                        busy.add(new double[] {e.data().get("start").asDouble(), e.data().get("end").asDouble()});
                    }
                }
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
                dialogs, validation, warnings, systemResponse, Klm.totalMillis(klm), Klm.notation(klm), List.copyOf(screens),
                notices, recorderErrors);
    }

    /**
     * A choice made with the pointer in a single-choice native drop-down list ({@code <select>}); not one made with
     * the arrow keys on the closed list (the recorder marks that change {@code via: keyboard}).
     */
    static boolean isDropDownChoice(PageEvent e) {
        return "change".equals(e.type()) && "select".equals(e.targetText("tag")) && !"listbox".equals(e.targetText("role"))
                && !"keyboard".equals(e.text("via"));
    }

    /** A view's identity (see {@link bedside.reports.stats.PathMeasures#screen}). */
    public static String screen(String url) {
        return bedside.reports.stats.PathMeasures.screen(url);
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
