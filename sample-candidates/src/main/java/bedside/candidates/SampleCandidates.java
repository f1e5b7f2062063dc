package bedside.candidates;

import bedside.candidates.legacy.LegacyCandidate;
import bedside.candidates.streamlined.StreamlinedCandidate;
import java.util.List;

/** Starts the sample candidate systems by id. */
public final class SampleCandidates {
    public static final String STREAMLINED = "streamlined";
    public static final String LEGACY = "legacy";

    private SampleCandidates() {}

    /** {@code ["streamlined", "legacy"]}. */
    public static List<String> ids() {
        return List.of(STREAMLINED, LEGACY);
    }

    /** A sample candidate's name and vendor as reports show them, without starting it. */
    public record Description(String displayName, String vendor) {}

    /** How a sample candidate is named (for a study's candidates), or null when {@code id} is not one. */
    public static Description describe(String id) {
        SampleCandidate c = switch (id) {
            case STREAMLINED -> new StreamlinedCandidate();
            case LEGACY -> new LegacyCandidate();
            default -> null;
        };
        return c == null ? null : new Description(c.displayName(), c.vendor());
    }

    /**
     * Starts a candidate bound to 127.0.0.1.
     *
     * @param port 0 for a free port
     */
    /** As {@link #start}, with every class name in its pages, styles and scripts changed (for tests of locators). */
    public static SampleCandidate startRestyled(String id, int port, String suffix) {
        return switch (id) {
            case STREAMLINED -> new StreamlinedCandidate().restyled(suffix).start(port);
            case LEGACY -> new LegacyCandidate().restyled(suffix).start(port);
            default -> throw new IllegalArgumentException("unknown sample candidate '" + id + "'; known: " + ids());
        };
    }

    public static SampleCandidate start(String id, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return switch (id) {
            case STREAMLINED -> new StreamlinedCandidate().start(port);
            case LEGACY -> new LegacyCandidate().start(port);
            default -> throw new IllegalArgumentException("unknown sample candidate '" + id + "'; known: " + ids());
        };
    }
}
