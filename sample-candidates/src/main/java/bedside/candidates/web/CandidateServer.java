package bedside.candidates.web;

import bedside.candidates.SampleCandidate;
import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.Patient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * What both candidates share: a Javalin server on 127.0.0.1, the clinical record, cookie logins with a sign-in
 * filter, static files from the classpath, the FHIR-style read API and {@code POST /admin/reset}.
 */
public abstract class CandidateServer implements SampleCandidate {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CandidateServer.class);
    /** The version the sample candidates name in their CapabilityStatement (software.version). */
    public static final String SOFTWARE_VERSION = "1.0.0";
    protected final ClinicalRecord record = new ClinicalRecord();
    protected final ObjectMapper mapper = new ObjectMapper();
    protected final Fhir fhir = new Fhir(mapper, record);
    protected final Logins logins;
    private Javalin app;
    private URI baseUrl;

    protected CandidateServer(String cookieBase) {
        this.logins = new Logins(cookieBase);
    }

    /** Path of the sign-in page; unauthenticated page requests are redirected there. */
    protected abstract String loginPath();

    /** Registers the candidate's own pages. */
    protected abstract void pages(RoutesConfig routes);

    /** The page shown for an unknown patient or record (404). */
    protected abstract String notFoundPage(Context ctx, String message);

    /** Starts the server; port 0 picks a free port. */
    private Restyling restyling;

    /**
     * Serves every page with its class names changed (each gets {@code -suffix}, in the pages, style sheets and scripts
     * alike), as a rebuilt single-page app does: for tests that bindings do not depend on class names.
     */
    public synchronized CandidateServer restyled(String suffix) {
        if (app != null) {
            throw new IllegalStateException("restyle before starting");
        }
        restyling = new Restyling(suffix, "/bedside/candidates/static/legacy.css", "/bedside/candidates/static/streamlined.css");
        return this;
    }

    public synchronized SampleCandidate start(int port) {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = "127.0.0.1";
            org.eclipse.jetty.util.thread.QueuedThreadPool threads = new org.eclipse.jetty.util.thread.QueuedThreadPool(32, 4, 60_000);
            threads.setName("candidate-" + id());
            threads.setDaemon(true);
            cfg.jetty.threadPool = threads;
            cfg.http.defaultContentType = "text/html; charset=utf-8";
            RoutesConfig routes = cfg.routes;
            routes.before(this::signInFilter);
            routes.get("/static/{file}", this::staticFile);
            if (restyling != null) {
                Restyling r = restyling;
                routes.after(ctx -> {
                    java.io.InputStream in = ctx.resultInputStream();
                    if (in != null) {
                        String type = ctx.res().getContentType() == null ? "text/html" : ctx.res().getContentType();
                        ctx.result(r.apply(type, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                    }
                });
            }
            routes.post("/admin/reset", ctx -> {
                reset();
                ctx.status(204);
            });
            routes.get("/fhir/Patient", this::fhirPatients);
            routes.get("/fhir/metadata", ctx -> {
                ObjectNode m = mapper.createObjectNode();
                m.put("resourceType", "CapabilityStatement");
                m.put("status", "active");
                m.put("date", "2026-01-01");
                m.put("publisher", vendor());
                m.put("kind", "instance");
                // what Bedside records as the version tested (a vendor may update its system during a study)
                m.putObject("software").put("name", displayName()).put("version", SOFTWARE_VERSION);
                m.put("fhirVersion", "4.0.1");
                m.putArray("format").add("json");
                ObjectNode rest = m.putArray("rest").addObject();
                rest.put("mode", "server");
                var types = rest.putArray("resource");
                for (String t : List.of("Patient", "AllergyIntolerance", "Condition", "MedicationStatement",
                        "MedicationRequest", "ServiceRequest", "Observation", "DetectedIssue", "List")) {
                    ObjectNode r = types.addObject().put("type", t);
                    r.putArray("interaction").addObject().put("code", "search-type");
                    r.putArray("searchParam").addObject().put("name", t.equals("Patient") ? "identifier" : "patient")
                            .put("type", t.equals("Patient") ? "token" : "reference");
                }
                json(ctx, m);
            });
            fhirSearch(routes, "AllergyIntolerance", p -> record.allergies(p.id()).stream().map(fhir::allergy).toList());
            fhirSearch(routes, "Condition", p -> record.problems(p.id()).stream().map(fhir::condition).toList());
            fhirSearch(routes, "MedicationStatement",
                    p -> record.medications(p.id()).stream().map(fhir::medicationStatement).toList());
            fhirSearch(routes, "Observation", p -> record.results(p.id()).stream().map(fhir::observation).toList());
            fhirSearch(routes, "MedicationRequest",
                    p -> record.prescriptions(p.id()).stream().map(fhir::medicationRequest).toList());
            routes.get("/fhir/ServiceRequest", ctx -> {
                String category = ctx.queryParam("category");
                List<ObjectNode> found = fhir.resolvePatient(ctx.queryParam("patient"))
                        .map(p -> record.orders(p.id()).stream()
                                .filter(o -> category == null || o.category().equalsIgnoreCase(category))
                                .map(fhir::serviceRequest).toList())
                        .orElse(List.of());
                json(ctx, fhir.bundle(found));
            });
            fhirSearch(routes, "DetectedIssue", p -> record.issues(p.id()).stream().map(fhir::detectedIssue).toList());
            fhirSearch(routes, "List", fhir::reconciliationLists);
            moreFhir(routes);
            routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof io.javalin.http.HttpResponseException h) {
                    ctx.status(h.getStatus()).result(h.getMessage() == null ? "" : h.getMessage());
                    return;
                }
                LOG.error("{} failed on {} {}", id(), ctx.method(), ctx.path(), e);
                ctx.status(500);
                if (ctx.path().startsWith("/fhir/") || ctx.path().startsWith("/api/")) {
                    json(ctx, mapper.createObjectNode().put("error", "internal error"));
                } else {
                    ctx.html("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Error</title></head>"
                            + "<body><h1>Something went wrong</h1><p role=\"alert\">The system could not complete the request.</p>"
                            + "<p><a href=\"/\">Home</a></p></body></html>");
                }
            });
            routes.exception(NoSuchElementException.class, (e, ctx) -> {
                ctx.status(404);
                if (ctx.path().startsWith("/fhir/") || ctx.path().startsWith("/api/")) {
                    json(ctx, mapper.createObjectNode().put("error", e.getMessage()));
                } else {
                    ctx.html(notFoundPage(ctx, "The record you asked for was not found."));
                }
            });
            pages(routes);
        });
        javalin.start("127.0.0.1", port);
        this.app = javalin;
        logins.bindPort(javalin.port());
        this.baseUrl = URI.create("http://127.0.0.1:" + javalin.port());
        return this;
    }

    /** Hook for later FHIR resource types. */
    protected void moreFhir(RoutesConfig routes) {}

    @Override
    public URI baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not started");
        }
        return baseUrl;
    }

    @Override
    public void reset() {
        record.reset();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    public ClinicalRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return displayName() + " at " + (baseUrl == null ? "(not started)" : baseUrl);
    }

    // ------------------------------------------------------------------ sign-in

    private boolean isPublic(String path) {
        return path.equals(loginPath()) || path.startsWith("/static/") || path.startsWith("/fhir/")
                || path.startsWith("/admin/") || path.equals("/favicon.ico");
    }

    private void signInFilter(Context ctx) {
        Login login = logins.find(ctx);
        if (login != null) {
            ctx.attribute(Logins.ATTRIBUTE, login);
            return;
        }
        if (isPublic(ctx.path())) {
            return;
        }
        String accept = ctx.header("Accept");
        if (ctx.path().startsWith("/api/") || (accept != null && accept.startsWith("application/json"))) {
            ctx.status(401);
            json(ctx, mapper.createObjectNode().put("error", "Your session has ended. Sign in again."));
        } else {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            boolean worthReturning = "GET".equals(ctx.method().name()) && !next.equals("/");
            ctx.redirect(loginPath() + (worthReturning ? "?next=" + Html.url(next) : ""));
        }
        ctx.skipRemainingHandlers();
    }

    /** A safe local redirect target from a "next" parameter, or the fallback. */
    protected static String localTarget(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return fallback;
        }
        return next;
    }

    // ------------------------------------------------------------------ static files

    private void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z0-9-]+\\.(css|js|svg)")) {
            ctx.status(404);
            return;
        }
        try (InputStream in = CandidateServer.class.getResourceAsStream("/bedside/candidates/static/" + file)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            String type = file.endsWith(".css") ? "text/css; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/svg+xml";
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ FHIR

    private void fhirPatients(Context ctx) {
        String identifier = ctx.queryParam("identifier");
        String id = ctx.queryParam("_id");
        List<Patient> found;
        if (identifier != null) {
            found = record.patientByNhsNumber(identifier).stream().toList();
        } else if (id != null) {
            found = record.patient(id).stream().toList();
        } else {
            found = record.patients();
        }
        json(ctx, fhir.bundle(found.stream().map(fhir::patient).toList()));
    }

    /** {@code GET /fhir/{type}?patient=<NHS number | Patient/id>}; an unknown patient gives an empty bundle. */
    protected void fhirSearch(RoutesConfig routes, String type, Function<Patient, List<ObjectNode>> search) {
        routes.get("/fhir/" + type, ctx -> {
            Optional<Patient> p = fhir.resolvePatient(ctx.queryParam("patient"));
            List<ObjectNode> resources = p.map(search).orElse(List.of());
            json(ctx, fhir.bundle(resources));
        });
    }

    protected void json(Context ctx, Object value) {
        try {
            ctx.contentType(ctx.path().startsWith("/fhir/") ? "application/fhir+json; charset=utf-8"
                    : "application/json; charset=utf-8");
            ctx.result(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
