package bedside.harness.session;

import bedside.harness.run.Performer;

/**
 * Told when the candidate's window is ready for the participant: a simulated participant (and the tests' scripted
 * one) does the task in it. A person needs no watcher: they see the window.
 */
public interface ParticipantWatcher {
    ParticipantWatcher NONE = new ParticipantWatcher() { };

    /** The clock has started: the participant works on the candidate in {@code timed.driver()}'s window. */
    default void started(SessionPanel.TaskView task, Performer.Timed timed) { }
}
