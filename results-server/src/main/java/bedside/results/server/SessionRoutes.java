package bedside.results.server;

import bedside.results.SessionRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Map;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Requests.*;

/** Sessions: one participant (or the expert path) on one candidate within a run. */
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
}
