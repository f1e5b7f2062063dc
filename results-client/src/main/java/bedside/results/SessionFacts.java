package bedside.results;

import java.util.Objects;

/**
 * What a moderated session adds to an attempt: what the participant said when the clock stopped, and the measures
 * derived by comparing the attempt with the expert path of the same task on the same candidate (NISTIR 7742's task
 * table, CHPL 170.315(g)(3): observed ÷ optimal). Null on an attempt of the scripted expert path itself.
 *
 * @param participantSaid {@code done}, {@code gave-up} or {@code timed-out} (the task's time limit passed)
 * @param pathDeviation   the participant's actions (clicks + keystrokes) ÷ the expert path's; null without an
 *                        expert path to compare with
 * @param timeDeviation   the task time ÷ the expert path's KLM time; null without one
 * @param success         {@code direct} (succeeded on the expert path's screens only), {@code indirect} (succeeded
 *                        after detours), or null when the attempt did not succeed or no expert path is known
 * @param lostness        Smith (1996) from the screens visited (revisits counted), the different ones and the expert
 *                        path's; null without an expert path
 * @param misclicks       clicks on nothing actionable
 */
public record SessionFacts(String participantSaid, Double pathDeviation, Double timeDeviation, String success,
                           Double lostness, int misclicks) {
    public SessionFacts {
        Objects.requireNonNull(participantSaid, "participantSaid");
        if (!java.util.List.of("done", "gave-up", "timed-out").contains(participantSaid)) {
            throw new IllegalArgumentException("participantSaid must be done, gave-up or timed-out, not " + participantSaid);
        }
        if (success != null && !success.equals("direct") && !success.equals("indirect")) {
            throw new IllegalArgumentException("success must be direct, indirect or null, not " + success);
        }
        if (misclicks < 0) {
            throw new IllegalArgumentException("misclicks must not be negative");
        }
    }
}
