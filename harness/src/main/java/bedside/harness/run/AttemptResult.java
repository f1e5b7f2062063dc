package bedside.harness.run;

import bedside.harness.measure.Measures;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.ReplayRecord;
import java.util.List;

/**
 * An attempt as stored, with what the runner knows beyond the stored summary.
 *
 * @param shots  the screenshots taken after each step (empty unless screenshots were asked for)
 * @param replay the attempt's DOM replay, or null (replay off, no browser, or nothing arrived: its events say why)
 */
public record AttemptResult(AttemptRecord attempt, List<EventRecord> events, List<CheckResult> checks, Measures measures,
                            boolean recordingComplete, List<Shot> shots, ReplayRecord replay) {

    public AttemptResult(AttemptRecord attempt, List<EventRecord> events, List<CheckResult> checks, Measures measures,
                         boolean recordingComplete) {
        this(attempt, events, checks, measures, recordingComplete, List.of(), null);
    }

    /** This attempt with what the participant said when its clock stopped (the session adds the derived measures). */
    public AttemptResult said(String participantSaid) {
        return with(attempt.withSession(new bedside.results.SessionFacts(participantSaid, null, null, null, null, 0)));
    }

    /** This result with its attempt record replaced (the same attempt, more known about it). */
    public AttemptResult with(AttemptRecord record) {
        return new AttemptResult(record, events, checks, measures, recordingComplete, shots, replay);
    }

    /** The same attempt with more events after its own (e.g. the pictures taken when the observer marked it). */
    public AttemptResult withMoreEvents(List<EventRecord> more) {
        List<EventRecord> all = new java.util.ArrayList<>(events);
        all.addAll(more);
        return new AttemptResult(attempt, List.copyOf(all), checks, measures, recordingComplete, shots, replay);
    }
}
