package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.AttemptQuery;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.Page;
import bedside.results.Role;
import bedside.results.SessionFacts;
import bedside.results.StudyRecord;
import bedside.results.client.Json;
import bedside.results.store.AttemptRefusedException;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/** Attempts and their events: stored in batches, idempotently, in the study's hash chain; read under the access rules. */
final class AttemptRoutes extends RouteGroup {
    AttemptRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/attempts", this::listAttempts, ADMIN, EVALUATOR, VENDOR);
        r.route(HandlerType.POST, "/api/studies/{study}/attempts", this::saveAttempts, ADMIN, EVALUATOR);
        r.route(HandlerType.GET, "/api/studies/{study}/attempts/{attemptId}", this::getAttempt, ADMIN, EVALUATOR,
                VENDOR);
        r.route(HandlerType.GET, "/api/studies/{study}/attempts/{attemptId}/events", this::listEvents, ADMIN,
                EVALUATOR, VENDOR);
    }

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
        page.items().forEach(a -> items.add(Json.attempt(s.code(), a, null)));
        ctx.json(page(ctx, items, page));
    }

    private void getAttempt(Context ctx) {
        StudyRecord s = study(ctx);
        AttemptRecord a = visibleAttempt(ctx, s);
        ctx.json(Json.attempt(s.code(), a, store.recordHash(a.attemptId()).orElse(null)));
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
                nonNegative(b.klmMs(), f + "klmMs", true), sessionFacts(b.session(), o, f + "session."));
    }

    /** What a moderated session adds to an attempt, checked field by field; null for the expert path. */
    private static SessionFacts sessionFacts(Bodies.SessionFacts b, Outcome outcome, String f) {
        if (b == null) {
            return null;
        }
        String said = require(b.participantSaid(), f + "participantSaid");
        if (!List.of("done", "gave-up", "timed-out").contains(said)) {
            throw ApiProblem.invalid(f + "participantSaid must be done, gave-up or timed-out, got \"" + said + "\"",
                    f + "participantSaid");
        }
        if (b.success() != null) {
            if (!b.success().equals("direct") && !b.success().equals("indirect")) {
                throw ApiProblem.invalid(f + "success must be direct, indirect or null, got \"" + b.success() + "\"",
                        f + "success");
            }
            if (outcome != Outcome.SUCCESS) {
                throw ApiProblem.invalid(f + "success is for an attempt that succeeded, not one whose outcome is "
                        + outcome.code(), f + "success");
            }
        }
        return new SessionFacts(said, measure(b.pathDeviation(), f + "pathDeviation"),
                measure(b.timeDeviation(), f + "timeDeviation"), b.success(), measure(b.lostness(), f + "lostness"),
                (int) nonNegative(b.misclicks(), f + "misclicks", true));
    }

    private static Double measure(Double value, String field) {
        if (value != null && !(Double.isFinite(value) && value >= 0)) {
            throw ApiProblem.invalid(field + " must be a number, 0 or more, got " + value, field);
        }
        return value;
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
}
