package bedside.results;

import java.util.UUID;

/**
 * The result of re-deriving a study's hash chain from the stored rows. The chain's links are the study's attempts
 * (each with its events), its post-task ratings ({@code task_ratings} rows), its SUS answers ({@code sus_answers}
 * rows, one per item), its markers ({@code markers} rows), its attempts' replays ({@code attempt_replays}) and the lock of its plan ({@code study_plans}), in the order
 * they were stored. The stored plan is checked as well: its JSON must still be canonical and hash to its hash.
 *
 * @param intact              true if every link hashes to what was stored, in an unbroken chain whose head is the
 *                            recorded one
 * @param attempts            attempts checked (before the first altered link, if any)
 * @param events              events checked (of those attempts)
 * @param taskRatings         post-task ratings checked
 * @param susAnswers          SUS answers (rows, one per item) checked
 * @param markers             markers (use errors, assists, notes) checked
 * @param replays             attempts' DOM replays checked (their stored bytes re-hashed)
 * @param headHash            the recorded head of the chain (the last link's hash), or null if none
 * @param firstAlteredTable   the table of the first link (in chain order) whose stored record no longer matches:
 *                            {@code attempts}, {@code task_ratings}, {@code sus_answers}, {@code markers} or
 *                            {@code study_plans}; null when intact or when links after the last stored one were removed
 * @param firstAlteredRow     that row's key, e.g. {@code session_id = …, item = 3}, or null
 * @param firstAlteredAttempt that row's attempt id if it is an attempt, else null
 * @param firstAlteredChainNo its place in the chain (1-based), or null
 * @param problem             what is wrong, naming the row, or null when intact
 * @param planHash            the hash the study's stored plan carries ({@code sha256:…}), or null when it has none
 * @param planLocked          whether that plan is locked (its lock is then a link of the chain)
 * @param planAltered         whether the stored plan no longer is what its hash says (its JSON was changed, is not
 *                            canonical, or its lock's link no longer matches); the report is then not intact
 */
public record VerifyReport(String study, boolean intact, boolean locked, long attempts, long events, long taskRatings,
        long susAnswers, long markers, long replays, String headHash, String firstAlteredTable, String firstAlteredRow,
        UUID firstAlteredAttempt, Long firstAlteredChainNo, String problem, String planHash, boolean planLocked,
        boolean planAltered) {

    /** A report that says nothing of a plan (a study without one). */
    public VerifyReport(String study, boolean intact, boolean locked, long attempts, long events, long taskRatings,
            long susAnswers, long markers, String headHash, String firstAlteredTable, String firstAlteredRow,
            UUID firstAlteredAttempt, Long firstAlteredChainNo, String problem) {
        this(study, intact, locked, attempts, events, taskRatings, susAnswers, markers, 0, headHash, firstAlteredTable,
                firstAlteredRow, firstAlteredAttempt, firstAlteredChainNo, problem, null, false, false);
    }
}
