package bedside.candidates.domain;

/** Administrative gender, with FHIR codes. */
public enum Sex {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Accepts the FHIR code or the label, any case; null if none matches. */
    public static Sex parse(String s) {
        if (s == null) {
            return null;
        }
        for (Sex x : values()) {
            if (x.code.equalsIgnoreCase(s.trim()) || x.label.equalsIgnoreCase(s.trim()) || x.name().equalsIgnoreCase(s.trim())) {
                return x;
            }
        }
        if (s.trim().equalsIgnoreCase("M")) {
            return MALE;
        }
        if (s.trim().equalsIgnoreCase("F")) {
            return FEMALE;
        }
        return null;
    }
}
