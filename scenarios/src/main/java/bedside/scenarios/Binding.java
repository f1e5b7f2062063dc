package bedside.scenarios;

import java.util.List;
import java.util.Map;

/**
 * How one candidate system performs the suite's tasks: reusable fragments (log in, open a chart) and,
 * per task, setup steps (not timed: they bring the candidate to the task's starting screen) and the
 * expert path (timed).
 *
 * @param warnings CSS selectors of the on-page alerts ({@code role=alert}) that are warnings or notices the candidate
 *                 shows (an interaction warning, a clinical alert), not validation messages: the recorder reports them
 *                 as warnings and they do not count as validation errors
 * @param tasks the tasks this candidate performs, by id
 * @param notApplicable the tasks marked {@code notApplicable} for this candidate (it cannot do them: no module, no such
 *                 function), by id, with the evaluator's reason; never attempted, shown as "n/a" and left out of its scores.
 *                 A task in neither map is unbound: only a run that does not select it may go ahead
 */
public record Binding(String candidate, Map<String, Fragment> fragments, Map<String, TaskBinding> tasks,
                      Map<String, NotApplicable> notApplicable, List<String> warnings, Position at) {

    /** Whether the binding marks this task as not applicable to its candidate. */
    public boolean isNotApplicable(String task) {
        return notApplicable.containsKey(task);
    }

    /** Whether the binding neither binds the task nor marks it not applicable. */
    public boolean isUnbound(String task) {
        return !tasks.containsKey(task) && !notApplicable.containsKey(task);
    }

    public record Fragment(String id, List<String> params, List<Step> steps, Position at) {}

    public record TaskBinding(String task, List<Step> setup, List<Step> steps, Position at) {}

    /** A task that does not apply to the candidate, and why (never empty). */
    public record NotApplicable(String task, String reason, Position at) {}
}
