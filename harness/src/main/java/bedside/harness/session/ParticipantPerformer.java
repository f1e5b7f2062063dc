package bedside.harness.session;

import bedside.harness.run.Performer;

/**
 * The timed part of an attempt done by a participant: the panel shows the task with its Start button; the clock
 * starts at the panel's reading of the press, and stops at Done or Give up, or at the task's time limit. Bedside
 * performs nothing on the candidate meanwhile: the participant does, in the candidate's own window.
 */
final class ParticipantPerformer implements Performer {
    private final SessionPanel panel;
    private final SessionPanel.TaskView task;
    private final ParticipantWatcher watcher;
    private boolean clockStarted;

    ParticipantPerformer(SessionPanel panel, SessionPanel.TaskView task, ParticipantWatcher watcher) {
        this.panel = panel;
        this.task = task;
        this.watcher = watcher;
    }

    @Override
    public Ending perform(Timed timed) {
        Windows.candidate(timed.driver()); // beside the panel, never over its Start button
        double start = panel.awaitStart(task);
        timed.startClock(start);
        clockStarted = true;
        watcher.started(task, timed);
        SessionPanel.Stopping stop = panel.awaitStop(task, start);
        return new Ending(stop.t(), stop.said());
    }

    SessionPanel.TaskView task() {
        return task;
    }

    /** Whether the participant got to start the task (setup may have failed before). */
    boolean clockStarted() {
        return clockStarted;
    }
}
