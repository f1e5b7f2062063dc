package bedside.results.server;

import bedside.results.CandidateRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/** The study's comparison page and a candidate's page, counted as /scores counts. */
final class ReportRoutes extends RouteGroup {
    ReportRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/report", this::studyReport, ADMIN, EVALUATOR, BOARD);
        r.route(HandlerType.GET, "/api/studies/{study}/candidates/{candidate}/report", this::candidateReport, ADMIN,
                EVALUATOR, VENDOR, BOARD);;
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
}
