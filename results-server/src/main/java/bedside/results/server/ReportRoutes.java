package bedside.results.server;

import bedside.reports.documents.ResultsIndex;
import bedside.results.CandidateRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.Comparator;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/**
 * The reports people act on: the board's decision page, each candidate's report (a vendor only its own), and the
 * evaluators' results page that lists them — all made from what is stored at the moment they are asked for.
 */
final class ReportRoutes extends RouteGroup {
    ReportRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/report", this::board, ADMIN, EVALUATOR, BOARD);
        r.route(HandlerType.GET, "/api/studies/{study}/candidates/{candidate}/report", this::vendor, ADMIN,
                EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.GET, "/api/studies/{study}/results", this::results, ADMIN, EVALUATOR);
    }

    private void board(Context ctx) {
        StudyRecord s = study(ctx);
        String html = new ReportDocuments(store).board(s.code(), c -> "candidates/" + c + "/report", Instant.now())
                .render();
        store.audit(token(ctx).actor(), "report.read", s.code(), "study", s.code(), null);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void vendor(Context ctx) {
        StudyRecord s = study(ctx);
        CandidateRecord c = candidate(ctx, s, ctx.pathParam("candidate"));
        ReportDocuments documents = new ReportDocuments(store);
        // the page is at /api/studies/{s}/candidates/{c}/report, the replays at /api/studies/{s}/attempts/{id}/replay
        String html = documents.vendor(documents.score(s.code()), c.code(), Instant.now(),
                id -> "../../attempts/" + id + "/replay").render();
        store.audit(token(ctx).actor(), "report.read", s.code(), "candidate", c.code(), null);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** Every report of the study, with the date of the data it would show and the plan it follows. */
    private void results(Context ctx) {
        StudyRecord s = study(ctx);
        StoredPlan plan = store.plan(s.code()).filter(StoredPlan::locked).orElse(null);
        // Absolute addresses: the page answers at …/results and …/results/ alike.
        String base = "/api/studies/" + s.code() + "/";
        var reports = new java.util.ArrayList<ResultsIndex.Entry>();
        // When the latest attempt of each candidate started (the stored attempts read once).
        java.util.Map<String, Instant> latest = new java.util.HashMap<>();
        store.attemptsOfStudy(s.code(), null).forEach(a -> latest.merge(a.candidate(), a.startedAt(),
                (x, y) -> y.isAfter(x) ? y : x));
        Instant all = latest.values().stream().max(Comparator.naturalOrder()).orElse(null);
        reports.add(new ResultsIndex.Entry("The board's decision page", base + "report", "the board, evaluators", all));
        for (CandidateRecord c : store.candidates(s.code())) {
            reports.add(new ResultsIndex.Entry("Report for " + c.displayName(), base + "candidates/" + c.code() + "/report",
                    "its vendor" + (c.vendor() == null ? "" : " (" + c.vendor() + ")") + ", evaluators, the board",
                    latest.get(c.code())));
        }
        var exports = java.util.List.of(
                new ResultsIndex.Entry("Certified product list (170.315(g)(3)) CSV", base + "export/chpl.csv", "boards, evaluators; a vendor its own rows", all),
                new ResultsIndex.Entry("Participants' table CSV", base + "export/participants.csv", "evaluators only", all),
                new ResultsIndex.Entry("Attempts CSV (bedside analyze)", base + "export/attempts.csv", "evaluators; a vendor its own rows", all),
                new ResultsIndex.Entry("SUS CSV", base + "export/sus.csv", "evaluators; a vendor its own rows", all));
        String html = new ResultsIndex(s.code(), s.title(), plan == null ? null : plan.hash(),
                plan == null ? null : plan.lockedAt(), plan != null && plan.plan().simulated(),
                s.locked() ? s.lockedAt() : null, reports, exports, Instant.now()).render();
        store.audit(token(ctx).actor(), "results.read", s.code(), "study", s.code(), null);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
