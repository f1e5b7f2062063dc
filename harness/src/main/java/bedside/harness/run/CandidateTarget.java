package bedside.harness.run;

import java.net.URI;
import java.util.Objects;

/**
 * A candidate system as the runner reaches it: its id in the suite, who makes it, where it is served,
 * and how to put it back into its seeded state before each attempt (null if it has no reset).
 */
public record CandidateTarget(String id, String displayName, String vendor, URI baseUrl, URI resetUrl) {
    public CandidateTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** Resolves a URL of a binding or check against the candidate's base URL. */
    public String resolve(String url) {
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return url;
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + (url.startsWith("/") ? url : "/" + url);
    }
}
