package bedside.results.server;

import bedside.results.ApiToken;
import bedside.results.client.Json;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static bedside.results.server.Access.PUBLIC;

/**
 * The results API: every route registered here, in one place — one {@link RouteGroup} per resource, each saying
 * its paths and the roles that may call them. {@link #authorize} (run before each matched route) checks the bearer
 * token and the route's roles; the groups' handlers then narrow to what the token reaches. Errors of every kind
 * become problem+json replies here.
 */
final class ResultsApi {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TOKEN = "bedside.token";
    private static final Logger LOG = LoggerFactory.getLogger(ResultsApi.class);

    private final ResultsStore store;
    private final AccessTokens tokens;
    private final Database database;
    private final Scores scores;
    private final byte[] openapi;
    private final List<String> routes = new ArrayList<>();
    private final Map<String, Set<String>> routeRoles = new java.util.LinkedHashMap<>();

    ResultsApi(Database database) {
        this.database = database;
        this.store = new ResultsStore(database);
        this.tokens = new AccessTokens(database);
        this.scores = new Scores(store);
        this.openapi = loadOpenApi();
    }

    /** Every registered route as {@code METHOD path}. */
    List<String> routes() {
        return Collections.unmodifiableList(routes);
    }

    void configure(JavalinConfig config) {
        config.routes.beforeMatched(this::authorize);

        route(config, HandlerType.GET, "/api/openapi.json", this::openapi, PUBLIC);
        // Every other route, one group per resource; each says its paths and roles.
        RouteGroup.Services services = new RouteGroup.Services(database, store, tokens, scores);
        List<RouteGroup> groups = List.of(new StudyRoutes(services), new CandidateRoutes(services),
                new ParticipantRoutes(services), new SuiteRoutes(services), new RunRoutes(services),
                new SessionRoutes(services), new AttemptRoutes(services), new ReplayRoutes(services), new QuestionnaireRoutes(services),
                new MarkerRoutes(services), new NotApplicableRoutes(services), new ScoreRoutes(services), new ReportRoutes(services),
                new PlanRoutes(services));
        for (RouteGroup group : groups) {
            group.register((method, path, handler, roles) -> route(config, method, path, handler, roles));
        }

        config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromJavalin(e)));
        config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, fromException(e, ctx)));
        config.routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, new ApiProblem(404, "no-such-route", "No such route",
                        "there is no " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json"));
            }
        });
        config.routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, new ApiProblem(405, "method-not-allowed", "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + "; see /api/openapi.json"));
            }
        });
    }

    private void route(JavalinConfig config, HandlerType method, String path, Handler handler, Access... roles) {
        config.routes.addHttpHandler(method, path, handler, roles);
        routes.add(method.name() + " " + path);
        Set<String> names = new java.util.TreeSet<>();
        for (Access a : roles) {
            names.add(a.name().toLowerCase(java.util.Locale.ROOT));
        }
        routeRoles.put(method.name() + " " + path, Collections.unmodifiableSet(names));
    }

    /** The roles of every route ({@code METHOD path} → lower-case role names, {@code public} for no token). */
    Map<String, Set<String>> routeRoles() {
        return Collections.unmodifiableMap(routeRoles);
    }

    // ------------------------------------------------------------------ access

    private void authorize(Context ctx) {
        Set<io.javalin.security.RouteRole> roles = ctx.routeRoles();
        if (roles.contains(PUBLIC)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblem(401, "unauthenticated", "Authentication required",
                    "send an API token as 'Authorization: Bearer <token>' (bedside token create makes one)", null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"bedside\""));
        }
        ApiToken token = tokens.authenticate(header.substring(7).trim()).orElseThrow(() -> new ApiProblem(401,
                "invalid-token", "Invalid token", "the bearer token is unknown or revoked", null,
                Map.of("WWW-Authenticate", "Bearer realm=\"bedside\", error=\"invalid_token\"")));
        ctx.attribute(TOKEN, token);
        if (!roles.contains(Access.of(token.role()))) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "a " + token.role().code() + " token may not "
                    + ctx.method() + " " + ctx.path());
        }
    }

    private void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    // ------------------------------------------------------------------ problems

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(PROBLEM_JSON);
    }

    static void problem(Context ctx, ApiProblem p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "urn:bedside:problem:" + p.type());
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.detail());
        n.put("instance", ctx.path());
        if (p.field() != null) {
            n.put("field", p.field());
        }
        p.headers().forEach(ctx::header);
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(Json.write(n));
    }

    private static ApiProblem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> new ApiProblem(413, "body-too-large", "Body too large",
                    "the request body is larger than the server accepts (" + e.getMessage() + ")");
            case 404 -> new ApiProblem(404, "no-such-route", "No such route",
                    "there is no such route; see /api/openapi.json");
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed",
                    "the method is not allowed here; see /api/openapi.json");
            default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
        };
    }

    private static ApiProblem fromException(Exception e, Context ctx) {
        if (ResultsStore.isLocked(e)) {
            return new ApiProblem(409, "study-locked", "Study locked", firstLine(rootMessage(e)));
        }
        if (ResultsStore.isPlanLocked(e)) {
            return new ApiProblem(409, "plan-locked", "Plan locked", firstLine(rootMessage(e)));
        }
        if (e instanceof DataAccessException d && d.sqlState() != null) {
            String state = d.sqlState();
            if (state.startsWith("23")) {
                return new ApiProblem(409, "constraint", "Refused by the database", firstLine(rootMessage(e)));
            }
            if (state.startsWith("22")) {
                return new ApiProblem(422, "invalid-value", "Invalid value", firstLine(rootMessage(e)));
            }
        }
        LOG.error("Unexpected error in {} {}", ctx.method(), ctx.path(), e);
        return new ApiProblem(500, "internal", "Internal error", "the server failed; the log has the details");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = ResultsApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
