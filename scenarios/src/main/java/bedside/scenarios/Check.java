package bedside.scenarios;

import java.util.List;
import java.util.Map;

/**
 * A condition checked against the candidate after an attempt: its page, its URL, or its own API. Used
 * both for success criteria and for critical checks (patient-safety conditions).
 */
public sealed interface Check {
    /** What the check means to a clinician or reviewer, e.g. "penicillin allergy recorded on the right patient". */
    String description();

    double timeoutSeconds();

    Position at();

    /**
     * An element of the page: it exists (count &ge; 1 by default), or holds {@code text}, has {@code value},
     * or matches exactly {@code count} elements.
     */
    record Dom(String description, Locator target, String text, String value, Integer count, double timeoutSeconds,
               Position at) implements Check {}

    /** The current URL contains {@code contains} or matches the regular expression {@code matches}. */
    record Url(String description, String contains, String matches, double timeoutSeconds, Position at) implements Check {}

    /** GET a URL of the candidate (relative to its base URL) and assert on its status and JSON body. */
    record Http(String description, String get, int status, List<JsonExpectation> expect, double timeoutSeconds,
                Position at) implements Check {}

    /**
     * A vendor-neutral outcome read through the candidate's FHIR R4 API, the way its binding says to reach it
     * ({@code readers: fhir:}): the resources of type {@code search} — of the patient found by {@code patient}
     * (a Patient search by identifier), or, for {@code search: Patient}, the patients with {@code identifier} —
     * that satisfy the FHIRPath expression {@code where} (all of them without it) number exactly {@code count}, or
     * exist ({@code exists}; at least one when neither is set).
     *
     * @param params further search parameters, sent as they are (e.g. {@code category: laboratory})
     */
    record Fhir(String description, String search, Identifier patient, Identifier identifier, Map<String, String> params,
                String where, Integer count, Boolean exists, double timeoutSeconds, Position at) implements Check {}

    /** A business identifier: its naming system (a URI) and value, e.g. an NHS number. */
    record Identifier(String system, String value) {
        /** As a FHIR token search parameter, {@code system|value}. */
        public String token() {
            return system == null ? value : system + "|" + value;
        }
    }

    /**
     * An assertion on a JSON body, by JsonPath. Exactly one of {@code equals}, {@code contains},
     * {@code count} or {@code exists} is set.
     */
    record JsonExpectation(String path, String equals, String contains, Integer count, Boolean exists, Position at) {}
}
