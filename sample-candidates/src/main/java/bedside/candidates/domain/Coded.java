package bedside.candidates.domain;

/** A value with a FHIR code and a label for people. */
public interface Coded {
    String code();

    String label();

    /** The constant whose code, label or name matches {@code s} (any case, spaces trimmed); null if none does. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        for (E x : type.getEnumConstants()) {
            if (x.code().equalsIgnoreCase(t) || x.label().equalsIgnoreCase(t) || x.name().equalsIgnoreCase(t)) {
                return x;
            }
        }
        return null;
    }
}
