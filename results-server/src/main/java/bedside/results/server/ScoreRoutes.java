package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.Role;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/** Scores (the statistics module's analysis of the stored attempts) and the CSV export that reproduces them. */
final class ScoreRoutes extends RouteGroup {
    ScoreRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/scores", this::scores, ADMIN, EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.GET, "/api/studies/{study}/export/attempts.csv", ctx -> export(ctx, "attempts"), ADMIN,
                EVALUATOR, VENDOR);
        r.route(HandlerType.GET, "/api/studies/{study}/export/sus.csv", ctx -> export(ctx, "sus"), ADMIN, EVALUATOR,
                VENDOR);
        r.route(HandlerType.GET, "/api/studies/{study}/export/not-applicable.csv", ctx -> export(ctx, "not-applicable"),
                ADMIN, EVALUATOR, VENDOR);
        r.route(HandlerType.GET, "/api/studies/{study}/export/weights.csv", ctx -> export(ctx, "weights"), ADMIN,
                EVALUATOR, VENDOR);
        // Aggregates per candidate and task, no participant codes: boards may have it too.
        r.route(HandlerType.GET, "/api/studies/{study}/export/chpl.csv", this::chpl, ADMIN, EVALUATOR, VENDOR, BOARD);
        // The participants' details: the evaluators' own, never a vendor's or a board's.
        r.route(HandlerType.GET, "/api/studies/{study}/export/participants.csv", this::participants, ADMIN, EVALUATOR);
    }

    private void participants(Context ctx) {
        StudyRecord s = study(ctx);
        sendCsv(ctx, s, token(ctx), null, "participants", scores.participantsCsv(s.code()));
    }

    /** The scores in the shape of ONC's certified product list (a vendor: its own candidate's rows only). */
    private void chpl(Context ctx) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        String candidate = t.role() == Role.VENDOR ? t.candidate() : null;
        sendCsv(ctx, s, t, candidate, "chpl", scores.chplCsv(s.code(), candidate));
    }

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
     * One of the CSV files {@code bedside analyze} reproduces /scores from: attempts, sus, not-applicable or weights
     * (the locked plan's; 404 without one). Participant codes included, so not for boards; a vendor gets its own
     * candidate's rows only.
     */
    private void export(Context ctx, String file) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        String candidate = t.role() == Role.VENDOR ? t.candidate() : null;
        Scores.Selection selection = scores.select(s.code(), candidate);
        if (file.equals("weights") && selection.plan() == null) {
            throw ApiProblem.notFound("weights", "study " + s.code() + " has no locked plan: its scores use equal "
                    + "weights");
        }
        sendCsv(ctx, s, t, candidate, file, switch (file) {
            case "attempts" -> Scores.attemptsCsv(selection);
            case "sus" -> Scores.susCsv(selection);
            case "weights" -> Scores.weightsCsv(selection);
            default -> Scores.notApplicableCsv(selection);
        });
    }

    /** An exported file, audited as read (of the study, or of the vendor's own candidate), sent as STUDY-FILE.csv. */
    private void sendCsv(Context ctx, StudyRecord s, ApiToken t, String candidate, String file, String csv) {
        store.audit(t.actor(), "export.read", s.code(), candidate == null ? "study" : "candidate",
                candidate == null ? s.code() : candidate, "{\"file\":\"" + file + ".csv\"}");
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + s.code() + "-" + file + ".csv\"")
                .result(csv);
    }
}
