package bedside.harness.record;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event as the page recorded it.
 *
 * @param doc      the id the recorder gave the document it ran in (one per page load, tab or frame)
 * @param batch    the document's message sequence number, for ordering
 * @param index    the event's place within its message
 * @param t        when it happened, in the browser's high-resolution epoch milliseconds
 * @param url      the document's address when it happened (a single-page app's route at that moment)
 * @param received when the JVM received it ({@link System#nanoTime()}), for latency figures
 * @param data     the event's own fields (without {@code type} and {@code t})
 */
public record PageEvent(String doc, boolean top, long batch, int index, double t, String type, String url,
                        long received, ObjectNode data) {

    public String text(String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    public String targetText(String field) {
        var target = data.get("target");
        return target != null && target.hasNonNull(field) ? target.get(field).asText() : null;
    }
}
