package bedside.results;

import java.util.UUID;

/**
 * The result of re-deriving a study's chain of attempt hashes from the stored rows.
 *
 * @param intact          true if every attempt and its events hash to what was stored, in an unbroken chain
 *                        whose head is the recorded one
 * @param attempts        attempts checked
 * @param events          events checked
 * @param headHash        the recorded head of the chain (the last attempt's hash), or null if none
 * @param firstAlteredAttempt the first attempt (in chain order) whose stored record no longer matches, or null
 * @param firstAlteredChainNo its place in the chain (1-based), or null
 * @param problem         what is wrong, naming the row, or null when intact
 */
public record VerifyReport(String study, boolean intact, boolean locked, long attempts, long events, String headHash,
        UUID firstAlteredAttempt, Long firstAlteredChainNo, String problem) {
}
