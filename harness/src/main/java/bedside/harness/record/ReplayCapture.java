package bedside.harness.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The DOM replay of one browser session as rrweb's recorder in its pages sent it (replay.js): its events, already
 * masked in the page, kept as the JSON each arrived as. Messages arrive on the DevTools connection's threads, in any
 * order: it stores under a lock and orders by rrweb's own timestamps when asked. What went wrong in a page (rrweb did not
 * load, a send failed) is kept as a problem, never thrown: a replay must never break an attempt.
 *
 * <p>Once {@linkplain #seal() sealed} (the attempt's clock stopped), it takes nothing more: what the harness does
 * afterwards in the same browser (reading the candidate's answers back in a new tab) is not the attempt.
 */
public final class ReplayCapture {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The order of a replay's events: when they happened, then as each document sent them. */
    public static final Comparator<Event> ORDER = Comparator.comparingDouble(Event::timestamp)
            .thenComparing(Event::doc).thenComparingLong(Event::batch).thenComparingInt(Event::index);

    /** One rrweb event: where it came from, when it happened (epoch ms, the page's Date.now) and its JSON. */
    public record Event(String doc, long batch, int index, double timestamp, String json) {}

    private final List<Event> events = new ArrayList<>();
    private int taken;
    private final Map<String, Long> receivedPerDoc = new HashMap<>();
    /**
     * Every batch number each document sent, before the seal or after: a batch seen again is a copy sent again, a gap a
     * batch that never arrived.
     */
    private final Map<String, TreeSet<Long>> seqs = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean sealed;
    private final TypedMask typed;

    /** @param typed what the attempt types, masked in every event as it arrives */
    public ReplayCapture(TypedMask typed) {
        this.typed = typed;
    }

    /** Takes one message of replay.js: {@code {"replay":1,"doc":…,"seq":…,"events":[…],"problem":…}}. */
    public void accept(String message) {
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (Exception e) {
            synchronized (this) {
                problems.add("a replay message could not be read: " + e.getMessage());
            }
            return;
        }
        String doc = root.path("doc").asText();
        long batch = root.path("seq").asLong();
        List<Event> parsed = new ArrayList<>();
        int index = 0;
        for (JsonNode e : root.path("events")) {
            parsed.add(new Event(doc, batch, index++, e.path("timestamp").asDouble(), typed.apply(e.toString())));
        }
        synchronized (this) {
            receivedPerDoc.merge(doc, 1L, Long::sum);
            boolean fresh = seqs.computeIfAbsent(doc, d -> new TreeSet<>()).add(batch); // else sent again
            notifyAll();
            if (sealed || !fresh) {
                return;
            }
            if (root.hasNonNull("problem")) {
                problems.add(root.get("problem").asText());
            }
            events.addAll(parsed);
        }
    }

    /** Notes a problem the JVM found (e.g. the page could not be asked for its last events). */
    public synchronized void problem(String what) {
        problems.add(what);
    }

    /** From now on nothing more is taken. */
    public synchronized void seal() {
        sealed = true;
    }

    public synchronized boolean sealed() {
        return sealed;
    }

    /** Every event so far, ordered by when it happened. */
    public synchronized List<Event> events() {
        List<Event> copy = new ArrayList<>(events);
        copy.sort(ORDER);
        return copy;
    }

    /** The events that arrived since the last call, in arrival order: what the journal streams while an attempt runs. */
    public synchronized List<Event> takeNew() {
        List<Event> fresh = List.copyOf(events.subList(taken, events.size()));
        taken = events.size();
        return fresh;
    }

    /**
     * What went wrong, in the order it was found, and then the batches a page numbered but that never arrived (empty
     * when the replay is complete as far as is known: a page's last batch lost as it unloads leaves no gap to see).
     */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>(problems);
        long missing = 0;
        int pages = 0;
        for (TreeSet<Long> s : seqs.values()) {
            long gaps = s.last() + 1 - s.size();
            if (gaps > 0) {
                missing += gaps;
                pages++;
            }
        }
        if (missing > 0) {
            out.add(missing + " batch(es) of replay events from " + pages + " page(s) never arrived");
        }
        return List.copyOf(out);
    }

    /** Waits until {@code doc} has delivered {@code batches} messages, or the timeout passes. */
    synchronized boolean awaitFrom(String doc, long batches, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (receivedPerDoc.getOrDefault(doc, 0L) < batches) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
