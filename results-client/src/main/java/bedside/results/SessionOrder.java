package bedside.results;

import java.util.List;
import java.util.Objects;

/**
 * The order in which a moderated session gave its tasks, and how that order was made, so that counterbalancing
 * can be checked after the fact.
 *
 * @param mode             {@code fixed} (the suite's order), {@code random} (seeded) or {@code latin} (a balanced
 *                         Latin square row chosen by the participant's index in the study)
 * @param seed             the seed of a random order, else null
 * @param participantIndex the participant's 0-based index in the study (the Latin square row), else null
 * @param tasks            the task ids in the order given
 * @param candidatePosition this candidate's 1-based place in the participant's candidates (within-subjects), or 1
 */
public record SessionOrder(String mode, Long seed, Integer participantIndex, List<String> tasks, int candidatePosition) {
    public SessionOrder {
        Objects.requireNonNull(mode, "mode");
        tasks = List.copyOf(tasks);
        if (!List.of("fixed", "random", "latin").contains(mode)) {
            throw new IllegalArgumentException("order mode must be fixed, random or latin, not " + mode);
        }
        if (candidatePosition < 1) {
            throw new IllegalArgumentException("candidatePosition is 1-based");
        }
    }
}
