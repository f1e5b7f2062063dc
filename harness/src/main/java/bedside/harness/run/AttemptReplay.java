package bedside.harness.run;

import bedside.harness.record.ReplayCapture;
import bedside.results.EventRecord;
import bedside.results.ReplayRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an attempt keeps of its DOM replay: rrweb's events in the order they happened, compressed
 * ({@link ReplayRecord}), and, when the replay is incomplete, a {@code replay-incomplete} event saying why (phase
 * {@code after}, counted in no measure). Never throws: a replay that cannot be kept is noted, and the attempt is
 * recorded as it would be without it.
 */
record AttemptReplay(ReplayRecord replay, List<EventRecord> notes) {
    static final AttemptReplay NONE = new AttemptReplay(null, List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param seq  the seq the note takes (the attempt's next)
     * @param atMs where the note is put, in ms from the attempt's clock start
     */
    static AttemptReplay of(UUID attemptId, ReplayCapture capture, long seq, double atMs) {
        List<String> problems = new ArrayList<>(capture.problems());
        ReplayRecord replay = null;
        try {
            List<ReplayCapture.Event> events = capture.events();
            if (events.isEmpty()) {
                problems.add("no replay event arrived from the browser");
            } else {
                replay = ReplayRecord.of(attemptId, events.stream().map(ReplayCapture.Event::json).toList());
            }
        } catch (RuntimeException e) {
            problems.add("the replay could not be kept: " + e);
        }
        if (problems.isEmpty()) {
            return new AttemptReplay(replay, List.of());
        }
        ObjectNode json = JSON.createObjectNode().put("phase", "after").put("top", true)
                .put("kept", replay != null);
        problems.forEach(json.putArray("problems")::add);
        return new AttemptReplay(replay, List.of(new EventRecord(attemptId, seq,
                Double.isFinite(atMs) ? Math.max(0, atMs) : 0, "replay-incomplete", null, json.toString())));
    }
}
