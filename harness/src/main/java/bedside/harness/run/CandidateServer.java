package bedside.harness.run;

import bedside.scenarios.Binding;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What Bedside asks of a candidate's server outside the browser: to reset it to its seeded state before an attempt,
 * and whether it still answers (an attempt that failed while its server was down is a system error, not the
 * candidate's).
 */
final class CandidateServer {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CandidateServer() {
    }

    /**
     * Puts the candidate back into its seeded state before an attempt: the evaluator's reset URL ({@code --reset-url},
     * POSTed), then the binding's reset request (any method, relative to the candidate's base URL). Null when both
     * worked (or there are none), else why not.
     */
    static String reset(CandidateTarget candidate, Binding.Reset reset) {
        String problem = candidate.resetUrl() == null ? null : send("POST", candidate.resetUrl());
        if (problem != null || reset.request() == null) {
            return problem;
        }
        return send(reset.request().method(), java.net.URI.create(candidate.resolve(reset.request().url())));
    }

    private static String send(String method, java.net.URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<Void> r;
            try {
                r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException stale) {
                // A kept-alive connection the candidate's server closed while an attempt ran ("header parser received
                // no bytes"): a reset is idempotent, so it is sent once more, on a new connection.
                r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            }
            return r.statusCode() < 300 ? null
                    : "the candidate's reset (" + method + " " + url + ") answered HTTP " + r.statusCode();
        } catch (IOException e) {
            return "the candidate is unreachable at " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while resetting the candidate";
        }
    }

    /**
     * Whether the candidate still serves its base URL: null if it answers (below HTTP 500), else what is wrong
     * (unreachable, timed out, HTTP 5xx).
     */
    static String probe(CandidateTarget candidate) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(candidate.baseUrl()).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() >= 500 ? "the candidate answers HTTP " + r.statusCode() + " at " + candidate.baseUrl() : null;
        } catch (IOException e) {
            return "the candidate is unreachable at " + candidate.baseUrl() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
