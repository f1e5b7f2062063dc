package bedside.harness.session;

import java.util.List;
import java.util.Optional;

/**
 * The questionnaires a moderated session asks, in their standard wording (see shared/reference/sessions.md):
 * the Single Ease Question after each task and the System Usability Scale (Brooke 1986) after the last task on a
 * candidate. Answers are checked here, before anything is stored: every SUS item answered, each on its scale.
 */
public final class Instruments {
    private Instruments() {}

    /** SEQ: after each task, 1 = very difficult … 7 = very easy. */
    public static final String SEQ_QUESTION = "Overall, this task was:";
    public static final List<String> SEQ_ANCHORS = List.of("Very difficult", "Very easy");
    public static final int SEQ_POINTS = 7;

    /** SUS: ten items, 1 = strongly disagree … 5 = strongly agree; all required. */
    public static final List<String> SUS_ITEMS = List.of(
            "I think that I would like to use this system frequently.",
            "I found the system unnecessarily complex.",
            "I thought the system was easy to use.",
            "I think that I would need the support of a technical person to be able to use this system.",
            "I found the various functions in this system were well integrated.",
            "I thought there was too much inconsistency in this system.",
            "I would imagine that most people would learn to use this system very quickly.",
            "I found the system very cumbersome to use.",
            "I felt very confident using the system.",
            "I needed to learn a lot of things before I could get going with this system.");
    public static final List<String> SUS_ANCHORS = List.of("Strongly disagree", "Strongly agree");
    public static final int SUS_POINTS = 5;

    /** Why an SEQ answer cannot be stored, or empty. */
    public static Optional<String> seqProblem(Integer rating) {
        if (rating == null) {
            return Optional.of("the task's rating (SEQ) is missing: choose 1 (very difficult) to 7 (very easy)");
        }
        if (rating < 1 || rating > SEQ_POINTS) {
            return Optional.of("the task's rating (SEQ) is 1 to 7, not " + rating);
        }
        return Optional.empty();
    }

    /** Why a set of SUS answers (item 1 first, null for one not answered) cannot be stored, or empty. */
    public static Optional<String> susProblem(List<Integer> answers) {
        if (answers == null || answers.size() != SUS_ITEMS.size()) {
            return Optional.of("the System Usability Scale has " + SUS_ITEMS.size() + " items, every one required");
        }
        StringBuilder missing = new StringBuilder();
        for (int i = 0; i < answers.size(); i++) {
            Integer a = answers.get(i);
            if (a == null) {
                missing.append(missing.length() == 0 ? "" : ", ").append(i + 1);
            } else if (a < 1 || a > SUS_POINTS) {
                return Optional.of("SUS item " + (i + 1) + " is answered 1 to 5, not " + a);
            }
        }
        return missing.length() == 0 ? Optional.empty()
                : Optional.of("SUS item" + (missing.indexOf(",") < 0 ? " " : "s ") + missing + " not answered: all ten are required");
    }
}
