package bedside.candidates.domain;

/** NHS numbers: ten digits with a Modulus 11 check digit. */
public final class NhsNumber {
    private NhsNumber() {}

    /** Strips spaces, dashes and an optional FHIR system prefix ({@code system|value}); null if not ten digits. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw;
        int bar = s.lastIndexOf('|');
        if (bar >= 0) {
            s = s.substring(bar + 1);
        }
        s = s.replace(" ", "").replace("-", "").replace("\u00a0", "").trim();
        return s.matches("\\d{10}") ? s : null;
    }

    public static boolean isValid(String raw) {
        String s = normalise(raw);
        if (s == null) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == s.charAt(9) - '0';
    }

    /** "9995260182" → "999 526 0182". */
    public static String format(String nhs) {
        String s = normalise(nhs);
        if (s == null) {
            return nhs;
        }
        return s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6);
    }
}
