package bedside.reports.documents;

import java.util.Map;

/**
 * The success criteria of WCAG 2.2 at levels A and AA (and the few AAA ones axe-core names), by number, as W3C names them
 * (https://www.w3.org/TR/WCAG22/), so a report reads "1.4.3 Contrast (Minimum), AA" rather than a bare number.
 * 4.1.1 Parsing is kept: axe-core still tags rules with it for WCAG 2.0 and 2.1, though 2.2 removed it.
 */
public final class Wcag {
    private static final Map<String, String> CRITERIA = Map.ofEntries(
            Map.entry("1.1.1", "Non-text Content, A"),
            Map.entry("1.2.1", "Audio-only and Video-only (Prerecorded), A"),
            Map.entry("1.2.2", "Captions (Prerecorded), A"),
            Map.entry("1.2.3", "Audio Description or Media Alternative (Prerecorded), A"),
            Map.entry("1.2.4", "Captions (Live), AA"),
            Map.entry("1.2.5", "Audio Description (Prerecorded), AA"),
            Map.entry("1.3.1", "Info and Relationships, A"),
            Map.entry("1.3.2", "Meaningful Sequence, A"),
            Map.entry("1.3.3", "Sensory Characteristics, A"),
            Map.entry("1.3.4", "Orientation, AA"),
            Map.entry("1.3.5", "Identify Input Purpose, AA"),
            Map.entry("1.4.1", "Use of Color, A"),
            Map.entry("1.4.2", "Audio Control, A"),
            Map.entry("1.4.3", "Contrast (Minimum), AA"),
            Map.entry("1.4.4", "Resize Text, AA"),
            Map.entry("1.4.5", "Images of Text, AA"),
            Map.entry("1.4.10", "Reflow, AA"),
            Map.entry("1.4.11", "Non-text Contrast, AA"),
            Map.entry("1.4.12", "Text Spacing, AA"),
            Map.entry("1.4.13", "Content on Hover or Focus, AA"),
            Map.entry("2.1.1", "Keyboard, A"),
            Map.entry("2.1.2", "No Keyboard Trap, A"),
            Map.entry("2.1.4", "Character Key Shortcuts, A"),
            Map.entry("2.2.1", "Timing Adjustable, A"),
            Map.entry("2.2.2", "Pause, Stop, Hide, A"),
            Map.entry("2.3.1", "Three Flashes or Below Threshold, A"),
            Map.entry("2.4.1", "Bypass Blocks, A"),
            Map.entry("2.4.2", "Page Titled, A"),
            Map.entry("2.4.3", "Focus Order, A"),
            Map.entry("2.4.4", "Link Purpose (In Context), A"),
            Map.entry("2.4.5", "Multiple Ways, AA"),
            Map.entry("2.4.6", "Headings and Labels, AA"),
            Map.entry("2.4.7", "Focus Visible, AA"),
            Map.entry("2.4.11", "Focus Not Obscured (Minimum), AA"),
            Map.entry("2.5.1", "Pointer Gestures, A"),
            Map.entry("2.5.2", "Pointer Cancellation, A"),
            Map.entry("2.5.3", "Label in Name, A"),
            Map.entry("2.5.4", "Motion Actuation, A"),
            Map.entry("2.5.7", "Dragging Movements, AA"),
            Map.entry("2.5.8", "Target Size (Minimum), AA"),
            Map.entry("3.1.1", "Language of Page, A"),
            Map.entry("3.1.2", "Language of Parts, AA"),
            Map.entry("3.2.1", "On Focus, A"),
            Map.entry("3.2.2", "On Input, A"),
            Map.entry("3.2.3", "Consistent Navigation, AA"),
            Map.entry("3.2.4", "Consistent Identification, AA"),
            Map.entry("3.2.6", "Consistent Help, A"),
            Map.entry("3.3.1", "Error Identification, A"),
            Map.entry("3.3.2", "Labels or Instructions, A"),
            Map.entry("3.3.3", "Error Suggestion, AA"),
            Map.entry("3.3.4", "Error Prevention (Legal, Financial, Data), AA"),
            Map.entry("3.3.7", "Redundant Entry, A"),
            Map.entry("3.3.8", "Accessible Authentication (Minimum), AA"),
            Map.entry("4.1.1", "Parsing (WCAG 2.0 and 2.1; removed in 2.2), A"),
            Map.entry("4.1.2", "Name, Role, Value, A"),
            Map.entry("4.1.3", "Status Messages, AA"),
            // Level AAA criteria that axe-core's A/AA rules also name among their tags
            Map.entry("1.4.6", "Contrast (Enhanced), AAA"),
            Map.entry("2.1.3", "Keyboard (No Exception), AAA"),
            Map.entry("2.4.9", "Link Purpose (Link Only), AAA"),
            Map.entry("2.5.5", "Target Size (Enhanced), AAA"));

    private Wcag() {
    }

    /**
     * The criteria an audit at levels A and AA can say a rule fails: its AAA ones left out (axe-core tags
     * {@code scrollable-region-focusable}, an A rule, with 2.1.1 and also 2.1.3, Keyboard (No Exception), AAA), unless
     * the rule names nothing else.
     */
    public static java.util.List<String> atAOrAa(java.util.List<String> criteria) {
        java.util.List<String> kept = criteria.stream().filter(c -> !CRITERIA.getOrDefault(c, "").endsWith(", AAA"))
                .toList();
        return kept.isEmpty() ? java.util.List.copyOf(criteria) : kept;
    }

    /** The criterion's name and level, or what can be said of a number that is not one of them. */
    static String name(String criterion) {
        if (criterion.equals("—")) return "no single criterion (axe-core's rule tests WCAG in general)";
        return CRITERIA.getOrDefault(criterion, "a criterion beyond level AA, or not in WCAG 2.2");
    }

    /** WCAG's order: 1.4.3 before 1.4.10. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(number(x[i]), number(y[i]));
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // "—" last
        }
    }
}
