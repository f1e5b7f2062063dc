package bedside.harness.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One small clinical single-page app built twice from real component libraries from npm: {@code /mui/} with MUI
 * ({@code @mui/material} and {@code @mui/x-date-pickers}) and {@code /antd/} with Ant Design 5, both React 18 and
 * Vite. Their sources and how to rebuild them are in {@code src/test/fixtures/components/}; the built files are
 * committed under {@code src/test/resources/components/} and served from the class path, so tests need no npm.
 *
 * <p>Routes of each variant ({@code v} is {@code mui} or {@code antd}); every other path under {@code /v/} gets the same
 * index.html, as an SPA server does, and the app goes to the patients page:
 * <ul>
 *   <li>{@code /v/patients}: heading "Patients", a field "Search patients" that filters the table by fetch, a table
 *       of patients whose every row has a button "Open", and a button "Clear local data".</li>
 *   <li>{@code /v/patients/{id}/allergies}: heading "Allergies", the patient's allergies loaded by fetch (a spinner,
 *       role=progressbar, while loading), a button "Add allergy" and a link "Back to patients".</li>
 *   <li>{@code /v/patients/{id}/allergies/new}: the form. Allergen (typeahead on {@link #ALLERGENS}), Severity (the
 *       library's own select), Reaction date (DD/MM/YYYY), Reaction time (HH:mm), Notes (a caption not tied to its
 *       textarea), sections Reactions and Medications each with a button "Add item", Save below the fold under a
 *       fixed footer ("Unsaved changes", "Discard"), a dialog "Confirm allergy" with its own Save and Cancel, then a
 *       toast "Allergy saved" and the allergies page. The form's draft is kept in localStorage
 *       ({@code bedside-fixture-draft}).</li>
 * </ul>
 *
 * <p>API: {@code GET /api/patients?q=}, {@code GET /api/patients/{id}}, {@code GET /api/allergens?q=},
 * {@code GET|POST /api/patients/{id}/allergies}, {@code POST /api/reset}. Searches and lists answer after
 * {@link #DELAY_MS}, as a real server does.
 */
public final class ComponentFixture implements AutoCloseable {
    static final long DELAY_MS = 300;
    public static final List<String> VARIANTS = List.of("mui", "antd");

    record Patient(int id, String name, String birthDate, String nhsNumber) {}

    static final List<Patient> PATIENTS = List.of(
            new Patient(1, "Okafor, Margaret", "1948-03-12", "999 000 0011"),
            new Patient(2, "Okafor, Marguerite", "1951-11-02", "999 000 0029"),
            new Patient(3, "Smith, Ann", "1972-06-30", "999 000 0037"),
            new Patient(4, "Patel, Ravi", "1985-01-17", "999 000 0045"),
            new Patient(5, "Nowak, Zofia", "1939-09-05", "999 000 0053"));

    static final List<String> ALLERGENS = List.of("Penicillin", "Peanut", "Pecan", "Amoxicillin", "Aspirin", "Latex",
            "Ibuprofen", "Codeine", "Shellfish", "Egg");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    final Javalin app;
    private final Map<Integer, List<Map<String, Object>>> allergies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public ComponentFixture() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            var r = cfg.routes;
            r.get("/", ctx -> ctx.html("<!DOCTYPE html><title>Fixtures</title><ul>"
                    + "<li><a href=\"/mui/patients\">MUI</a></li><li><a href=\"/antd/patients\">Ant Design</a></li></ul>"));
            for (String variant : VARIANTS) {
                r.get("/" + variant, ctx -> ctx.redirect("/" + variant + "/patients"));
                r.get("/" + variant + "/*", ctx -> serve(variant, ctx));
            }
            r.get("/api/patients", ctx -> {
                Thread.sleep(DELAY_MS);
                String q = query(ctx);
                json(ctx, PATIENTS.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(q)
                        || p.nhsNumber().replace(" ", "").contains(q.replace(" ", ""))).toList());
            });
            r.get("/api/patients/{id}", ctx -> {
                int id = Integer.parseInt(ctx.pathParam("id"));
                PATIENTS.stream().filter(p -> p.id() == id).findFirst()
                        .ifPresentOrElse(p -> json(ctx, p), () -> ctx.status(HttpStatus.NOT_FOUND));
            });
            r.get("/api/allergens", ctx -> {
                Thread.sleep(DELAY_MS);
                String q = query(ctx);
                json(ctx, ALLERGENS.stream().filter(a -> a.toLowerCase(Locale.ROOT).contains(q)).toList());
            });
            r.get("/api/patients/{id}/allergies", ctx -> {
                Thread.sleep(DELAY_MS);
                json(ctx, allergies(Integer.parseInt(ctx.pathParam("id"))));
            });
            r.post("/api/patients/{id}/allergies", ctx -> {
                Thread.sleep(DELAY_MS);
                int patientId = Integer.parseInt(ctx.pathParam("id"));
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", ids.incrementAndGet());
                record.put("patientId", patientId);
                record.putAll(JSON.readValue(ctx.body(), new TypeReference<Map<String, Object>>() {}));
                allergies.computeIfAbsent(patientId, k -> Collections.synchronizedList(new ArrayList<>())).add(record);
                ctx.status(HttpStatus.CREATED);
                json(ctx, record);
            });
            // The browser's own date and time inputs (no library draws them): what `setDate` types into natively.
            r.get("/native", ctx -> ctx.html(NATIVE));
            // A web component: its form inside an open shadow root, its Save button one component deeper.
            r.get("/shadow", ctx -> ctx.html(SHADOW));
            r.post("/api/reset", ctx -> {
                reset();
                ctx.status(HttpStatus.NO_CONTENT);
            });
        }).start("127.0.0.1", 0);
    }

    static final String NATIVE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Native date and time</title></head><body>
            <h1>Appointment</h1>
            <form id="f" onsubmit="event.preventDefault(); document.getElementById('shown').value =
                [this.day.value, this.at.value, this.when.value].join(' | ');">
              <p><label for="day">Day</label> <input type="date" id="day" name="day"></p>
              <p><label for="at">Time</label> <input type="time" id="at" name="at"></p>
              <p><label for="when">Day and time</label> <input type="datetime-local" id="when" name="when"></p>
              <p><button>Book</button></p>
              <output id="shown" role="status"></output>
            </form></body></html>
            """;

    static final String SHADOW = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shadow DOM</title></head><body>
            <h1>Allergy (a web component)</h1>
            <allergy-form></allergy-form>
            <output id="shown" role="status"></output>
            <script>
            customElements.define('save-button', class extends HTMLElement {
              connectedCallback() {
                const root = this.attachShadow({mode: 'open'});
                root.innerHTML = '<button type="button">Save</button>';
                root.querySelector('button').addEventListener('click', () => this.dispatchEvent(
                    new CustomEvent('save', {bubbles: true, composed: true})));
              }
            });
            customElements.define('allergy-form', class extends HTMLElement {
              connectedCallback() {
                const root = this.attachShadow({mode: 'open'});
                root.innerHTML = '<p><label for="allergen">Allergen</label> <input id="allergen"></p><save-button></save-button>';
                root.addEventListener('save', () => {
                  document.getElementById('shown').value = 'Saved: ' + root.getElementById('allergen').value;
                });
              }
            });
            </script></body></html>
            """;

    /** To look at the apps by hand: prints where they are and serves until stopped. */
    public static void main(String[] args) throws InterruptedException {
        ComponentFixture fixture = new ComponentFixture();
        System.out.println(fixture.url("mui", "/patients") + "\n" + fixture.url("antd", "/patients"));
        Thread.currentThread().join();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** For example {@code url("mui", "/patients")}. */
    String url(String variant, String path) {
        return baseUrl() + "/" + variant + path;
    }

    /** The allergies stored for a patient, oldest first, each as the app sent it plus {@code id} and {@code patientId}. */
    List<Map<String, Object>> allergies(int patientId) {
        List<Map<String, Object>> list = allergies.getOrDefault(patientId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Forgets every stored allergy (the browser's localStorage draft is the browser's: clear it there). */
    public void reset() {
        allergies.clear();
        ids.set(0);
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
    }

    private static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built file when the path names one under assets/, otherwise the variant's index.html (the SPA fallback). */
    private static void serve(String variant, Context ctx) throws IOException {
        String rest = ctx.path().substring(variant.length() + 2);
        if (rest.startsWith("assets/")) {
            if (rest.contains("..") || rest.contains("//") || rest.contains("\\")) {
                ctx.status(HttpStatus.NOT_FOUND);
                return;
            }
            String ext = rest.substring(rest.lastIndexOf('.') + 1);
            byte[] file = resource("/components/" + variant + "/" + rest);
            if (file == null || !TYPES.containsKey(ext)) {
                ctx.status(HttpStatus.NOT_FOUND);
                return;
            }
            ctx.contentType(TYPES.get(ext)).header("Cache-Control", "public, max-age=31536000, immutable").result(file);
            return;
        }
        byte[] index = resource("/components/" + variant + "/index.html");
        if (index == null) {
            throw new IllegalStateException("The " + variant + " fixture is not built: see src/test/fixtures/components/README.md");
        }
        ctx.contentType(TYPES.get("html")).header("Cache-Control", "no-store").result(index);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ComponentFixture.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
