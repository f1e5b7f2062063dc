package bedside.candidates.domain;

import java.util.List;
import java.util.Optional;

/** A user account of the sample systems. All accounts share the demo password. */
public record Clinician(String username, String displayName, String role) {
    public static final String DEMO_PASSWORD = "bedside-demo";

    public static final List<Clinician> ACCOUNTS = List.of(
            new Clinician("dr.evans", "Dr Sarah Evans", "Consultant physician"),
            new Clinician("nurse.patel", "Nurse Anita Patel", "Staff nurse"));

    /** The account if the username (any case) and password match. */
    public static Optional<Clinician> authenticate(String username, String password) {
        if (username == null || password == null || !DEMO_PASSWORD.equals(password)) {
            return Optional.empty();
        }
        return ACCOUNTS.stream().filter(c -> c.username.equalsIgnoreCase(username.trim())).findFirst();
    }
}
