package bedside.scenarios;

import java.util.List;
import java.util.Map;

/**
 * A clinician task: what the participant is asked to achieve (never the click path), with whom and on
 * what data, how it is judged, and how it weighs in procurement scoring.
 *
 * @param capability       the safety-enhanced-design capability it tests, e.g. {@code medication-allergy-list}
 * @param instruction      the participant-facing instruction, with {@code ${...}} parameters
 * @param dataSet          the data set whose values fill the parameters, or null for the suite's default
 * @param parameters       task-level values, overriding the data set's
 * @param frequency        how often clinicians do this (a weight, larger is more frequent)
 * @param timeSpecSeconds  the specification limit for task time used by the SUM score, or null
 * @param timeLimitSeconds after this an attempt is a failure
 */
public record Task(
        String id,
        String title,
        String capability,
        String instruction,
        String dataSet,
        Map<String, String> parameters,
        Criticality criticality,
        double frequency,
        Double timeSpecSeconds,
        double timeLimitSeconds,
        List<Check> successCriteria,
        List<Check> criticalChecks,
        Position at) {

    public enum Criticality { HIGH, MEDIUM, LOW }
}
