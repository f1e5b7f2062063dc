package bedside.results.server;

import bedside.results.client.Json;
import bedside.results.store.Database;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * The results HTTP API, running: {@code try (ResultsServer server = ResultsServer.start(db, 8080)) { ... }}.
 * Routes are under {@code /api}; the OpenAPI 3.1 document is {@code GET /api/openapi.json}. Every other
 * route needs a bearer token (see {@link bedside.results.store.AccessTokens}).
 */
public final class ResultsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsServer.class);

    /** Largest request body accepted by default (a batch of attempts with their events). */
    public static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;

    /**
     * @param host         the address to listen on ({@code 127.0.0.1} for this machine only, {@code 0.0.0.0} for all)
     * @param port         the port, 0 for a free one
     * @param maxBodyBytes the largest request body accepted; larger ones answer 413
     */
    public record Options(String host, int port, long maxBodyBytes) {
        public Options {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
        }

        /** This machine only, on {@code port} (0: a free one). */
        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, DEFAULT_MAX_BODY);
        }

        public Options withMaxBodyBytes(long bytes) {
            return new Options(host, port, bytes);
        }
    }

    private final Javalin app;
    private final ResultsApi api;
    private final String host;

    private ResultsServer(Javalin app, ResultsApi api, String host) {
        this.app = app;
        this.api = api;
        this.host = host;
    }

    /** Starts the API on {@code 127.0.0.1:port} (0: a free port). */
    public static ResultsServer start(Database database, int port) {
        return start(database, Options.loopback(port));
    }

    public static ResultsServer start(Database database, Options options) {
        ResultsApi api = new ResultsApi(database);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            api.configure(config);
        });
        app.start();
        ResultsServer server = new ResultsServer(app, api, options.host());
        LOG.info("Results API listening on {}", server.url());
        return server;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234} (routes are under {@code /api}). */
    public String url() {
        String h = host.equals("0.0.0.0") || host.isEmpty() ? "127.0.0.1" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port();
    }

    public int port() {
        return app.port();
    }

    /** Every route as {@code METHOD /path}, e.g. {@code GET /api/studies/{study}}. */
    public List<String> routes() {
        return api.routes();
    }

    /** The roles each route admits ({@code METHOD /path} → {@code admin}, {@code evaluator}, ... or {@code public}). */
    public java.util.Map<String, java.util.Set<String>> routeRoles() {
        return api.routeRoles();
    }

    @Override
    public void close() {
        app.stop();
    }
}
