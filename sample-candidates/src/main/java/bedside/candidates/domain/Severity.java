package bedside.candidates.domain;

/** Allergy reaction severity (FHIR codes mild | moderate | severe). */
public enum Severity implements Coded {
    MILD("mild", "Mild"),
    MODERATE("moderate", "Moderate"),
    SEVERE("severe", "Severe");

    private final String code;
    private final String label;

    Severity(String code, String label) {
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
    public static Severity parse(String s) {
        return Coded.parse(Severity.class, s);
    }
}
