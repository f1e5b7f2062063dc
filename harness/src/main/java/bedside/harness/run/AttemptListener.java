package bedside.harness.run;

import bedside.harness.record.PageEvent;
import bedside.harness.record.ReplayCapture;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Told about an attempt while it runs, so what it recorded can be journalled in batches as it happens
 * (a crash of the process then loses at most the last half second, never the whole attempt).
 * Called from the runner's threads; implementations must be thread-safe and should not throw.
 */
public interface AttemptListener {
    AttemptListener NONE = new AttemptListener() { };

    /** The attempt has an id and is about to open its browser. */
    default void started(Start start) { }

    /** The attempt's browser is open: {@code camera} takes a picture of its window (for evidence, from any thread). */
    default void browserOpened(UUID attemptId, Camera camera) { }

    /** The task clock started at this browser time (epoch ms, the clock the page events carry). */
    default void clockStarted(UUID attemptId, double browserTime) { }

    /** The task clock stopped at this browser time: the attempt's outcome is being checked now. */
    default void clockStopped(UUID attemptId, double browserTime) { }

    /** Events that reached the JVM since the last call, in arrival order. */
    default void events(UUID attemptId, List<PageEvent> events) { }

    /** The DOM replay's events that reached the JVM since the last call, in arrival order. */
    default void replay(UUID attemptId, List<ReplayCapture.Event> events) { }

    /** Both listeners, in this order, each told everything. */
    static AttemptListener both(AttemptListener first, AttemptListener second) {
        return new AttemptListener() {
            @Override
            public void started(Start s) {
                first.started(s);
                second.started(s);
            }

            @Override
            public void browserOpened(UUID attemptId, Camera camera) {
                first.browserOpened(attemptId, camera);
                second.browserOpened(attemptId, camera);
            }

            @Override
            public void clockStarted(UUID attemptId, double browserTime) {
                first.clockStarted(attemptId, browserTime);
                second.clockStarted(attemptId, browserTime);
            }

            @Override
            public void clockStopped(UUID attemptId, double browserTime) {
                first.clockStopped(attemptId, browserTime);
                second.clockStopped(attemptId, browserTime);
            }

            @Override
            public void events(UUID attemptId, List<PageEvent> events) {
                first.events(attemptId, events);
                second.events(attemptId, events);
            }

            @Override
            public void replay(UUID attemptId, List<ReplayCapture.Event> events) {
                first.replay(attemptId, events);
                second.replay(attemptId, events);
            }
        };
    }

    record Start(java.util.UUID attemptId, UUID sessionId, String candidate, String task, String participant, int attemptNo,
                 Instant startedAt) { }
}
