package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.CandidateRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Map;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/** The candidates of a study (a vendor sees only its own; any other answers 404, as if unknown). */
final class CandidateRoutes extends RouteGroup {
    CandidateRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/candidates", this::listCandidates, ADMIN, EVALUATOR, VENDOR,
                BOARD);
        r.route(HandlerType.POST, "/api/studies/{study}/candidates", this::createCandidate, ADMIN, EVALUATOR);
        r.route(HandlerType.GET, "/api/studies/{study}/candidates/{candidate}", this::getCandidate, ADMIN, EVALUATOR,
                VENDOR, BOARD);
    }

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
}
