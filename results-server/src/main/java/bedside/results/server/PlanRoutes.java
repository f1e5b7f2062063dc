package bedside.results.server;

import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.StudyRecord;
import bedside.results.client.Json;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/**
 * A study's plan ({@link StudyPlan}): written and replaced while unlocked, then locked once — from then on the study's
 * sessions are held to it. Read by every role that sees the study (a vendor sees how its candidate will be scored).
 * Locking the plan is not locking the study: {@code POST /api/studies/{study}/lock} closes the study's evidence.
 */
final class PlanRoutes extends RouteGroup {
    PlanRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/plan", this::getPlan, ADMIN, EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.PUT, "/api/studies/{study}/plan", this::savePlan, ADMIN, EVALUATOR);
        r.route(HandlerType.POST, "/api/studies/{study}/plan/lock", this::lockPlan, ADMIN, EVALUATOR);
    }

    private void getPlan(Context ctx) {
        StudyRecord s = study(ctx);
        StoredPlan plan = guard(() -> store.plan(s.code())).orElseThrow(() -> ApiProblem.notFound("Plan", "study "
                + s.code() + " has no plan: write one with `bedside study plan " + s.code() + " …`"));
        ctx.json(Json.plan(plan));
    }

    private void savePlan(Context ctx) {
        StudyRecord s = study(ctx);
        StudyPlan plan = planBody(ctx);
        if (!plan.study().equals(s.code())) {
            throw ApiProblem.badRequest("invalid-plan", "Invalid plan", "the plan is the plan of study " + plan.study()
                    + ", not of study " + s.code(), "study");
        }
        boolean created = store.plan(s.code()).isEmpty();
        StoredPlan saved;
        try {
            saved = guard(() -> store.savePlan(plan, token(ctx).actor()));
        } catch (ApiProblem p) {
            // What the store finds wrong with the plan itself (its candidates, its suite hash) is a bad plan.
            if (p.type().equals("invalid-record")) {
                throw ApiProblem.badRequest("invalid-plan", "Invalid plan", p.detail(), null);
            }
            throw p;
        }
        ctx.status(created ? 201 : 200).json(Json.plan(saved));
    }

    private void lockPlan(Context ctx) {
        StudyRecord s = study(ctx);
        ctx.json(Json.plan(guard(() -> store.lockPlan(s.code(), token(ctx).actor()))));
    }

    /** The body as a plan: 415 unless sent as JSON, 400 with the reason when it is not a plan. */
    private static StudyPlan planBody(Context ctx) {
        requireJson(ctx);
        byte[] body = ctx.bodyAsBytes();
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("missing-body", "Missing body", "the request needs the plan as its JSON body",
                    null);
        }
        try {
            return StudyPlan.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-plan", "Invalid plan", e.getMessage(), null);
        }
    }
}
