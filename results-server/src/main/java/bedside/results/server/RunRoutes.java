package bedside.results.server;

import bedside.results.RunRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Map;
import java.util.UUID;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Requests.*;

/** Runs: started and finished by the harness, scripted or with participants. */
final class RunRoutes extends RouteGroup {
    RunRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/runs", this::listRuns, ADMIN, EVALUATOR);
        r.route(HandlerType.POST, "/api/studies/{study}/runs", this::startRun, ADMIN, EVALUATOR);
        r.route(HandlerType.POST, "/api/studies/{study}/runs/{runId}/finish", this::finishRun, ADMIN, EVALUATOR);
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
}
