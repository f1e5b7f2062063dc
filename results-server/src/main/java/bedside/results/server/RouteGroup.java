package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.CandidateRecord;
import bedside.results.Role;
import bedside.results.StudyRecord;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.ResultsStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Objects;

/**
 * A group of routes for one resource, with what its handlers share: the store, the scores, and the narrowing
 * to what the caller's token reaches — its study, and for a vendor its own candidate; anything else answers 404 as
 * if it did not exist.
 */
abstract class RouteGroup {
    /** What the handlers work with, made once per server. */
    record Services(Database database, ResultsStore store, AccessTokens tokens, Scores scores) {
    }

    final Database database;
    final ResultsStore store;
    final AccessTokens tokens;
    final Scores scores;

    RouteGroup(Services services) {
        this.database = services.database();
        this.store = services.store();
        this.tokens = services.tokens();
        this.scores = services.scores();
    }

    /** Registers this group's routes, each with the roles that may call it. */
    abstract void register(Router r);

    /** Where a group registers its routes. */
    interface Router {
        void route(HandlerType method, String path, Handler handler, Access... roles);
    }

    static ApiToken token(Context ctx) {
        return Objects.requireNonNull(ctx.attribute(ResultsApi.TOKEN), "token");
    }

    /** The study named in the path, if the token reaches it and it exists; otherwise 404. */
    StudyRecord study(Context ctx) {
        String code = ctx.pathParam("study");
        ApiToken t = token(ctx);
        if (!t.reachesStudy(code)) {
            throw ApiProblem.notFound("Study", "no study " + code);
        }
        return store.study(code).orElseThrow(() -> ApiProblem.notFound("Study", "no study " + code));
    }

    /** A candidate the token may see: a vendor sees only its own; any other answers 404, as if unknown. */
    CandidateRecord candidate(Context ctx, StudyRecord study, String code) {
        ApiToken t = token(ctx);
        if (t.role() == Role.VENDOR && !code.equals(t.candidate())) {
            throw ApiProblem.notFound("Candidate", "no candidate " + code + " in study " + study.code());
        }
        return store.candidate(study.code(), code)
                .orElseThrow(() -> ApiProblem.notFound("Candidate", "no candidate " + code + " in study " + study.code()));
    }

    /**
     * The attempt named in the path ({@code attemptId}), if it is in the study and the token may see its candidate;
     * otherwise 404, the same answer as for an attempt that does not exist.
     */
    bedside.results.AttemptRecord visibleAttempt(Context ctx, StudyRecord s) {
        java.util.UUID id = Requests.uuid(ctx.pathParam("attemptId"), "attemptId");
        bedside.results.AttemptRecord a = store.attempt(s.code(), id).orElse(null);
        if (a == null || !visible(token(ctx), a.candidate())) {
            throw ApiProblem.notFound("Attempt", "no attempt " + id + " in study " + s.code());
        }
        return a;
    }

    static boolean visible(ApiToken t, String candidate) {
        return t.role() != Role.VENDOR || candidate.equals(t.candidate());
    }
}
