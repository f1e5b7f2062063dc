package bedside.candidates.domain;

/**
 * Severity of an allergy reaction (FHIR AllergyIntolerance.reaction.severity: mild | moderate | severe). Not the
 * grade of a drug interaction or alert, which is a plain string on {@link Interactions.Finding}.
 */
public enum ReactionSeverity implements Coded {
    MILD("mild", "Mild"),
    MODERATE("moderate", "Moderate"),
    SEVERE("severe", "Severe");

    private final String code;
    private final String label;

    ReactionSeverity(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts code or label in any case; null if none matches. */
    public static ReactionSeverity parse(String s) {
        return Coded.parse(ReactionSeverity.class, s);
    }
}
