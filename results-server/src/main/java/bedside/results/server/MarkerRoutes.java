package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.MarkerRecord;
import bedside.results.SessionRecord;
import bedside.results.StudyRecord;
import bedside.results.client.Json;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.BOARD;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;
import static bedside.results.server.Requests.*;

/**
 * Markers put on moderated sessions (use errors, assists, notes): stored in batches, idempotently, in the study's
 * hash chain; read by every role, a vendor only those of sessions on its own candidate.
 */
final class MarkerRoutes extends RouteGroup {
    MarkerRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/markers", this::list, ADMIN, EVALUATOR, VENDOR, BOARD);
        r.route(HandlerType.POST, "/api/studies/{study}/markers", this::save, ADMIN, EVALUATOR);
    }

    private void list(Context ctx) {
        StudyRecord s = study(ctx);
        ApiToken t = token(ctx);
        Map<UUID, SessionRecord> sessions = store.sessionsOfStudy(s.code()).stream()
                .collect(Collectors.toMap(SessionRecord::sessionId, Function.identity()));
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (MarkerRecord m : store.markers(s.code())) {
            SessionRecord session = sessions.get(m.sessionId());
            if (visible(t, session.candidate())) {
                items.add(Json.marker(m).put("candidate", session.candidate()).put("participant", session.participant()));
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("items", items);
        ctx.json(out);
    }

    private void save(Context ctx) {
        StudyRecord s = study(ctx);
        List<Bodies.Marker> items = require(body(ctx, Bodies.MarkerBatch.class).markers(), "markers");
        Set<UUID> sessionIds = new HashSet<>();
        for (Bodies.Marker b : items) {
            if (b != null && b.sessionId() != null) {
                sessionIds.add(b.sessionId());
            }
        }
        Map<UUID, String> sessionStudies = store.studiesOfSessions(sessionIds);
        List<MarkerRecord> markers = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "markers[" + i + "].";
            MarkerRecord m = toMarker(require(items.get(i), "markers[" + i + "]"), f);
            if (!ids.add(m.markerId())) {
                throw ApiProblem.invalid("marker " + m.markerId() + " appears twice in the batch", f + "markerId");
            }
            if (!s.code().equals(sessionStudies.get(m.sessionId()))) {
                throw ApiProblem.invalid("no session " + m.sessionId() + " in study " + s.code(), f + "sessionId");
            }
            markers.add(m);
        }
        // One transaction: the batch and its audit entry are stored together or not at all.
        String actor = token(ctx).actor();
        List<Boolean> stored = database.dsl().transactionResult(cfg -> {
            ResultsStore tx = new ResultsStore(cfg.dsl());
            List<Boolean> saved = new ArrayList<>();
            for (int i = 0; i < markers.size(); i++) {
                MarkerRecord m = markers.get(i);
                saved.add(guard(() -> tx.saveMarker(m), "markers[" + i + "]"));
            }
            long added = saved.stream().filter(Boolean::booleanValue).count();
            if (added > 0) {
                tx.audit(actor, "markers.upload", s.code(), "markers", null,
                        "{\"stored\":" + added + ",\"alreadyStored\":" + (markers.size() - added) + "}");
            }
            return saved;
        });
        ArrayNode results = Json.MAPPER.createArrayNode();
        int added = 0;
        for (int i = 0; i < markers.size(); i++) {
            results.addObject().put("markerId", markers.get(i).markerId().toString())
                    .put("status", stored.get(i) ? "stored" : "already-stored");
            added += stored.get(i) ? 1 : 0;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("stored", added);
        out.put("alreadyStored", markers.size() - added);
        out.set("results", results);
        ctx.json(out);
    }

    private static MarkerRecord toMarker(Bodies.Marker b, String f) {
        String kind = require(b.kind(), f + "kind");
        if (!MarkerRecord.KINDS.contains(kind)) {
            throw ApiProblem.invalid(f + "kind must be one of " + String.join(", ", MarkerRecord.KINDS) + "; got \""
                    + kind + "\"", f + "kind");
        }
        String by = require(b.by(), f + "by");
        if (!by.equals("moderator") && !by.equals("observer")) {
            throw ApiProblem.invalid(f + "by must be moderator or observer, got \"" + by + "\"", f + "by");
        }
        if (b.tMs() != null && !(Double.isFinite(b.tMs()) && b.tMs() >= 0)) {
            throw ApiProblem.invalid(f + "tMs must be a number, 0 or more, got " + b.tMs(), f + "tMs");
        }
        return new MarkerRecord(require(b.markerId(), f + "markerId"), require(b.sessionId(), f + "sessionId"),
                b.attemptId(), b.task() == null ? null : code(b.task(), f + "task"), kind, b.tMs(), b.note(), by,
                require(b.at(), f + "at"));
    }
}
