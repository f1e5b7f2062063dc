package bedside.results.server;

import java.util.Map;

/**
 * An error answered as {@code application/problem+json} (RFC 9457): a status, a short title that names the
 * kind of problem, a detail that says what exactly is wrong (naming the field when there is one).
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, String> headers;

    public ApiProblem(int status, String type, String title, String detail, String field, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null);
    }

    static ApiProblem badRequest(String type, String title, String detail, String field) {
        return new ApiProblem(400, type, title, detail, field, null);
    }

    static ApiProblem invalid(String detail, String field) {
        String d = detail.startsWith(field) ? detail : field + ": " + detail;
        return new ApiProblem(422, "invalid-field", "Invalid field", d, field, null);
    }

    static ApiProblem missing(String field) {
        return new ApiProblem(422, "missing-field", "Missing field", field + " is required", field, null);
    }

    static ApiProblem notFound(String what, String detail) {
        return new ApiProblem(404, "not-found", what + " not found", detail);
    }

    static ApiProblem conflict(String type, String title, String detail) {
        return new ApiProblem(409, type, title, detail);
    }

    public int status() {
        return status;
    }

    /** The short kind, e.g. {@code malformed-json}; the problem's type URI is {@code urn:bedside:problem:<type>}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The offending field (e.g. {@code attempts[2].clicks}), or null. */
    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
