package bedside.candidates.web;

import bedside.candidates.domain.Clinician;

/**
 * A signed-in user's login (server-side state behind the login cookie): who signed in, the patient in context and
 * a one-time message.
 */
public final class Login {
    private final String token;
    private final Clinician user;
    private volatile String selectedPatientId;
    private volatile String flash;

    Login(String token, Clinician user) {
        this.token = token;
        this.user = user;
    }

    public String token() {
        return token;
    }

    public Clinician user() {
        return user;
    }

    /** The patient in context (legacy UI keeps one selected patient per login). */
    public String selectedPatientId() {
        return selectedPatientId;
    }

    public void selectPatient(String id) {
        this.selectedPatientId = id;
    }

    /** A one-time message shown on the next page. */
    public void flash(String message) {
        this.flash = message;
    }

    /** Returns and clears the one-time message. */
    public String takeFlash() {
        String f = flash;
        flash = null;
        return f;
    }
}
