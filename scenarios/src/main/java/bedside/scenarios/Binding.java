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
 */
public record Binding(String candidate, Map<String, Fragment> fragments, Map<String, TaskBinding> tasks, List<String> warnings,
                      Position at) {

    public record Fragment(String id, List<String> params, List<Step> steps, Position at) {}

    public record TaskBinding(String task, List<Step> setup, List<Step> steps, Position at) {}
}
