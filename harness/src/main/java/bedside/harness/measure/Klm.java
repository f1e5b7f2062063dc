package bedside.harness.measure;

import bedside.harness.record.PageEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The Keystroke-Level Model's prediction of how long a skilled user would take for the actions the
 * browser actually recorded (Card, Moran &amp; Newell, <i>The Psychology of Human-Computer Interaction</i>,
 * 1983, ch. 8; Card, Moran &amp; Newell, CACM 23(7), 1980). Compare CogTool, which builds the same model from
 * a demonstration and uses Fitts' law for pointing; here P is the constant 1.1 s.
 *
 * <p>Operators (seconds): K keystroke 0.28 (average non-secretary typist), P point 1.10, B button press or
 * release 0.10 (a click is BB), H home hands between mouse and keyboard 0.40, M mental preparation 1.35,
 * R system response as measured.
 *
 * <p>Placement of M (after CMN's heuristic rules 0–4, simplified to what a recording shows):
 * <ol>
 *   <li>M before every click that selects a command (a button, link, menu item, option, checkbox...);
 *       pointing into a text field to type is not a command, so it gets no M (rule 1: the point is
 *       anticipated by the typing that follows).</li>
 *   <li>A typed string is one cognitive unit: one M before its first character (rule 3). It goes on however the page
 *       moves the focus while it is typed — a segmented date field advancing from day to year, a component library
 *       re-rendering the field or adding siblings around it, an input mask — since the person decided nothing there
 *       (and which element a key lands on then depends on how fast the page moves the focus, not on the person). It
 *       ends with a click, Enter or Tab, or any other key.</li>
 *   <li>Enter or Tab right after a typed string is a redundant terminator: no M (rule 3). It ends the string even
 *       when the browser names another element as its target (a time picker's popup that took focus as the
 *       string completed): the person pressed it to finish what they typed.</li>
 *   <li>Any other key gets an M.</li>
 *   <li>Choosing an option in an open drop-down list is P B B with no M: the decision was made when the
 *       list was opened (rule 2, one cognitive unit).</li>
 * </ol>
 * The hands start on the mouse; H is added whenever the next action needs the other device.
 */
public final class Klm {
    public static final double K = 0.28;
    public static final double P = 1.10;
    public static final double B = 0.10;
    public static final double H = 0.40;
    public static final double M = 1.35;

    private Klm() {}

    /** One operator in the predicted sequence. */
    public record Operator(char code, double seconds, String because) {}

    /** The predicted sequence for the given user actions, R (measured system response) added last. */
    public static List<Operator> predict(List<PageEvent> events, long systemResponseMs) {
        List<Operator> ops = new ArrayList<>();
        boolean handOnMouse = true;
        boolean typing = false; // a typed string is under way (see the rules above)
        for (PageEvent e : events) {
            if (e.type().equals("pointer-down")) {
                String what = describe(e);
                if (!handOnMouse) {
                    ops.add(new Operator('H', H, "hand to mouse"));
                    handOnMouse = true;
                }
                if (!isTextEntry(e)) {
                    ops.add(new Operator('M', M, "decide to select " + what));
                }
                ops.add(new Operator('P', P, "point at " + what));
                ops.add(new Operator('B', B, "press"));
                ops.add(new Operator('B', B, "release"));
                typing = false;
            } else if (Measures.isDropDownChoice(e)) {
                ops.add(new Operator('P', P, "point at the option in " + describe(e)));
                ops.add(new Operator('B', B, "press"));
                ops.add(new Operator('B', B, "release"));
            } else if (e.type().equals("key") && !e.data().path("repeat").asBoolean(false)) {
                String keyClass = e.text("keyClass");
                if (handOnMouse) {
                    ops.add(new Operator('H', H, "hand to keyboard"));
                    handOnMouse = false;
                }
                if ("character".equals(keyClass) || "modifier".equals(keyClass) || "editing".equals(keyClass)) {
                    if (!typing) {
                        ops.add(new Operator('M', M, "decide what to type"));
                    }
                    ops.add(new Operator('K', K, keyClass));
                    typing = true;
                } else if (("enter".equals(keyClass) || "tab".equals(keyClass)) && typing) {
                    ops.add(new Operator('K', K, keyClass + " ends the typed string"));
                    typing = false;
                } else {
                    ops.add(new Operator('M', M, "decide to press " + e.text("key")));
                    ops.add(new Operator('K', K, String.valueOf(e.text("key"))));
                    typing = false;
                }
            }
        }
        if (systemResponseMs > 0) {
            ops.add(new Operator('R', systemResponseMs / 1000.0, "system response, as measured"));
        }
        return ops;
    }

    public static long totalMillis(List<Operator> ops) {
        return Math.round(ops.stream().mapToDouble(Operator::seconds).sum() * 1000);
    }

    /** The sequence in CMN notation, e.g. {@code H M P B B M K K K}. */
    public static String notation(List<Operator> ops) {
        StringBuilder sb = new StringBuilder();
        for (Operator op : ops) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(op.code());
        }
        return sb.toString();
    }

    private static boolean isTextEntry(PageEvent e) {
        String role = e.targetText("role");
        String tag = e.targetText("tag");
        String type = e.targetText("inputType");
        if ("textarea".equals(tag)) {
            return true;
        }
        if ("input".equals(tag)) {
            return type == null || !type.matches("checkbox|radio|submit|button|reset|file|image|range|color");
        }
        return "textbox".equals(role) || "searchbox".equals(role);
    }

    private static String describe(PageEvent e) {
        String name = e.targetText("name");
        String role = e.targetText("role");
        return (role == null ? e.targetText("tag") : role) + (name == null || name.isEmpty() ? "" : " \"" + name + "\"");
    }
}
