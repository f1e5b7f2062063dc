package bedside.harness.run;

import bedside.harness.record.Recorder;
import bedside.scenarios.Task;
import org.openqa.selenium.WebDriver;

/**
 * Who performs an attempt's timed part, once the candidate shows the task's start screen: the binding's expert path
 * (a script, {@link #EXPERT_PATH}), or a participant in a moderated session, who starts and stops the clock from the
 * session's task panel. Everything around it — the reset, the browser, the recorder, the setup, the checks on the
 * candidate's state, the journal — is the same for both, so their attempts are measured alike.
 */
public interface Performer {
    /** The binding's timed steps, run by Bedside as fast as the candidate allows. */
    Performer EXPERT_PATH = new Performer() {
        @Override
        public Ending perform(Timed t) throws StepFailure, StepRunner.TimeLimitReached {
            t.startClock(t.recorder().browserNow());
            t.steps().run(t.path(), t.values(), "");
            return Ending.NOW;
        }
    };

    /**
     * Starts the clock (exactly once, with {@link Timed#startClock}) and performs the task. Returns how it ended;
     * throws when a step of a script could not be done or the time limit passed during one.
     */
    Ending perform(Timed timed) throws StepFailure, StepRunner.TimeLimitReached;

    /**
     * How the timed part ended.
     *
     * @param end             browser time (epoch ms) at which the clock stopped, or NaN for "now"
     * @param participantSaid {@code done}, {@code gave-up}, {@code timed-out}; null for a script
     */
    record Ending(double end, String participantSaid) {
        public static final Ending NOW = new Ending(Double.NaN, null);
    }

    /** What the performer works with: the attempt's browser on the start screen, its recorder and its task. */
    interface Timed {
        java.util.UUID attemptId();

        WebDriver driver();

        Recorder recorder();

        Task task();

        /** The binding's timed steps (the expert path) and the values that fill them. */
        java.util.List<bedside.scenarios.Step> path();

        java.util.Map<String, Object> values();

        /** Runs steps in the attempt's browser, within the task's time limit from now. */
        StepRunner steps();

        /** Starts the attempt's clock at this browser time (epoch ms): journalled at once. */
        void startClock(double browserTime);

        /** The candidate (the instance) the attempt runs on. */
        CandidateTarget candidate();

        /**
         * Does the binding's timed steps (the expert path) in the attempt's browser at {@code pace}, within the task's
         * time limit from the start of the clock: what a simulated participant does on the candidate. Throws when a step
         * could not be done; the time limit passing is a {@link StepFailure} suggesting {@code FAILURE}.
         */
        void performPath(Pace pace) throws StepFailure;
    }
}
