package bedside.scenarios;

import bedside.scenarios.SuiteDraft.BindingInfo;

/**
 * Where the values of a text's {@code ${...}} come from. Recorded while parsing and checked by
 * {@link ParameterCheck} once everything is read, since a task's values may be defined after the text using them.
 */
sealed interface Scope {

    /** A task's effective values (suite text of the task, or a binding's steps for it). */
    record TaskScope(String task) implements Scope {}

    /** Only the task's data set (the task's own {@code parameters} values). */
    record DataSetScope(String task) implements Scope {}

    /** A fragment's params, then the values of each task that uses it. */
    record FragmentScope(BindingInfo binding, String fragment) implements Scope {}
}
