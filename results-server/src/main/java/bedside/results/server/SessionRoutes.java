package bedside.results.server;

import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Map;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Requests.*;

/**
 * Sessions: one participant (or the expert path) on one candidate within a run; a pilot or a simulated one says so. A
 * new session is held to the study's plan (see {@link bedside.results.store.ResultsStore#startSession}).
 */
final class SessionRoutes extends RouteGroup {
    SessionRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/sessions", this::listSessions, ADMIN, EVALUATOR);
        r.route(HandlerType.POST, "/api/studies/{study}/sessions", this::startSession, ADMIN, EVALUATOR);
    }

    private void listSessions(Context ctx) {
        ctx.json(Map.of("items", store.sessionsOfStudy(study(ctx).code())));
    }

    private void startSession(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Session b = body(ctx, Bodies.Session.class);
        SessionRecord session = new SessionRecord(require(b.sessionId(), "sessionId"), require(b.runId(), "runId"),
                code(b.candidate(), "candidate"), code(b.participant(), "participant"),
                require(b.startedAt(), "startedAt"), order(b.order()), Boolean.TRUE.equals(b.pilot()),
                Boolean.TRUE.equals(b.simulated()));
        if (!store.studyOfRun(session.runId()).map(s.code()::equals).orElse(false)) {
            throw ApiProblem.invalid("no run " + session.runId() + " in study " + s.code(), "runId");
        }
        if (store.candidate(s.code(), session.candidate()).isEmpty()) {
            throw ApiProblem.invalid("no candidate " + session.candidate() + " in study " + s.code(), "candidate");
        }
        // The plan's refusals (not locked, not the plan's suite or candidate, simulated and real mixed) are 409s.
        guard(() -> {
            store.startSession(session);
            return null;
        }, session.order() == null ? null : "order");
        ctx.json(store.session(session.sessionId()).orElseThrow());
    }

    /** A moderated session's task order, checked field by field (the store checks its tasks against the suite). */
    private static SessionOrder order(Bodies.Order o) {
        if (o == null) {
            return null;
        }
        String mode = require(o.mode(), "order.mode");
        if (!List.of("fixed", "random", "latin").contains(mode)) {
            throw ApiProblem.invalid("order.mode must be fixed, random or latin, got \"" + mode + "\"", "order.mode");
        }
        if (mode.equals("random") && o.seed() == null) {
            throw ApiProblem.invalid("a random order needs its seed", "order.seed");
        }
        if (mode.equals("latin") && o.participantIndex() == null) {
            throw ApiProblem.invalid("a Latin square order needs the participant's index (its row)",
                    "order.participantIndex");
        }
        nonNegative(o.participantIndex(), "order.participantIndex");
        List<String> tasks = require(o.tasks(), "order.tasks");
        for (int i = 0; i < tasks.size(); i++) {
            code(tasks.get(i), "order.tasks[" + i + "]");
        }
        int position = require(o.candidatePosition(), "order.candidatePosition");
        if (position < 1) {
            throw ApiProblem.invalid("order.candidatePosition is 1-based, got " + position, "order.candidatePosition");
        }
        return new SessionOrder(mode, o.seed(), o.participantIndex(), tasks, position);
    }
}
