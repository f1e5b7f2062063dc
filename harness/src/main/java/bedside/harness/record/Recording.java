package bedside.harness.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the in-page recorder has sent for one browser session, in the order it happened.
 * Messages reach it on several threads and out of order (the DevTools connection and the recorder's own resending), so it
 * stores under a lock and sorts by the page's own timestamps when asked.
 */
public final class Recording {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<PageEvent> ORDER = Comparator.comparingDouble(PageEvent::t)
            .thenComparing(PageEvent::doc).thenComparingLong(PageEvent::batch).thenComparingInt(PageEvent::index);

    private final List<PageEvent> events = new ArrayList<>();
    /** How many of {@link #events} (in arrival order) {@link #takeNew()} has handed out. */
    private int taken;
    private final Map<String, Long> receivedPerDoc = new HashMap<>();
    private final List<String> malformed = new ArrayList<>();
    private final java.util.Set<String> batches = new java.util.HashSet<>();
    private final Map<String, Long> contiguous = new HashMap<>();
    private long duplicates;
    private final AtomicLong messages = new AtomicLong();

    /**
     * Takes one channel message: a JSON string {doc, top, seq, url, events: [...]}, where {@code url} is the document's
     * address when the batch's first event happened and an event that happened at another address (after a single-page
     * route change) carries its own as {@code loc}. Returns the document it came from
     * (also for a copy already held, so that it is acknowledged again), or null if it is not a recorder message.
     */
    public String accept(String message) {
        long received = System.nanoTime();
        messages.incrementAndGet();
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            synchronized (this) {
                malformed.add(message.length() > 200 ? message.substring(0, 200) : message);
            }
            return null;
        }
        String doc = root.path("doc").asText();
        boolean top = root.path("top").asBoolean(true);
        long batch = root.path("seq").asLong();
        String url = root.path("url").asText(null);
        List<PageEvent> parsed = new ArrayList<>();
        int index = 0;
        for (Iterator<JsonNode> it = root.path("events").elements(); it.hasNext(); index++) {
            ObjectNode e = (ObjectNode) it.next().deepCopy();
            String type = e.path("type").asText();
            double t = e.path("t").asDouble();
            // Where the event happened: the document's address at that moment, given when it is not the batch's
            // (a single-page app changed it meanwhile).
            String at = e.hasNonNull("loc") ? e.get("loc").asText() : url;
            e.remove("type");
            e.remove("t");
            e.remove("loc");
            parsed.add(new PageEvent(doc, top, batch, index, t, type, at, received, e));
        }
        synchronized (this) {
            // A document re-sends its last batches from the next page (see recorder.js): keep one copy.
            if (!batches.add(doc + "#" + batch)) {
                duplicates++;
                return doc;
            }
            events.addAll(parsed);
            receivedPerDoc.merge(doc, (long) parsed.size(), Long::sum);
            long c = contiguous.getOrDefault(doc, -1L);
            while (batches.contains(doc + "#" + (c + 1))) {
                c++;
            }
            contiguous.put(doc, c);
            notifyAll();
        }
        return doc;
    }

    /** The highest n such that batches 0..n of {@code doc} have all arrived, or -1. */
    public synchronized long contiguous(String doc) {
        return contiguous.getOrDefault(doc, -1L);
    }

    /** All events so far, ordered by when they happened in the browser. */
    public synchronized List<PageEvent> events() {
        List<PageEvent> copy = new ArrayList<>(events);
        copy.sort(ORDER);
        return copy;
    }

    /**
     * The events that arrived since the last call, in arrival order (not sorted): what a journal streams
     * during an attempt so that a crash loses nothing already handed out.
     */
    public synchronized List<PageEvent> takeNew() {
        List<PageEvent> fresh = List.copyOf(events.subList(taken, events.size()));
        taken = events.size();
        return fresh;
    }

    /** Events that happened at or after browser time {@code from}, in order. */
    public List<PageEvent> eventsSince(double from) {
        return events().stream().filter(e -> e.t() >= from).toList();
    }

    public synchronized long receivedFrom(String doc) {
        return receivedPerDoc.getOrDefault(doc, 0L);
    }

    public synchronized int size() {
        return events.size();
    }

    /** Batches that arrived twice (re-sent after a navigation) and were dropped as copies. */
    public synchronized long duplicates() {
        return duplicates;
    }

    public long messages() {
        return messages.get();
    }

    public synchronized List<String> malformed() {
        return List.copyOf(malformed);
    }

    /** Waits until {@code doc} has delivered at least {@code count} events, or the timeout passes. */
    public synchronized boolean awaitFrom(String doc, long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (receivedPerDoc.getOrDefault(doc, 0L) < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
