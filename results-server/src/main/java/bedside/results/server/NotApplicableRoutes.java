package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.NotApplicableRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/** Tasks that candidates' bindings mark as not applicable, with the reasons: recorded by runs, read by every role. */
final class NotApplicableRoutes extends RouteGroup {
    NotApplicableRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/not-applicable", this::list, ADMIN, EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.POST, "/api/studies/{study}/not-applicable", this::save, ADMIN, EVALUATOR);
    }

    private void list(Context ctx) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        ctx.json(Map.of("items", store.notApplicable(s.code(), null).stream().filter(m -> visible(t, m.candidate()))
                .toList()));
    }

    private void save(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.NotApplicableMarks body = body(ctx, Bodies.NotApplicableMarks.class);
        List<Bodies.NotApplicable> items = require(body.items(), "items");
        List<NotApplicableRecord> marks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "items[" + i + "].";
            Bodies.NotApplicable m = require(items.get(i), "items[" + i + "]");
            marks.add(new NotApplicableRecord(code(m.candidate(), f + "candidate"), hash(m.suiteHash(), f + "suiteHash"),
                    text(m.task(), f + "task"), text(m.reason(), f + "reason")));
        }
        guard(() -> {
            store.saveNotApplicable(s.code(), marks);
            return null;
        });
        ctx.json(Map.of("items", store.notApplicable(s.code(), null)));
    }
}
