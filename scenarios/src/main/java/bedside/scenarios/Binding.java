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
 * @param patientData CSS selectors of the elements that show patient data (the banner, the patient's name, address):
 *                 their text, and all text inside them, is masked in the attempt's DOM replay, as every input's value is
 * @param tasks the tasks this candidate performs, by id
 * @param notApplicable the tasks marked {@code notApplicable} for this candidate (it cannot do them: no module, no such
 *                 function), by id, with the evaluator's reason; never attempted, shown as "n/a" and left out of its scores.
 *                 A task in neither map is unbound: only a run that does not select it may go ahead
 * @param readers  how the suite's vendor-neutral checks read this candidate's state (its FHIR R4 API); none when
 *                 the binding says nothing
 * @param reset    how the candidate is put back into its seeded state before each attempt, beyond the fresh browser
 *                 profile every attempt gets: a request and/or steps; {@link Reset#NONE} when the binding says nothing
 */
public record Binding(String candidate, Map<String, Fragment> fragments, Map<String, TaskBinding> tasks,
                      Map<String, NotApplicable> notApplicable, List<String> warnings, List<String> patientData,
                      Readers readers, Reset reset, Position at) {

    /**
     * Before each attempt, in a fresh browser profile: the request is sent first (any method; a 2xx answer means it
     * worked), then the steps run in the attempt's browser, untimed and unrecorded in its measures.
     *
     * @param request the reset request, or null
     * @param steps   the reset steps (none when empty); they may use the values of the task about to be attempted
     */
    public record Reset(Request request, List<Step> steps) {
        public static final Reset NONE = new Reset(null, List.of());

        public boolean isEmpty() {
            return request == null && steps.isEmpty();
        }
    }

    /** An HTTP request: its method and URL (absolute, or relative to the candidate's base URL). */
    public record Request(String method, String url, Position at) {}

    /** Whether the binding marks this task as not applicable to its candidate. */
    public boolean isNotApplicable(String task) {
        return notApplicable.containsKey(task);
    }

    /** Whether the binding neither binds the task nor marks it not applicable. */
    public boolean isUnbound(String task) {
        return !tasks.containsKey(task) && !notApplicable.containsKey(task);
    }

    /** The readers a binding names: for now the FHIR R4 one (null when there is none). */
    public record Readers(FhirReader fhir) {
        public static final Readers NONE = new Readers(null);
    }

    /**
     * The candidate's FHIR R4 API: its base (relative to the candidate's base URL, or absolute) and how to
     * authenticate. Never a secret: a bearer token is read, when a check runs, from a file or an environment variable.
     *
     * @param bearerTokenFile a file holding the bearer token (relative paths from the binding file's folder), or null
     * @param bearerTokenEnv  an environment variable holding the bearer token, or null
     */
    public record FhirReader(String base, String bearerTokenFile, String bearerTokenEnv, Position at) {}

    public record Fragment(String id, List<String> params, List<Step> steps, Position at) {}

    /**
     * @param readBack for checks this candidate answers in its own UI, by the check's description: steps run after the
     *                 attempt's clock stops, never counted in its measures; in a new tab of the attempt's browser when
     *                 they begin by opening a page, otherwise on the screen the attempt ended on. All but the last
     *                 reach the screen that shows the answer (one that fails: the check could not be checked); the last
     *                 is the {@code assert} that answers it (it fails: the check is not met)
     */
    public record TaskBinding(String task, List<Step> setup, List<Step> steps, Map<String, List<Step>> readBack,
                              Position at) {
        public TaskBinding(String task, List<Step> setup, List<Step> steps, Position at) {
            this(task, setup, steps, Map.of(), at);
        }
    }

    /** A task that does not apply to the candidate, and why (never empty). */
    public record NotApplicable(String task, String reason, Position at) {}
}
