package bedside.reports.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One SUS questionnaire (one row of SUS.csv).
 *
 * @param participant participant id
 * @param candidate candidate id
 * @param responses q1..q10, each 1–5
 */
public record SusRow(String participant, String candidate, List<Integer> responses) {
    public SusRow {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(candidate, "candidate");
        responses = List.copyOf(responses);
        if (responses.size() != 10) {
            throw new IllegalArgumentException("SUS needs 10 responses");
        }
    }

    public int[] responseArray() {
        return responses.stream().mapToInt(Integer::intValue).toArray();
    }
}
