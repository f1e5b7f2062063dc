package bedside.harness.run;

import bedside.harness.measure.Measures;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import java.util.List;

/** An attempt as stored, with what the runner knows beyond the stored summary. */
public record AttemptResult(AttemptRecord attempt, List<EventRecord> events, List<CheckResult> checks, Measures measures,
                            boolean recordingComplete) {}
