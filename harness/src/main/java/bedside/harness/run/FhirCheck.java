package bedside.harness.run;

import bedside.scenarios.Binding;
import bedside.scenarios.Check;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.FhirPathExecutionException;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR R4 reader of checks: finds the patient by identifier (a Patient search), searches the resources of the
 * check's type for that patient through the candidate's FHIR R4 API (as its binding says to reach it), parses every
 * answer as R4 with HAPI FHIR and counts the resources that satisfy the check's FHIRPath expression.
 *
 * <p>No answer about the candidate's state — no reader, an HTTP error, a body that is not FHIR, a search answer that
 * is not a Bundle, a patient not found or found twice, a refused connection, a timeout, an expression that cannot be
 * evaluated — is "could not be checked", never a verdict: an absence check ({@code count: 0}) counts only on a valid
 * Bundle answer.
 */
final class FhirCheck {
    /** One FHIR context per JVM: building it takes seconds; it is thread-safe. */
    private static final class R4 {
        static final FhirContext CONTEXT = context();
        static final IFhirPath PATH = CONTEXT.newFhirPath();

        private static FhirContext context() {
            FhirContext ctx = FhirContext.forR4();
            // a resource keeps its own id whatever the entry's fullUrl says
            ctx.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
            return ctx;
        }
    }

    private static final int MAX_PAGES = 50;

    private final HttpClient http;
    private final CandidateTarget candidate;
    private final Binding.FhirReader reader;
    private final Duration timeout;

    FhirCheck(HttpClient http, CandidateTarget candidate, Binding.FhirReader reader, Duration timeout) {
        this.http = http;
        this.candidate = candidate;
        this.reader = reader;
        this.timeout = timeout;
    }

    /** The shared R4 context (built on first use). */
    static FhirContext context() {
        return R4.CONTEXT;
    }

    /** No answer about the candidate's state: the check could not be checked. */
    static final class Unanswered extends Exception {
        Unanswered(String message) {
            super(message, null, false, false);
        }
    }

    CheckResult run(Check.Fhir c, String description, boolean critical, UnaryOperator<String> fill) {
        try {
            String detail = judge(c, fill);
            return new CheckResult(description, critical, detail == null, detail == null ? "met" : detail, false);
        } catch (Unanswered e) {
            return new CheckResult(description, critical, false, e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(description, critical, false, "the check was interrupted (Bedside is stopping)", true);
        }
    }

    /** Null when the check is met, otherwise what was found instead; {@link Unanswered} when there is no answer. */
    String judge(Check.Fhir c, UnaryOperator<String> fill) throws Unanswered, InterruptedException {
        if (reader == null) {
            throw new Unanswered("candidate " + candidate.id() + " has no fhir reader (its binding has no `readers: fhir:`)");
        }
        String base = candidate.resolve(fill.apply(reader.base())).replaceAll("/+$", "");
        String token = token();
        StringBuilder query = new StringBuilder();
        String about;
        if ("Patient".equals(c.search())) {
            about = c.identifier() == null ? "" : " with identifier " + filled(c.identifier(), fill).token();
            if (c.identifier() != null) {
                param(query, "identifier", filled(c.identifier(), fill).token());
            }
        } else if (c.patient() != null) {
            Check.Identifier id = filled(c.patient(), fill);
            String patientId = patientId(base, id, token);
            about = " of patient " + id.value();
            param(query, "patient", patientId);
        } else {
            about = "";
        }
        for (Map.Entry<String, String> p : c.params().entrySet()) {
            param(query, p.getKey(), fill.apply(p.getValue()));
        }
        String url = base + "/" + c.search() + (query.length() == 0 ? "" : "?" + query);
        List<Resource> found = new ArrayList<>();
        for (Resource r : search(url, token)) {
            if (r.fhirType().equals(c.search())) {
                found.add(r);
            }
        }
        String where = c.where() == null ? null : fill.apply(c.where());
        int matching = 0;
        for (Resource r : found) {
            if (where == null || satisfies(r, where)) {
                matching++;
            }
        }
        String what = found.size() + " " + c.search() + about + (where == null ? "" : ", " + matching + " where " + where);
        if (c.count() != null) {
            return matching == c.count() ? null : "expected " + c.count() + ", found " + what;
        }
        boolean want = c.exists() == null || c.exists();
        return (matching > 0) == want ? null : (want ? "expected at least one, found " : "expected none, found ") + what;
    }

    private static Check.Identifier filled(Check.Identifier id, UnaryOperator<String> fill) {
        return new Check.Identifier(id.system() == null ? null : fill.apply(id.system()), fill.apply(id.value()));
    }

    private static void param(StringBuilder query, String name, String value) {
        if (query.length() > 0) query.append('&');
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** The patient's logical id on the candidate: exactly one Patient has the identifier. */
    private String patientId(String base, Check.Identifier id, String token) throws Unanswered, InterruptedException {
        String url = base + "/Patient?identifier=" + URLEncoder.encode(id.token(), StandardCharsets.UTF_8);
        List<Resource> patients = search(url, token).stream().filter(r -> r.fhirType().equals("Patient")).toList();
        if (patients.isEmpty()) {
            throw new Unanswered("no patient has identifier " + id.token() + " (GET " + url + ")");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Resource p : patients) {
            String logical = p.getIdElement().getIdPart();
            if (logical == null || logical.isBlank()) {
                throw new Unanswered("the patient with identifier " + id.token() + " has no id (GET " + url + ")");
            }
            ids.add(logical);
        }
        if (ids.size() > 1) {
            throw new Unanswered(ids.size() + " patients have identifier " + id.token() + " (" + String.join(", ", ids)
                    + "): which one the check is about is unclear");
        }
        return ids.iterator().next();
    }

    /** Every resource of a search's Bundle, following its {@code next} pages. */
    private List<Resource> search(String url, String token) throws Unanswered, InterruptedException {
        List<Resource> resources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String next = url;
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new Unanswered("the search's pages do not end (GET " + url + ", " + seen.size() + " pages)");
            }
            Bundle bundle = bundle(next, token);
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                if (e.hasResource() && (!e.hasSearch() || e.getSearch().getMode() != Bundle.SearchEntryMode.OUTCOME)) {
                    resources.add(e.getResource());
                }
            }
            Bundle.BundleLinkComponent link = bundle.getLink(Bundle.LINK_NEXT);
            next = link == null || !link.hasUrl() ? null : URI.create(next).resolve(link.getUrl()).toString();
        }
        return resources;
    }

    private Bundle bundle(String url, String token) throws Unanswered, InterruptedException {
        IBaseResource parsed = resource(url, token, "a search result");
        if (!(parsed instanceof Bundle bundle)) {
            throw new Unanswered("GET " + url + " answered a " + parsed.fhirType() + ", not a Bundle");
        }
        return bundle;
    }

    /**
     * What the candidate says it is: the software its FHIR API's CapabilityStatement names ({@code GET [base]/metadata},
     * FHIR R4 3.2.1.6: {@code software.name}, {@code software.version}, {@code software.releaseDate}).
     *
     * @throws Unanswered when there is no fhir reader, no answer, or a statement that names no software
     */
    Software software() throws Unanswered, InterruptedException {
        if (reader == null) {
            throw new Unanswered("the binding names no fhir reader to ask");
        }
        String url = candidate.resolve(reader.base()).replaceAll("/+$", "") + "/metadata";
        IBaseResource parsed = resource(url, token(), "a CapabilityStatement");
        if (!(parsed instanceof CapabilityStatement cs)) {
            throw new Unanswered("GET " + url + " answered a " + parsed.fhirType() + ", not a CapabilityStatement");
        }
        if (!cs.hasSoftware() || !cs.getSoftware().hasName()) {
            throw new Unanswered("the CapabilityStatement at " + url + " names no software");
        }
        CapabilityStatement.CapabilityStatementSoftwareComponent sw = cs.getSoftware();
        return new Software(sw.getName(), sw.hasVersion() ? sw.getVersion() : null,
                sw.hasReleaseDate() ? sw.getReleaseDateElement().getValueAsString() : null, "GET " + url);
    }

    /** The software a candidate names, with where it said so; version and release date may be absent. */
    record Software(String name, String version, String releaseDate, String source) {}

    private IBaseResource resource(String url, String token, String expected) throws Unanswered, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/fhir+json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unanswered("GET " + url + " timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new Unanswered("GET " + url + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (response.statusCode() != 200) {
            throw new Unanswered("GET " + url + " answered HTTP " + response.statusCode() + ", not " + expected);
        }
        IBaseResource parsed;
        try {
            IParser parser = R4.CONTEXT.newJsonParser();
            parser.setParserErrorHandler(new LenientErrorHandler(false));
            parsed = parser.parseResource(response.body());
        } catch (DataFormatException | ClassCastException e) {
            String type = response.headers().firstValue("Content-Type").orElse("none");
            throw new Unanswered("GET " + url + " did not answer FHIR R4 JSON (Content-Type " + type + ", body starts "
                    + StepRunner.quote(response.body(), 40) + "): " + StepRunner.firstLine(e));
        }
        return parsed;
    }

    private static boolean satisfies(Resource r, String where) throws Unanswered {
        List<Base> result;
        try {
            synchronized (R4.PATH) {
                result = R4.PATH.evaluate(r, where, Base.class);
            }
        } catch (FhirPathExecutionException | IllegalArgumentException e) {
            throw new Unanswered("the FHIRPath expression " + where + " could not be evaluated on " + r.fhirType() + "/"
                    + r.getIdElement().getIdPart() + ": " + StepRunner.firstLine(e));
        }
        if (result.isEmpty()) {
            return false;
        }
        if (result.size() == 1 && result.get(0) instanceof BooleanType b) {
            return b.booleanValue();
        }
        throw new Unanswered("the FHIRPath expression " + where + " gives " + result.size() + " value(s) of type "
                + result.get(0).fhirType() + ", not true or false (end it with .exists() or a comparison)");
    }

    /** The bearer token, read when the check runs: never from the binding itself. Null when no auth is set. */
    private String token() throws Unanswered {
        if (reader.bearerTokenEnv() != null) {
            String v = System.getenv(reader.bearerTokenEnv());
            if (v == null || v.isBlank()) {
                throw new Unanswered("the fhir reader's token variable " + reader.bearerTokenEnv() + " is not set");
            }
            return v.strip();
        }
        if (reader.bearerTokenFile() != null) {
            Path file = Path.of(reader.bearerTokenFile());
            if (!file.isAbsolute() && reader.at() != null && reader.at().file() != null
                    && reader.at().file().toAbsolutePath().getParent() != null) {
                file = reader.at().file().toAbsolutePath().getParent().resolve(file);
            }
            try {
                String v = Files.readString(file).strip();
                if (v.isEmpty()) throw new Unanswered("the fhir reader's token file " + file + " is empty");
                return v;
            } catch (IOException e) {
                throw new Unanswered("the fhir reader's token file " + file + " cannot be read: " + e.getClass().getSimpleName());
            }
        }
        return null;
    }
}
