package bedside.candidates.web;

import bedside.candidates.domain.Clinician;

/** A signed-in user's server-side session. */
public final class Session {
    private final String token;
    private final Clinician user;
    private volatile String selectedPatientId;
    private volatile String flash;

    Session(String token, Clinician user) {
        this.token = token;
        this.user = user;
    }

    public String token() {
        return token;
    }

    public Clinician user() {
        return user;
    }

    /** The patient in context (legacy UI keeps one selected patient per session). */
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
