package bedside.candidates;

import java.net.URI;

/** A running sample candidate system (a small clinical web application on localhost). */
public interface SampleCandidate extends AutoCloseable {
    /** "streamlined" or "legacy". */
    String id();

    String displayName();

    String vendor();

    /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    URI baseUrl();

    /** Back to the seeded state (also reachable as {@code POST {baseUrl}/admin/reset} → 204). */
    void reset();

    /** Stops the server. */
    @Override
    void close();
}
