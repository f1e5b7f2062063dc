package bedside.candidates.domain;

/** Administrative gender, with FHIR codes. */
public enum Sex implements Coded {
    FEMALE("female", "Female"),
    MALE("male", "Male"),
    OTHER("other", "Other"),
    UNKNOWN("unknown", "Not known");

    private final String code;
    private final String label;

    Sex(String code, String label) {
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

    /** Accepts the FHIR code or the label, any case, and M or F; null if none matches. */
    public static Sex parse(String s) {
        Sex x = Coded.parse(Sex.class, s);
        if (x != null || s == null) {
            return x;
        }
        return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "M" -> MALE;
            case "F" -> FEMALE;
            default -> null;
        };
    }
}
