package bedside.results.server;

import bedside.results.AttemptRecord;
import bedside.results.ReplayRecord;
import bedside.results.StudyRecord;
import bedside.results.client.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Access.VENDOR;

/**
 * An attempt's DOM replay: uploaded after its attempt (team mode), read as rrweb's events, and played in a page. Read
 * under exactly the attempt's access rules ({@link #visibleAttempt}): a vendor's token for another candidate gets the
 * answer a missing attempt gets.
 */
final class ReplayRoutes extends RouteGroup {
    ReplayRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        String path = "/api/studies/{study}/attempts/{attemptId}/replay";
        r.route(HandlerType.PUT, path, this::save, ADMIN, EVALUATOR);
        r.route(HandlerType.GET, path, this::page, ADMIN, EVALUATOR, VENDOR);
        r.route(HandlerType.GET, path + ".json", this::events, ADMIN, EVALUATOR, VENDOR);
    }

    /** The replay's gzip bytes as the body (Content-Type application/gzip); stored once, as a link of the chain. */
    private void save(Context ctx) {
        StudyRecord s = study(ctx);
        AttemptRecord a = visibleAttempt(ctx, s);
        ReplayRecord replay = new ReplayRecord(a.attemptId(), ctx.bodyAsBytes());
        try {
            JsonNode events = Json.MAPPER.readTree(replay.json());
            if (events == null || !events.isArray()) {
                throw ApiProblem.invalid("a replay is a JSON array of rrweb events, compressed with gzip", "body");
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiProblem.invalid("a replay is a JSON array of rrweb events, compressed with gzip: "
                    + e.getMessage(), "body");
        }
        boolean stored = Requests.guard(() -> store.saveReplay(replay));
        if (stored) {
            store.audit(token(ctx).actor(), "replay.upload", s.code(), "attempt_replays", a.attemptId().toString(),
                    "{\"bytes\":" + replay.size() + "}");
        }
        ctx.json(Json.MAPPER.createObjectNode().put("attemptId", a.attemptId().toString())
                .put("status", stored ? "stored" : "already-stored").put("sha256", replay.sha256())
                .put("bytes", replay.size()));
    }

    /** rrweb's events as stored: the compressed bytes themselves, sent with Content-Encoding gzip. */
    private void events(Context ctx) {
        ReplayRecord replay = replayOf(ctx, visibleAttempt(ctx, study(ctx)));
        ctx.header("Content-Encoding", "gzip").contentType("application/json").result(replay.gzip());
    }

    /** The player page, self-contained: rrweb-player, the replay and the attempt's marks inlined. */
    private void page(Context ctx) {
        StudyRecord s = study(ctx);
        AttemptRecord a = visibleAttempt(ctx, s);
        ctx.contentType("text/html; charset=utf-8").result(ReplayPages.render(store, s.code(), a, replayOf(ctx, a)));
    }

    private ReplayRecord replayOf(Context ctx, AttemptRecord a) {
        return store.replay(a.attemptId()).orElseThrow(() -> ApiProblem.notFound("Replay",
                "attempt " + a.attemptId() + " has no replay (recorded with --no-replay, or before replays were kept)"));
    }
}
