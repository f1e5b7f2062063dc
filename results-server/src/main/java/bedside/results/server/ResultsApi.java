package bedside.results.server;

import bedside.results.client.Json;
import bedside.results.ApiToken;
import bedside.results.AttemptQuery;
import bedside.results.AttemptRecord;
import bedside.results.AuditEntry;
import bedside.results.CandidateRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.Page;
import bedside.results.ParticipantRecord;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.StudyRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.TaskText;
import bedside.results.VerifyReport;
import bedside.results.store.AccessTokens;
import bedside.results.store.AttemptRefusedException;
import bedside.results.store.Database;
import bedside.results.store.RecordConflictException;
import bedside.results.store.ResultsStore;
import bedside.results.store.StudyLockedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.PUBLIC;
import static bedside.results.server.Access.VENDOR;

/**
 * The routes of the results API and their handlers. Every route has roles; {@link #authorize} (run before
 * each matched route) checks the bearer token and the route's roles. Handlers then narrow to what the token
 * reaches: its study, and for a vendor its own candidate — anything else answers 404 as if it did not exist.
 */
final class ResultsApi {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TOKEN = "bedside.token";
    private static final Logger LOG = LoggerFactory.getLogger(ResultsApi.class);
    private static final int DEFAULT_LIMIT = 100;

    private final ResultsStore store;
    private final AccessTokens tokens;
    private final Database database;
    private final Scores scores;
    private final byte[] openapi;
    private final List<String> routes = new ArrayList<>();
    private final Map<String, Set<String>> routeRoles = new java.util.LinkedHashMap<>();

    ResultsApi(Database database) {
        this.database = database;
        this.store = new ResultsStore(database);
        this.tokens = new AccessTokens(database);
        this.scores = new Scores(store);
        this.openapi = loadOpenApi();
    }

    /** Every registered route as {@code METHOD path}. */
    List<String> routes() {
        return Collections.unmodifiableList(routes);
    }

    void configure(JavalinConfig config) {
        config.routes.beforeMatched(this::authorize);

        route(config, HandlerType.GET, "/api/openapi.json", this::openapi, PUBLIC);

        route(config, HandlerType.GET, "/api/studies", this::listStudies, ADMIN, EVALUATOR, VENDOR, BOARD);
        route(config, HandlerType.POST, "/api/studies", this::createStudy, ADMIN);
        route(config, HandlerType.GET, "/api/studies/{study}", this::getStudy, ADMIN, EVALUATOR, VENDOR, BOARD);
        route(config, HandlerType.POST, "/api/studies/{study}/lock", this::lockStudy, ADMIN, EVALUATOR);
        route(config, HandlerType.GET, "/api/studies/{study}/verify", this::verify, ADMIN, EVALUATOR, BOARD);
        route(config, HandlerType.GET, "/api/studies/{study}/audit", this::audit, ADMIN, EVALUATOR);

        route(config, HandlerType.GET, "/api/studies/{study}/candidates", this::listCandidates,
                ADMIN, EVALUATOR, VENDOR, BOARD);
        route(config, HandlerType.POST, "/api/studies/{study}/candidates", this::createCandidate, ADMIN, EVALUATOR);
        route(config, HandlerType.GET, "/api/studies/{study}/candidates/{candidate}", this::getCandidate,
                ADMIN, EVALUATOR, VENDOR, BOARD);

        route(config, HandlerType.GET, "/api/studies/{study}/participants", this::listParticipants, ADMIN, EVALUATOR);
        route(config, HandlerType.POST, "/api/studies/{study}/participants", this::createParticipant,
                ADMIN, EVALUATOR);

        route(config, HandlerType.POST, "/api/suite-versions", this::saveSuiteVersion, ADMIN, EVALUATOR);
        route(config, HandlerType.GET, "/api/studies/{study}/runs", this::listRuns, ADMIN, EVALUATOR);
        route(config, HandlerType.POST, "/api/studies/{study}/runs", this::startRun, ADMIN, EVALUATOR);
        route(config, HandlerType.POST, "/api/studies/{study}/runs/{runId}/finish", this::finishRun, ADMIN, EVALUATOR);
        route(config, HandlerType.GET, "/api/studies/{study}/sessions", this::listSessions, ADMIN, EVALUATOR);
        route(config, HandlerType.POST, "/api/studies/{study}/sessions", this::startSession, ADMIN, EVALUATOR);

        route(config, HandlerType.GET, "/api/studies/{study}/attempts", this::listAttempts, ADMIN, EVALUATOR, VENDOR);
        route(config, HandlerType.POST, "/api/studies/{study}/attempts", this::saveAttempts, ADMIN, EVALUATOR);
        route(config, HandlerType.GET, "/api/studies/{study}/attempts/{attemptId}", this::getAttempt,
                ADMIN, EVALUATOR, VENDOR);
        route(config, HandlerType.GET, "/api/studies/{study}/attempts/{attemptId}/events", this::listEvents,
                ADMIN, EVALUATOR, VENDOR);

        route(config, HandlerType.GET, "/api/studies/{study}/questionnaire-answers", this::listQuestionnaires,
                ADMIN, EVALUATOR);
        route(config, HandlerType.POST, "/api/studies/{study}/questionnaire-answers", this::saveQuestionnaires,
                ADMIN, EVALUATOR);

        route(config, HandlerType.GET, "/api/studies/{study}/scores", this::scores, ADMIN, EVALUATOR, VENDOR, BOARD);
        route(config, HandlerType.GET, "/api/studies/{study}/export/attempts.csv", ctx -> export(ctx, true),
                ADMIN, EVALUATOR, VENDOR);
        route(config, HandlerType.GET, "/api/studies/{study}/export/sus.csv", ctx -> export(ctx, false),
                ADMIN, EVALUATOR, VENDOR);
        route(config, HandlerType.GET, "/api/studies/{study}/report", this::studyReport, ADMIN, EVALUATOR, BOARD);
        route(config, HandlerType.GET, "/api/studies/{study}/candidates/{candidate}/report", this::candidateReport,
                ADMIN, EVALUATOR, VENDOR, BOARD);

        config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromJavalin(e)));
        config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, fromException(e, ctx)));
        config.routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, new ApiProblem(404, "no-such-route", "No such route",
                        "there is no " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json"));
            }
        });
        config.routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, new ApiProblem(405, "method-not-allowed", "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + "; see /api/openapi.json"));
            }
        });
    }

    private void route(JavalinConfig config, HandlerType method, String path, Handler handler, Access... roles) {
        config.routes.addHttpHandler(method, path, handler, roles);
        routes.add(method.name() + " " + path);
        Set<String> names = new java.util.TreeSet<>();
        for (Access a : roles) {
            names.add(a.name().toLowerCase(java.util.Locale.ROOT));
        }
        routeRoles.put(method.name() + " " + path, Collections.unmodifiableSet(names));
    }

    /** The roles of every route ({@code METHOD path} → lower-case role names, {@code public} for no token). */
    Map<String, Set<String>> routeRoles() {
        return Collections.unmodifiableMap(routeRoles);
    }

    // ------------------------------------------------------------------ access

    private void authorize(Context ctx) {
        Set<io.javalin.security.RouteRole> roles = ctx.routeRoles();
        if (roles.contains(PUBLIC)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblem(401, "unauthenticated", "Authentication required",
                    "send an API token as 'Authorization: Bearer <token>' (bedside token create makes one)", null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"bedside\""));
        }
        ApiToken token = tokens.authenticate(header.substring(7).trim()).orElseThrow(() -> new ApiProblem(401,
                "invalid-token", "Invalid token", "the bearer token is unknown or revoked", null,
                Map.of("WWW-Authenticate", "Bearer realm=\"bedside\", error=\"invalid_token\"")));
        ctx.attribute(TOKEN, token);
        if (!roles.contains(Access.of(token.role()))) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "a " + token.role().code() + " token may not "
                    + ctx.method() + " " + ctx.path());
        }
    }

    private static ApiToken token(Context ctx) {
        return Objects.requireNonNull(ctx.attribute(TOKEN), "token");
    }

    /** The study named in the path, if the token reaches it and it exists; otherwise 404. */
    private StudyRecord study(Context ctx) {
        String code = ctx.pathParam("study");
        ApiToken t = token(ctx);
        if (!t.reachesStudy(code)) {
            throw ApiProblem.notFound("Study", "no study " + code);
        }
        return store.study(code).orElseThrow(() -> ApiProblem.notFound("Study", "no study " + code));
    }

    /** A candidate the token may see: a vendor sees only its own; any other answers 404, as if unknown. */
    private CandidateRecord candidate(Context ctx, StudyRecord study, String code) {
        ApiToken t = token(ctx);
        if (t.role() == Role.VENDOR && !code.equals(t.candidate())) {
            throw ApiProblem.notFound("Candidate", "no candidate " + code + " in study " + study.code());
        }
        return store.candidate(study.code(), code)
                .orElseThrow(() -> ApiProblem.notFound("Candidate", "no candidate " + code + " in study " + study.code()));
    }

    private static boolean visible(ApiToken t, String candidate) {
        return t.role() != Role.VENDOR || candidate.equals(t.candidate());
    }

    // ------------------------------------------------------------------ handlers: studies

    private void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    private void listStudies(Context ctx) {
        ApiToken t = token(ctx);
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (StudyRecord s : store.studies()) {
            if (t.reachesStudy(s.code())) {
                items.add(studyJson(s));
            }
        }
        ctx.json(Map.of("items", items));
    }

    private void createStudy(Context ctx) {
        Bodies.Study body = body(ctx, Bodies.Study.class);
        String code = code(body.code(), "code");
        String title = text(body.title(), "title");
        boolean created = store.study(code).isEmpty();
        store.ensureStudy(code, title);
        StudyRecord s = store.study(code).orElseThrow();
        if (!s.title().equals(title)) {
            throw ApiProblem.conflict("exists", "Study exists", "study " + code + " exists with another title");
        }
        if (created) {
            store.audit(token(ctx).actor(), "study.create", code, "study", code, null);
        }
        ctx.status(created ? 201 : 200).json(studyJson(s));
    }

    private void getStudy(Context ctx) {
        ctx.json(studyJson(study(ctx)));
    }

    private void lockStudy(Context ctx) {
        StudyRecord s = study(ctx);
        ctx.json(studyJson(store.lockStudy(s.code(), token(ctx).actor())));
    }

    private void verify(Context ctx) {
        StudyRecord s = study(ctx);
        VerifyReport r = store.verify(s.code());
        store.audit(token(ctx).actor(), "study.verify", s.code(), "study", s.code(),
                "{\"intact\":" + r.intact() + "}");
        ctx.json(r);
    }

    private void audit(Context ctx) {
        StudyRecord s = study(ctx);
        int limit = limit(ctx);
        long offset = offset(ctx);
        Page<AuditEntry> page = store.auditLog(s.code(), limit, offset);
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (AuditEntry e : page.items()) {
            ObjectNode n = items.addObject();
            n.put("id", e.id());
            n.put("at", e.at().toString());
            n.put("actor", e.actor());
            n.put("action", e.action());
            n.put("study", e.study());
            n.put("entity", e.entity());
            n.put("entityId", e.entityId());
            n.set("details", e.details() == null ? null : readTree(e.details()));
        }
        ctx.json(page(ctx, items, page));
    }

    // ------------------------------------------------------------------ candidates, participants

    private void listCandidates(Context ctx) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        List<CandidateRecord> visible = store.candidates(s.code()).stream().filter(c -> visible(t, c.code())).toList();
        ctx.json(Map.of("items", visible));
    }

    private void createCandidate(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Candidate body = body(ctx, Bodies.Candidate.class);
        String code = code(body.code(), "code");
        String name = text(body.displayName(), "displayName");
        boolean created = store.candidate(s.code(), code).isEmpty();
        guard(() -> {
            store.ensureCandidate(s.code(), code, name, body.vendor());
            return null;
        });
        CandidateRecord c = store.candidate(s.code(), code).orElseThrow();
        if (!c.equals(new CandidateRecord(code, name, body.vendor()))) {
            throw ApiProblem.conflict("exists", "Candidate exists", "candidate " + code + " exists with other details");
        }
        ctx.status(created ? 201 : 200).json(c);
    }

    private void getCandidate(Context ctx) {
        StudyRecord s = study(ctx);
        ctx.json(candidate(ctx, s, ctx.pathParam("candidate")));
    }

    private void listParticipants(Context ctx) {
        ctx.json(Map.of("items", store.participants(study(ctx).code())));
    }

    private void createParticipant(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Participant b = body(ctx, Bodies.Participant.class);
        String code = code(b.code(), "code");
        nonNegative(b.yearsInRole(), "yearsInRole");
        nonNegative(b.ehrExperienceYears(), "ehrExperienceYears");
        ParticipantRecord p = new ParticipantRecord(code, b.role(), b.yearsInRole(), b.ehrExperienceYears(),
                b.ehrSystemsUsed());
        boolean created = store.participant(s.code(), code).isEmpty();
        guard(() -> {
            store.ensureParticipant(s.code(), p);
            return null;
        });
        ParticipantRecord stored = store.participant(s.code(), code).orElseThrow();
        if (!stored.equals(p)) {
            throw ApiProblem.conflict("exists", "Participant exists", "participant " + code
                    + " exists with other details");
        }
        ctx.status(created ? 201 : 200).json(stored);
    }

    // ------------------------------------------------------------------ suites, runs, sessions

    private void saveSuiteVersion(Context ctx) {
        Bodies.SuiteVersion b = body(ctx, Bodies.SuiteVersion.class);
        String suiteId = text(b.suiteId(), "suiteId");
        String hash = hash(b.contentHash(), "contentHash");
        List<TaskText> tasks = new ArrayList<>();
        List<Bodies.Task> bodyTasks = require(b.tasks(), "tasks");
        if (bodyTasks.isEmpty()) {
            throw ApiProblem.invalid("tasks must list at least one task", "tasks");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bodyTasks.size(); i++) {
            Bodies.Task t = require(bodyTasks.get(i), "tasks[" + i + "]");
            String f = "tasks[" + i + "].";
            TaskText task = new TaskText(code(t.id(), f + "id"), text(t.title(), f + "title"),
                    require(t.instruction(), f + "instruction"), hash(t.contentHash(), f + "contentHash"));
            if (!ids.add(task.id())) {
                throw ApiProblem.invalid("task " + task.id() + " appears twice", f + "id");
            }
            tasks.add(task);
        }
        guard(() -> {
            store.saveSuiteVersion(suiteId, b.version(), hash, b.title(), tasks);
            return null;
        });
        ctx.status(200).json(Map.of("contentHash", hash, "tasks", tasks.size()));
    }

    private void listRuns(Context ctx) {
        ctx.json(Map.of("items", store.runs(study(ctx).code())));
    }

    private void startRun(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Run b = body(ctx, Bodies.Run.class);
        RunRecord run = new RunRecord(require(b.runId(), "runId"), s.code(), text(b.suiteId(), "suiteId"),
                b.suiteVersion(), hash(b.suiteHash(), "suiteHash"), text(b.kind(), "kind"),
                require(b.startedAt(), "startedAt"), b.finishedAt());
        String other = store.studyOfRun(run.runId()).orElse(s.code());
        if (!other.equals(s.code())) {
            throw ApiProblem.conflict("record-conflict", "Record conflict", "run " + run.runId()
                    + " is already stored in another study");
        }
        guard(() -> {
            store.startRun(run);
            return null;
        });
        ctx.json(store.run(run.runId()).orElseThrow());
    }

    private void finishRun(Context ctx) {
        StudyRecord s = study(ctx);
        UUID runId = uuid(ctx.pathParam("runId"), "runId");
        if (!store.studyOfRun(runId).map(s.code()::equals).orElse(false)) {
            throw ApiProblem.notFound("Run", "no run " + runId + " in study " + s.code());
        }
        Bodies.Finish b = body(ctx, Bodies.Finish.class);
        guard(() -> {
            store.finishRun(runId, require(b.finishedAt(), "finishedAt"));
            return null;
        });
        ctx.json(store.run(runId).orElseThrow());
    }

    private void listSessions(Context ctx) {
        ctx.json(Map.of("items", store.sessionsOfStudy(study(ctx).code())));
    }

    private void startSession(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Session b = body(ctx, Bodies.Session.class);
        SessionRecord session = new SessionRecord(require(b.sessionId(), "sessionId"), require(b.runId(), "runId"),
                code(b.candidate(), "candidate"), code(b.participant(), "participant"),
                require(b.startedAt(), "startedAt"));
        if (!store.studyOfRun(session.runId()).map(s.code()::equals).orElse(false)) {
            throw ApiProblem.invalid("no run " + session.runId() + " in study " + s.code(), "runId");
        }
        if (store.candidate(s.code(), session.candidate()).isEmpty()) {
            throw ApiProblem.invalid("no candidate " + session.candidate() + " in study " + s.code(), "candidate");
        }
        guard(() -> {
            store.startSession(session);
            return null;
        });
        ctx.json(store.session(session.sessionId()).orElseThrow());
    }

    // ------------------------------------------------------------------ attempts and events

    private void listAttempts(Context ctx) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        String candidate = ctx.queryParam("candidate");
        if (t.role() == Role.VENDOR) {
            if (candidate != null && !candidate.equals(t.candidate())) {
                throw ApiProblem.notFound("Candidate", "no candidate " + candidate + " in study " + s.code());
            }
            candidate = t.candidate();
        }
        Outcome outcome = null;
        String o = ctx.queryParam("outcome");
        if (o != null) {
            try {
                outcome = Outcome.fromCode(o);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("invalid-parameter", "Invalid query parameter", "outcome must be one of "
                        + "success, failure, critical-use-error, system-error, script-error; got \"" + o + "\"",
                        "outcome");
            }
        }
        AttemptQuery q = new AttemptQuery(s.code(), candidate, ctx.queryParam("task"), ctx.queryParam("participant"),
                outcome, limit(ctx), offset(ctx));
        Page<AttemptRecord> page = store.attempts(q);
        ArrayNode items = Json.MAPPER.createArrayNode();
        page.items().forEach(a -> items.add(attemptJson(s.code(), a, null)));
        ctx.json(page(ctx, items, page));
    }

    private void getAttempt(Context ctx) {
        StudyRecord s = study(ctx);
        AttemptRecord a = visibleAttempt(ctx, s);
        ctx.json(attemptJson(s.code(), a, store.recordHash(a.attemptId()).orElse(null)));
    }

    private void listEvents(Context ctx) {
        StudyRecord s = study(ctx);
        AttemptRecord a = visibleAttempt(ctx, s);
        Page<EventRecord> page = store.eventsOfAttempt(a.attemptId(), limit(ctx), offset(ctx));
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (EventRecord e : page.items()) {
            ObjectNode n = items.addObject();
            n.put("seq", e.seq());
            n.put("tMs", e.tMs());
            n.put("type", e.type());
            n.put("page", e.page());
            n.set("data", readTree(e.json()));
        }
        ctx.json(page(ctx, items, page));
    }

    private AttemptRecord visibleAttempt(Context ctx, StudyRecord s) {
        String raw = ctx.pathParam("attemptId");
        UUID id = uuid(raw, "attemptId");
        AttemptRecord a = store.attempt(s.code(), id).orElse(null);
        if (a == null || !visible(token(ctx), a.candidate())) {
            throw ApiProblem.notFound("Attempt", "no attempt " + id + " in study " + s.code());
        }
        return a;
    }

    private void saveAttempts(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.AttemptBatch batch = body(ctx, Bodies.AttemptBatch.class);
        List<Bodies.Attempt> items = require(batch.attempts(), "attempts");
        // The studies of the sessions named, in one query (the checks below still go attempt by attempt).
        Set<UUID> sessionIds = new HashSet<>();
        for (Bodies.Attempt b : items) {
            if (b != null && b.sessionId() != null) {
                sessionIds.add(b.sessionId());
            }
        }
        Map<UUID, String> sessionStudies = store.studiesOfSessions(sessionIds);
        List<AttemptRecord> attempts = new ArrayList<>();
        List<List<EventRecord>> events = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "attempts[" + i + "].";
            Bodies.Attempt b = require(items.get(i), "attempts[" + i + "]");
            AttemptRecord a = toAttempt(b, f);
            if (!ids.add(a.attemptId())) {
                throw ApiProblem.invalid("attempt " + a.attemptId() + " appears twice in the batch", f + "attemptId");
            }
            if (!s.code().equals(sessionStudies.get(a.sessionId()))) {
                throw ApiProblem.invalid("no session " + a.sessionId() + " in study " + s.code(), f + "sessionId");
            }
            attempts.add(a);
            events.add(toEvents(a.attemptId(), b.events(), f + "events"));
        }
        // One transaction: the batch (a few statements for all of it, see ResultsStore.saveAttempts) and its audit
        // entry are stored together or not at all.
        String actor = token(ctx).actor();
        List<Boolean> stored;
        try {
            stored = guard(() -> database.dsl().transactionResult(cfg -> {
                ResultsStore tx = new ResultsStore(cfg.dsl());
                List<Boolean> saved = tx.saveAttempts(attempts, events);
                long added = saved.stream().filter(Boolean::booleanValue).count();
                if (added > 0) {
                    tx.audit(actor, "attempts.upload", s.code(), "attempts", null,
                            "{\"stored\":" + added + ",\"alreadyStored\":" + (attempts.size() - added) + "}");
                }
                return saved;
            }));
        } catch (AttemptRefusedException e) {
            // The problem guard makes of the reason, naming the attempt.
            guard(() -> {
                throw e.reason();
            }, "attempts[" + e.index() + "]");
            throw e;
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        int added = 0;
        for (int i = 0; i < attempts.size(); i++) {
            results.addObject().put("attemptId", attempts.get(i).attemptId().toString())
                    .put("status", stored.get(i) ? "stored" : "already-stored");
            added += stored.get(i) ? 1 : 0;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("stored", added);
        out.put("alreadyStored", attempts.size() - added);
        out.set("results", results);
        ctx.json(out);
    }

    private static AttemptRecord toAttempt(Bodies.Attempt b, String f) {
        String outcome = require(b.outcome(), f + "outcome");
        Outcome o;
        try {
            o = Outcome.fromCode(outcome);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(f + "outcome must be one of success, failure, critical-use-error, system-error, "
                    + "script-error; got \"" + outcome + "\"", f + "outcome");
        }
        int attemptNo = require(b.attemptNo(), f + "attemptNo");
        if (attemptNo < 1) {
            throw ApiProblem.invalid(f + "attemptNo must be 1 or more", f + "attemptNo");
        }
        if (b.failedStep() != null && b.failedStep() < 1) {
            throw ApiProblem.invalid(f + "failedStep must be 1 or more", f + "failedStep");
        }
        return new AttemptRecord(require(b.attemptId(), f + "attemptId"), require(b.sessionId(), f + "sessionId"),
                code(b.candidate(), f + "candidate"), code(b.task(), f + "task"), code(b.participant(), f + "participant"),
                attemptNo, o, b.reason(), b.failedStep(), require(b.startedAt(), f + "startedAt"),
                nonNegative(b.timeMs(), f + "timeMs", true), (int) nonNegative(b.clicks(), f + "clicks", true),
                (int) nonNegative(b.keystrokes(), f + "keystrokes", true),
                (int) nonNegative(b.screens(), f + "screens", true), (int) nonNegative(b.pageLoads(), f + "pageLoads", true),
                nonNegative(b.scrollPx(), f + "scrollPx", true), (int) nonNegative(b.dialogs(), f + "dialogs", true),
                (int) nonNegative(b.validationErrors(), f + "validationErrors", true),
                nonNegative(b.systemResponseMs(), f + "systemResponseMs", true),
                nonNegative(b.klmMs(), f + "klmMs", true));
    }

    private static List<EventRecord> toEvents(UUID attemptId, List<Bodies.Event> events, String f) {
        List<EventRecord> out = new ArrayList<>();
        if (events == null) {
            return out;
        }
        Set<Long> seqs = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String g = f + "[" + i + "]";
            Bodies.Event e = require(events.get(i), g);
            long seq = nonNegative(e.seq(), g + ".seq", true);
            if (!seqs.add(seq)) {
                throw ApiProblem.invalid("event seq " + seq + " appears twice", g + ".seq");
            }
            double t = require(e.tMs(), g + ".tMs");
            if (!Double.isFinite(t)) {
                throw ApiProblem.invalid(g + ".tMs must be a finite number", g + ".tMs");
            }
            JsonNode data = require(e.data(), g + ".data");
            if (!data.isObject()) {
                throw ApiProblem.invalid(g + ".data must be a JSON object", g + ".data");
            }
            String json = data.toString();
            if (json.contains("\\u0000")) {
                throw ApiProblem.invalid(g + ".data must not contain the character U+0000", g + ".data");
            }
            out.add(new EventRecord(attemptId, seq, t, text(e.type(), g + ".type"), e.page(), json));
        }
        return out;
    }

    // ------------------------------------------------------------------ questionnaires

    private void listQuestionnaires(Context ctx) {
        StudyRecord s = study(ctx);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("taskRatings", Json.MAPPER.valueToTree(store.taskRatings(s.code())));
        out.set("sus", Json.MAPPER.valueToTree(store.susAnswers(s.code())));
        ctx.json(out);
    }

    private void saveQuestionnaires(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Questionnaires b = body(ctx, Bodies.Questionnaires.class);
        List<TaskRatingRecord> ratings = new ArrayList<>();
        List<SusRecord> sus = new ArrayList<>();
        List<Bodies.TaskRating> rb = b.taskRatings() == null ? List.of() : b.taskRatings();
        for (int i = 0; i < rb.size(); i++) {
            String f = "taskRatings[" + i + "].";
            Bodies.TaskRating r = require(rb.get(i), "taskRatings[" + i + "]");
            UUID session = sessionIn(s, require(r.sessionId(), f + "sessionId"), f + "sessionId");
            int min = r.scaleMin() == null ? 1 : r.scaleMin();
            int max = r.scaleMax() == null ? 7 : r.scaleMax();
            int rating = require(r.rating(), f + "rating");
            if (min >= max) {
                throw ApiProblem.invalid(f + "scaleMin must be below scaleMax", f + "scaleMin");
            }
            if (rating < min || rating > max) {
                throw ApiProblem.invalid(f + "rating must be " + min + ".." + max + ", got " + rating, f + "rating");
            }
            ratings.add(new TaskRatingRecord(session, code(r.task(), f + "task"),
                    r.instrument() == null ? "seq" : code(r.instrument(), f + "instrument"), rating, min, max,
                    r.comment(), require(r.answeredAt(), f + "answeredAt")));
        }
        List<Bodies.Sus> sb = b.sus() == null ? List.of() : b.sus();
        for (int i = 0; i < sb.size(); i++) {
            String f = "sus[" + i + "].";
            Bodies.Sus r = require(sb.get(i), "sus[" + i + "]");
            UUID session = sessionIn(s, require(r.sessionId(), f + "sessionId"), f + "sessionId");
            List<Integer> answers = require(r.answers(), f + "answers");
            if (answers.size() != 10) {
                throw ApiProblem.invalid(f + "answers must hold the 10 SUS items, got " + answers.size(), f + "answers");
            }
            for (int k = 0; k < 10; k++) {
                Integer a = answers.get(k);
                if (a == null || a < 1 || a > 5) {
                    throw ApiProblem.invalid(f + "answers[" + k + "] must be 1..5, got " + a, f + "answers[" + k + "]");
                }
            }
            sus.add(new SusRecord(session, answers, require(r.answeredAt(), f + "answeredAt")));
        }
        int[] stored = new int[2];
        database.dsl().transaction(cfg -> {
            ResultsStore tx = new ResultsStore(cfg.dsl());
            for (int i = 0; i < ratings.size(); i++) {
                int k = i;
                stored[0] += guard(() -> tx.saveTaskRating(ratings.get(k)), "taskRatings[" + i + "]") ? 1 : 0;
            }
            for (int i = 0; i < sus.size(); i++) {
                int k = i;
                stored[1] += guard(() -> tx.saveSus(sus.get(k)), "sus[" + i + "]") ? 1 : 0;
            }
        });
        ctx.json(Map.of("taskRatingsStored", stored[0], "susStored", stored[1],
                "alreadyStored", ratings.size() + sus.size() - stored[0] - stored[1]));
    }

    private UUID sessionIn(StudyRecord s, UUID session, String field) {
        if (!store.studyOfSession(session).map(s.code()::equals).orElse(false)) {
            throw ApiProblem.invalid("no session " + session + " in study " + s.code(), field);
        }
        return session;
    }

    // ------------------------------------------------------------------ scores and reports

    private void scores(Context ctx) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        String candidate = ctx.queryParam("candidate");
        if (candidate != null) {
            candidate(ctx, s, candidate);
        }
        if (t.role() == Role.VENDOR) {
            candidate = t.candidate();
        }
        String json = scores.json(s.code(), candidate);
        store.audit(t.actor(), "scores.read", s.code(), candidate == null ? "study" : "candidate",
                candidate == null ? s.code() : candidate, null);
        ctx.contentType("application/json").result(json);
    }

    /**
     * What /scores analyses, as the CSV files {@code bedside analyze} reads (participant codes included, so not for
     * boards; a vendor gets its own candidate's rows only).
     */
    private void export(Context ctx, boolean attempts) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        String candidate = t.role() == Role.VENDOR ? t.candidate() : null;
        Scores.Selection selection = scores.select(s.code(), candidate);
        store.audit(t.actor(), "export.read", s.code(), candidate == null ? "study" : "candidate",
                candidate == null ? s.code() : candidate, attempts ? "{\"file\":\"attempts.csv\"}" : "{\"file\":\"sus.csv\"}");
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + s.code() + (attempts ? "-attempts" : "-sus") + ".csv\"")
                .result(attempts ? Scores.attemptsCsv(selection) : Scores.susCsv(selection));
    }

    private void studyReport(Context ctx) {
        StudyRecord s = study(ctx);
        Scores.Selection selection = scores.select(s.code(), null);
        String html = Reports.study(s, store.candidates(s.code()), selection,
                selection.empty() ? null : Scores.analyze(s.code(), selection));
        store.audit(token(ctx).actor(), "report.read", s.code(), "study", s.code(), null);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void candidateReport(Context ctx) {
        StudyRecord s = study(ctx);
        CandidateRecord c = candidate(ctx, s, ctx.pathParam("candidate"));
        Scores.Selection selection = scores.select(s.code(), c.code());
        String html = Reports.candidate(s, c, selection, selection.empty() ? null : Scores.analyze(s.code(), selection));
        store.audit(token(ctx).actor(), "report.read", s.code(), "candidate", c.code(), null);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    // ------------------------------------------------------------------ JSON shapes

    private static ObjectNode studyJson(StudyRecord s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("code", s.code());
        n.put("title", s.title());
        n.put("locked", s.locked());
        n.put("lockedAt", s.lockedAt() == null ? null : s.lockedAt().toString());
        n.put("createdAt", s.createdAt() == null ? null : s.createdAt().toString());
        return n;
    }

    static ObjectNode attemptJson(String study, AttemptRecord a, String recordHash) {
        return Json.attempt(study, a, recordHash);
    }

    private static ObjectNode page(Context ctx, ArrayNode items, Page<?> page) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.set("items", items);
        n.put("total", page.total());
        n.put("limit", page.limit());
        n.put("offset", page.offset());
        if (page.hasMore()) {
            StringBuilder next = new StringBuilder(ctx.path()).append("?");
            ctx.queryParamMap().forEach((k, vs) -> {
                if (!k.equals("offset") && !k.equals("limit")) {
                    vs.forEach(v -> next.append(enc(k)).append('=').append(enc(v)).append('&'));
                }
            });
            next.append("limit=").append(page.limit()).append("&offset=").append(page.offset() + page.items().size());
            n.put("next", next.toString());
        } else {
            n.putNull("next");
        }
        return n;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    // ------------------------------------------------------------------ validation helpers

    /** The JSON body as {@code type}: 415 unless it is sent as JSON, 400 when it is not valid or not that shape. */
    private static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        String mime = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json" + (contentType == null ? "" : ", not " + contentType),
                    null, null);
        }
        return JsonBodies.read(ctx.bodyAsBytes(), type);
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(v);
            if (limit >= 1 && limit <= AttemptQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Invalid query parameter",
                "limit must be an integer 1.." + AttemptQuery.MAX_LIMIT + ", got \"" + v + "\"", "limit");
    }

    private static long offset(Context ctx) {
        String v = ctx.queryParam("offset");
        if (v == null) {
            return 0;
        }
        try {
            long offset = Long.parseLong(v);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Invalid query parameter",
                "offset must be an integer 0 or more, got \"" + v + "\"", "offset");
    }

    private static UUID uuid(String raw, String field) {
        try {
            if (raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Invalid identifier", field + " must be a UUID, got \""
                + (raw.length() > 60 ? raw.substring(0, 60) + "…" : raw) + "\"", field);
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw ApiProblem.missing(field);
        }
        return value;
    }

    private static String text(String value, String field) {
        if (require(value, field).isBlank()) {
            throw ApiProblem.invalid(field + " must not be blank", field);
        }
        return value;
    }

    private static String code(String value, String field) {
        text(value, field);
        if (value.length() > 100 || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw ApiProblem.invalid(field + " must be 1-100 letters, digits, '.', '_', ':' or '-' (starting with a "
                    + "letter or digit), got \"" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "\"",
                    field);
        }
        return value;
    }

    private static String hash(String value, String field) {
        text(value, field);
        if (!value.matches("(sha256:)?[0-9a-f]{64}")) {
            throw ApiProblem.invalid(field + " must be a SHA-256 in lower-case hex (optionally prefixed sha256:)", field);
        }
        return value;
    }

    private static void nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw ApiProblem.invalid(field + " must be 0 or more", field);
        }
    }

    private static long nonNegative(Number value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw ApiProblem.missing(field);
            }
            return 0;
        }
        if (value.longValue() < 0) {
            throw ApiProblem.invalid(field + " must be 0 or more, got " + value, field);
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.longValue();
        }
        throw ApiProblem.invalid(field + " must be an integer", field);
    }

    /** Runs a store call; its refusals become problems (naming {@code field} when given). */
    static <T> T guard(Supplier<T> call) {
        return guard(call, null);
    }

    static <T> T guard(Supplier<T> call, String field) {
        String where = field == null ? "" : field + ": ";
        try {
            return call.get();
        } catch (StudyLockedException e) {
            throw new ApiProblem(409, "study-locked", "Study locked", where + e.getMessage(), field, null);
        } catch (RecordConflictException e) {
            throw new ApiProblem(409, "record-conflict", "Record conflict", where + e.getMessage(), field, null);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            if (e instanceof ApiProblem) {
                throw e;
            }
            throw new ApiProblem(422, "invalid-record", "Invalid record", where + e.getMessage(), field, null);
        }
    }

    // ------------------------------------------------------------------ problems

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(PROBLEM_JSON);
    }

    static void problem(Context ctx, ApiProblem p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "urn:bedside:problem:" + p.type());
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.detail());
        n.put("instance", ctx.path());
        if (p.field() != null) {
            n.put("field", p.field());
        }
        p.headers().forEach(ctx::header);
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(Json.write(n));
    }

    private static ApiProblem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> new ApiProblem(413, "body-too-large", "Body too large",
                    "the request body is larger than the server accepts (" + e.getMessage() + ")");
            case 404 -> new ApiProblem(404, "no-such-route", "No such route",
                    "there is no such route; see /api/openapi.json");
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed",
                    "the method is not allowed here; see /api/openapi.json");
            default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
        };
    }

    private static ApiProblem fromException(Exception e, Context ctx) {
        if (ResultsStore.isLocked(e)) {
            return new ApiProblem(409, "study-locked", "Study locked", firstLine(rootMessage(e)));
        }
        if (e instanceof DataAccessException d && d.sqlState() != null) {
            String state = d.sqlState();
            if (state.startsWith("23")) {
                return new ApiProblem(409, "constraint", "Refused by the database", firstLine(rootMessage(e)));
            }
            if (state.startsWith("22")) {
                return new ApiProblem(422, "invalid-value", "Invalid value", firstLine(rootMessage(e)));
            }
        }
        LOG.error("Unexpected error in {} {}", ctx.method(), ctx.path(), e);
        return new ApiProblem(500, "internal", "Internal error", "the server failed; the log has the details");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = ResultsApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
