package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.AuditEntry;
import bedside.results.Page;
import bedside.results.StudyRecord;
import bedside.results.VerifyReport;
import bedside.results.client.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Map;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/** Studies: list, create, read, lock; the hash chain's verification and the audit log of a study. */
final class StudyRoutes extends RouteGroup {
    StudyRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies", this::listStudies, ADMIN, EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.POST, "/api/studies", this::createStudy, ADMIN);
        r.route(HandlerType.GET, "/api/studies/{study}", this::getStudy, ADMIN, EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.POST, "/api/studies/{study}/lock", this::lockStudy, ADMIN, EVALUATOR);
        r.route(HandlerType.GET, "/api/studies/{study}/verify", this::verify, ADMIN, EVALUATOR, BOARD);
        r.route(HandlerType.GET, "/api/studies/{study}/audit", this::audit, ADMIN, EVALUATOR);
    }

    private void listStudies(Context ctx) {
        ApiToken t = token(ctx);
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (StudyRecord s : store.studies()) {
            if (t.reachesStudy(s.code())) {
                items.add(studyJson(s));
            }
        }
        ctx.json(Map.of("items", items));
    }

    private void createStudy(Context ctx) {
        Bodies.Study body = body(ctx, Bodies.Study.class);
        String code = code(body.code(), "code");
        String title = text(body.title(), "title");
        boolean created = store.study(code).isEmpty();
        store.ensureStudy(code, title);
        StudyRecord s = store.study(code).orElseThrow();
        if (!s.title().equals(title)) {
            throw ApiProblem.conflict("exists", "Study exists", "study " + code + " exists with another title");
        }
        if (created) {
            store.audit(token(ctx).actor(), "study.create", code, "study", code, null);
        }
        ctx.status(created ? 201 : 200).json(studyJson(s));
    }

    private void getStudy(Context ctx) {
        ctx.json(studyJson(study(ctx)));
    }

    private void lockStudy(Context ctx) {
        StudyRecord s = study(ctx);
        ctx.json(studyJson(store.lockStudy(s.code(), token(ctx).actor())));
    }

    private void verify(Context ctx) {
        StudyRecord s = study(ctx);
        VerifyReport r = store.verify(s.code());
        store.audit(token(ctx).actor(), "study.verify", s.code(), "study", s.code(),
                "{\"intact\":" + r.intact() + "}");
        ctx.json(r);
    }

    private void audit(Context ctx) {
        StudyRecord s = study(ctx);
        int limit = limit(ctx);
        long offset = offset(ctx);
        Page<AuditEntry> page = store.auditLog(s.code(), limit, offset);
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (AuditEntry e : page.items()) {
            ObjectNode n = items.addObject();
            n.put("id", e.id());
            n.put("at", e.at().toString());
            n.put("actor", e.actor());
            n.put("action", e.action());
            n.put("study", e.study());
            n.put("entity", e.entity());
            n.put("entityId", e.entityId());
            n.set("details", e.details() == null ? null : readTree(e.details()));
        }
        ctx.json(page(ctx, items, page));
    }
}
