package bedside.results.client;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.TaskText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads results to a Bedside results server (team mode), over {@code java.net.http}.
 *
 * <p>Every write is idempotent on the server (ids are made by the client: run, session and attempt UUIDs, codes,
 * content hashes), so the client simply retries: a connection refused or reset, a timeout, or an answer of 408,
 * 429, 500, 502, 503 or 504 is retried with exponential backoff and jitter ({@code initialBackoff × 2^(n-1)},
 * at most {@code maxBackoff}, each wait drawn from its upper half; a {@code Retry-After} in seconds is honoured),
 * up to {@code maxAttempts} tries. A retry of a request whose answer was lost finds the records stored and stores
 * nothing twice. Other answers (400, 401, 403, 404, 409, 413, 415, 422) are final and thrown as
 * {@link ApiException} with the server's problem title and detail.
 *
 * <pre>{@code
 * ResultsClient client = ResultsClient.builder(URI.create("http://results.example:8080"), token).build();
 * client.saveSuiteVersion(...); client.startRun(run); client.startSession(study, session);
 * client.uploadAttempts(study, List.of(new ResultsClient.Upload(attempt, events)));
 * }</pre>
 */
public final class ResultsClient {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsClient.class);

    /** An attempt and its events, as the harness recorded them. */
    public record Upload(AttemptRecord attempt, List<EventRecord> events) {
        public Upload {
            Objects.requireNonNull(attempt, "attempt");
            events = List.copyOf(events);
        }
    }

    /** How many attempts were stored now, and how many the server already had. */
    public record UploadResult(int stored, int alreadyStored) {
    }

    /** A final (not retried) error answer, or retries exhausted. */
    public static final class ApiException extends RuntimeException {
        private final int status;
        private final String title;
        private final String field;

        ApiException(int status, String title, String detail, String field, Throwable cause) {
            super(status == 0 ? detail : status + " " + title + ": " + detail, cause);
            this.status = status;
            this.title = title;
            this.field = field;
        }

        /** The HTTP status, or 0 if the server was never reached. */
        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        /** The field the server named, or null. */
        public String field() {
            return field;
        }
    }

    /** Waits between tries (replaceable in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final class Builder {
        private final URI base;
        private final String token;
        private int maxAttempts = 8;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxAttemptsPerBatch = 200;
        private int maxEventsPerBatch = 20_000;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(URI base, String token) {
            this.base = Objects.requireNonNull(base, "base");
            this.token = Objects.requireNonNull(token, "token");
        }

        /** Tries per request, the first included (default 8). */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = n;
            return this;
        }

        public Builder initialBackoff(Duration d) {
            this.initialBackoff = Objects.requireNonNull(d);
            return this;
        }

        public Builder maxBackoff(Duration d) {
            this.maxBackoff = Objects.requireNonNull(d);
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Splits uploads into requests of at most this many attempts and (roughly) events. */
        public Builder batch(int maxAttempts, int maxEvents) {
            this.maxAttemptsPerBatch = Math.max(1, maxAttempts);
            this.maxEventsPerBatch = Math.max(1, maxEvents);
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        public ResultsClient build() {
            return new ResultsClient(this);
        }
    }

    private final URI base;
    private final String token;
    private final Builder options;
    private final HttpClient http;
    private final AtomicInteger tries = new AtomicInteger();

    private ResultsClient(Builder b) {
        String s = b.base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.token = b.token;
        this.options = b;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Builder builder(URI base, String token) {
        return new Builder(base, token);
    }

    /** HTTP requests sent so far, retries included. */
    public int requestsSent() {
        return tries.get();
    }

    // ------------------------------------------------------------------ uploads

    /**
     * Makes sure the study exists: it is read, and created if missing (creating a study takes an admin token; an
     * evaluator's token gets a 403 {@link ApiException} saying so).
     */
    public void ensureStudy(String code, String title) {
        try {
            get("/api/studies/" + enc(code));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            send("POST", "/api/studies", Json.MAPPER.createObjectNode().put("code", code).put("title", title));
        }
    }

    /** Adds the candidate to the study, or finds it there with the same details (idempotent). */
    public void ensureCandidate(String study, String code, String displayName, String vendor) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("code", code).put("displayName", displayName).put("vendor", vendor);
        send("POST", "/api/studies/" + enc(study) + "/candidates", n);
    }

    /** Stores tasks that candidates' bindings mark as not applicable (idempotent). */
    public void saveNotApplicable(String study, List<bedside.results.NotApplicableRecord> marks) {
        if (marks.isEmpty()) {
            return;
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode items = n.putArray("items");
        for (bedside.results.NotApplicableRecord m : marks) {
            items.addObject().put("candidate", m.candidate()).put("suiteHash", m.suiteHash()).put("task", m.task())
                    .put("reason", m.reason());
        }
        send("POST", "/api/studies/" + enc(study) + "/not-applicable", n);
    }

    public void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("suiteId", suiteId).put("version", version).put("contentHash", contentHash).put("title", title);
        ArrayNode ts = n.putArray("tasks");
        for (TaskText t : tasks) {
            ts.addObject().put("id", t.id()).put("title", t.title()).put("instruction", t.instruction())
                    .put("contentHash", t.contentHash()).put("given", t.given());
        }
        send("POST", "/api/suite-versions", n);
    }

    public void startRun(RunRecord run) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("runId", run.runId().toString()).put("suiteId", run.suiteId()).put("suiteVersion", run.suiteVersion())
                .put("suiteHash", run.suiteHash()).put("kind", run.kind()).put("startedAt", run.startedAt().toString())
                .put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        send("POST", "/api/studies/" + enc(run.study()) + "/runs", n);
    }

    public void finishRun(String study, java.util.UUID runId, Instant finishedAt) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("finishedAt", finishedAt.toString());
        send("POST", "/api/studies/" + enc(study) + "/runs/" + runId + "/finish", n);
    }

    /**
     * Stores the participant in the study, or fills in the details the stored one lacks (its demographics and consent,
     * once); the same participant again changes nothing.
     *
     * @return the participant as the server stores it now
     * @throws ApiException 409 when a detail is stored with another value (the server's message names it), or the
     *                      study is locked
     */
    public ParticipantRecord ensureParticipant(String study, ParticipantRecord p) {
        JsonNode stored = send("POST", "/api/studies/" + enc(study) + "/participants", Json.MAPPER.valueToTree(p));
        try {
            return Json.MAPPER.treeToValue(stored, ParticipantRecord.class);
        } catch (IOException e) {
            throw new ApiException(200, "Unexpected answer", "the server's participant could not be read: "
                    + e.getMessage(), null, e);
        }
    }

    /**
     * Starts a session (idempotently). A new session is held to the study's plan by the server.
     *
     * @throws ApiException 409 when the plan refuses it (the server's message says why: the plan is not locked and the
     *                      session is not a pilot, another suite version or candidate than the plan's, simulated and
     *                      real data mixed), for a session id stored with other content, or a locked study
     */
    public void startSession(String study, SessionRecord s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("sessionId", s.sessionId().toString()).put("runId", s.runId().toString())
                .put("candidate", s.candidate()).put("participant", s.participant())
                .put("startedAt", s.startedAt().toString());
        n.set("order", s.order() == null ? null : Json.MAPPER.valueToTree(s.order()));
        n.put("pilot", s.pilot()).put("simulated", s.simulated());
        send("POST", "/api/studies/" + enc(study) + "/sessions", n);
    }

    // ------------------------------------------------------------------ the study's plan

    /**
     * Saves the plan of its study ({@link StudyPlan#study()}), replacing an unlocked one.
     *
     * @return the plan as the server stores it now
     * @throws ApiException 409 when the study's plan is locked (the message names its hash and since when) or the study
     *                      is locked; 400 when the server finds the plan wrong (e.g. a candidate the study does not have)
     */
    public StoredPlan savePlan(StudyPlan plan) {
        return storedPlan(send("PUT", "/api/studies/" + enc(plan.study()) + "/plan", planJson(plan)));
    }

    /**
     * Locks the study's plan: it never changes again, and the study's sessions are held to it.
     *
     * @return the locked plan
     * @throws ApiException 409 with the server's message when the study has no plan, its plan is locked already, the
     *                      study is locked, or a real plan would be locked over simulated data
     */
    public StoredPlan lockPlan(String study) {
        return storedPlan(send("POST", "/api/studies/" + enc(study) + "/plan/lock", null));
    }

    /** The study's plan, or empty when it has none. */
    public Optional<StoredPlan> plan(String study) {
        try {
            return Optional.of(storedPlan(get("/api/studies/" + enc(study) + "/plan")));
        } catch (ApiException e) {
            if (e.status() == 404 && "Plan not found".equals(e.title())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The plan's canonical JSON as a tree (sent as the same bytes: the API's mapper keeps its numbers exactly). */
    private static JsonNode planJson(StudyPlan plan) {
        try {
            return Json.MAPPER.readTree(plan.canonicalJson());
        } catch (IOException e) {
            throw new IllegalStateException("a plan's JSON always reads", e);
        }
    }

    private static StoredPlan storedPlan(JsonNode n) {
        try {
            return Json.storedPlan(n);
        } catch (IllegalArgumentException e) {
            throw new ApiException(200, "Unexpected answer", "the server's plan could not be read: " + e.getMessage(),
                    null, e);
        }
    }

    /**
     * Stores markers (use errors, assists, notes put on sessions), in batches of at most the builder's attempt batch
     * size; each batch atomically, and idempotently by marker id.
     *
     * @throws ApiException on a final error answer (409 for a marker id stored with other content or a locked study)
     */
    public UploadResult saveMarkers(String study, List<MarkerRecord> markers) {
        int stored = 0;
        int already = 0;
        for (int from = 0; from < markers.size(); from += options.maxAttemptsPerBatch) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            ArrayNode items = n.putArray("markers");
            markers.subList(from, Math.min(markers.size(), from + options.maxAttemptsPerBatch))
                    .forEach(m -> items.add(Json.marker(m)));
            JsonNode r = send("POST", "/api/studies/" + enc(study) + "/markers", n);
            stored += r.path("stored").asInt();
            already += r.path("alreadyStored").asInt();
        }
        return new UploadResult(stored, already);
    }

    public void saveQuestionnaires(String study, List<TaskRatingRecord> ratings, List<SusRecord> sus) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.set("taskRatings", Json.MAPPER.valueToTree(ratings));
        n.set("sus", Json.MAPPER.valueToTree(sus));
        send("POST", "/api/studies/" + enc(study) + "/questionnaire-answers", n);
    }

    /**
     * Uploads attempts with their events, in batches; each batch is stored atomically and idempotently.
     *
     * @throws ApiException on a final error answer or when the retries are exhausted (batches before it are stored)
     */
    public UploadResult uploadAttempts(String study, List<Upload> uploads) {
        int stored = 0;
        int already = 0;
        List<Upload> batch = new ArrayList<>();
        int events = 0;
        for (Upload u : uploads) {
            if (!batch.isEmpty() && (batch.size() >= options.maxAttemptsPerBatch
                    || events + u.events().size() > options.maxEventsPerBatch)) {
                JsonNode r = send("POST", "/api/studies/" + enc(study) + "/attempts", batchJson(batch));
                stored += r.path("stored").asInt();
                already += r.path("alreadyStored").asInt();
                batch.clear();
                events = 0;
            }
            batch.add(u);
            events += u.events().size();
        }
        if (!batch.isEmpty()) {
            JsonNode r = send("POST", "/api/studies/" + enc(study) + "/attempts", batchJson(batch));
            stored += r.path("stored").asInt();
            already += r.path("alreadyStored").asInt();
        }
        return new UploadResult(stored, already);
    }

    private static ObjectNode batchJson(List<Upload> batch) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode attempts = root.putArray("attempts");
        for (Upload u : batch) {
            ObjectNode a = Json.attempt(null, u.attempt(), null);
            a.remove("study");
            ArrayNode ev = a.putArray("events");
            for (EventRecord e : u.events()) {
                ObjectNode n = ev.addObject();
                n.put("seq", e.seq()).put("tMs", e.tMs()).put("type", e.type()).put("page", e.page());
                try {
                    n.set("data", Json.MAPPER.readTree(e.json()));
                } catch (IOException x) {
                    throw new IllegalArgumentException("event " + e.seq() + " of attempt " + e.attemptId()
                            + " has invalid JSON", x);
                }
            }
            attempts.add(a);
        }
        return root;
    }

    /**
     * Uploads an attempt's DOM replay (after its attempt), its compressed bytes as they are; idempotent.
     *
     * @return true if the server stored it now, false if it had it already
     */
    public boolean uploadReplay(String study, bedside.results.ReplayRecord replay) {
        JsonNode r = send("PUT", "/api/studies/" + enc(study) + "/attempts/" + replay.attemptId() + "/replay",
                replay.gzip(), "application/gzip");
        return "stored".equals(r.path("status").asText());
    }

    /** GET a path under the server (e.g. {@code /api/studies/s1/verify}) as JSON, with the same retries. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    // ------------------------------------------------------------------ sending with retries

    private JsonNode send(String method, String path, JsonNode body) {
        return send(method, path, body == null ? null : Json.write(body), "application/json");
    }

    private JsonNode send(String method, String path, byte[] bytes, String contentType) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(options.requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (bytes != null) {
            rb.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = rb.build();
        Duration wait = options.initialBackoff;
        Exception lastError = null;
        String lastProblem = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= options.maxAttempts; attempt++) {
            tries.incrementAndGet();
            Duration retryAfter = null;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    byte[] b = response.body();
                    return b.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(b);
                }
                JsonNode problem = problem(response.body());
                String title = problem.path("title").asText("HTTP " + status);
                String detail = problem.path("detail").asText("");
                if (!retryable(status)) {
                    throw new ApiException(status, title, detail,
                            problem.hasNonNull("field") ? problem.get("field").asText() : null, null);
                }
                lastStatus = status;
                lastProblem = title + ": " + detail;
                retryAfter = response.headers().firstValue("Retry-After").flatMap(ResultsClient::seconds).orElse(null);
                LOG.info("{} {} answered {} ({}); try {} of {}", method, path, status, title, attempt, options.maxAttempts);
            } catch (IOException e) {
                lastError = e;
                lastStatus = 0;
                LOG.info("{} {} failed: {}; try {} of {}", method, path, e.toString(), attempt, options.maxAttempts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, "Interrupted", "interrupted while sending " + method + " " + path, null, e);
            }
            if (attempt == options.maxAttempts) {
                break;
            }
            Duration sleep = retryAfter != null ? min(retryAfter, options.maxBackoff) : jitter(wait);
            try {
                options.sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, "Interrupted", "interrupted while waiting to retry " + method + " " + path,
                        null, e);
            }
            wait = min(wait.multipliedBy(2), options.maxBackoff);
        }
        String why = lastStatus != 0 ? "last answer " + lastStatus + " " + lastProblem
                : "last error " + (lastError == null ? "?" : lastError.toString());
        throw new ApiException(lastStatus, "Retries exhausted", method + " " + base + path + " failed after "
                + options.maxAttempts + " tries; " + why, null, lastError);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private static JsonNode problem(byte[] body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n == null ? Json.MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static java.util.Optional<Duration> seconds(String v) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static Duration jitter(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
