package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.scenarios.Binding;
import bedside.scenarios.Check;
import bedside.scenarios.Position;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the FHIR R4 reader of checks, on real FHIR JSON served over HTTP and parsed by HAPI FHIR, FHIRPath
 * evaluated by HAPI's engine. Each way of answering gives met, not met, or could not be checked.
 */
class FhirCheckTest {
    static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";
    static final String SNOMED = "http://snomed.info/sct";
    static final String PENICILLIN = "code.coding.where(system='" + SNOMED + "' and code='91936005').exists()";
    static final UnaryOperator<String> SAME = s -> s;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static Javalin app;
    static CandidateTarget candidate;

    static final String PATIENT = """
            {"resourceType":"Patient","id":"%s","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}],
             "name":[{"family":"%s","given":["Margaret"]}],"gender":"female","birthDate":"1948-03-12"}""";
    static final String PENICILLIN_ALLERGY = """
            {"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/p1"},
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"91936005","display":"Allergy to penicillin"}],"text":"Penicillin"},
             "reaction":[{"manifestation":[{"text":"Rash"}],"severity":"moderate"}]}""";
    static final String LATEX_ALLERGY = """
            {"resourceType":"AllergyIntolerance","id":"a2","patient":{"reference":"Patient/p1"},
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"300916003","display":"Latex allergy"}]}}""";

    static String bundle(String next, String... resources) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":" + resources.length);
        if (next != null) b.append(",\"link\":[{\"relation\":\"next\",\"url\":\"").append(next).append("\"}]");
        b.append(",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:x").append(i).append("\",\"resource\":")
                    .append(resources[i]).append(",\"search\":{\"mode\":\"match\"}}");
        }
        return b.append("]}").toString();
    }

    static void fhir(Context ctx, String body) {
        ctx.contentType("application/fhir+json").result(body);
    }

    /** A small FHIR R4 server: Patient search by identifier, AllergyIntolerance (two pages) by patient id. */
    static void patients(Context ctx) {
        String id = ctx.queryParam("identifier");
        if ((NHS + "|9995260182").equals(id)) {
            fhir(ctx, bundle(null, PATIENT.formatted("p1", "9995260182", "Okafor")));
        } else if ((NHS + "|9990000001").equals(id)) {
            fhir(ctx, bundle(null, PATIENT.formatted("p2", "9990000001", "Twin"), PATIENT.formatted("p3", "9990000001", "Twin")));
        } else if ((NHS + "|9991590838").equals(id)) {
            fhir(ctx, bundle(null, PATIENT.formatted("p9", "9991590838", "Oakley")));
        } else {
            fhir(ctx, bundle(null));
        }
    }

    static void allergies(Context ctx) {
        if ("p1".equals(ctx.queryParam("patient"))) {
            fhir(ctx, "2".equals(ctx.queryParam("page")) ? bundle(null, LATEX_ALLERGY)
                    : bundle("AllergyIntolerance?patient=p1&page=2", PENICILLIN_ALLERGY));
        } else {
            fhir(ctx, bundle(null));
        }
    }

    @BeforeAll
    static void serve() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            for (String base : new String[] {"/good", "/auth"}) {
                cfg.routes.get(base + "/Patient", FhirCheckTest::patients);
                cfg.routes.get(base + "/AllergyIntolerance", FhirCheckTest::allergies);
            }
            cfg.routes.before("/auth/*", ctx -> {
                if (!"Bearer s3cret".equals(ctx.header("Authorization"))) {
                    ctx.status(401).result("{\"resourceType\":\"OperationOutcome\"}").skipRemainingHandlers();
                }
            });
            cfg.routes.get("/good/metadata", ctx -> fhir(ctx, """
                    {"resourceType":"CapabilityStatement","status":"active","date":"2026-01-01","kind":"instance",
                     "software":{"name":"Good EHR","version":"7.3.1","releaseDate":"2026-10-02"},"fhirVersion":"4.0.1",
                     "format":["json"]}"""));
            cfg.routes.get("/bare/metadata", ctx -> fhir(ctx, """
                    {"resourceType":"CapabilityStatement","status":"active","date":"2026-01-01","kind":"instance",
                     "fhirVersion":"4.0.1","format":["json"]}"""));
            cfg.routes.get("/html/*", ctx -> ctx.html("<!doctype html><html><body><div id=root></div></body></html>"));
            cfg.routes.get("/notbundle/Patient", FhirCheckTest::patients);
            cfg.routes.get("/notbundle/AllergyIntolerance", ctx -> fhir(ctx,
                    "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-supported\"}]}"));
            cfg.routes.get("/slow/*", ctx -> {
                Thread.sleep(4000);
                fhir(ctx, bundle(null));
            });
        }).start("127.0.0.1", 0);
        candidate = new CandidateTarget("ehr", "EHR", "Tests", URI.create("http://127.0.0.1:" + app.port() + "/"), null);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static Binding.FhirReader at(String base) {
        return new Binding.FhirReader(base, null, null, null);
    }

    static Check.Fhir allergy(String nhsNumber, String where, Integer count, Boolean exists) {
        return new Check.Fhir("the allergy", "AllergyIntolerance", new Check.Identifier(NHS, nhsNumber), null, Map.of(),
                where, count, exists, 0.1, null);
    }

    static CheckResult run(Binding.FhirReader reader, Check.Fhir check) {
        return new FhirCheck(HTTP, candidate, reader, Duration.ofSeconds(10)).run(check, "the allergy", true, SAME);
    }

    static void met(CheckResult r) {
        assertThat(r.passed()).as(r.detail()).isTrue();
        assertThat(r.unanswered()).isFalse();
    }

    static void notMet(CheckResult r, String detail) {
        assertThat(r.passed()).isFalse();
        assertThat(r.unanswered()).as(r.detail()).isFalse();
        assertThat(r.detail()).contains(detail);
    }

    static void unanswered(CheckResult r, String detail) {
        assertThat(r.passed()).isFalse();
        assertThat(r.unanswered()).as(r.detail()).isTrue();
        assertThat(r.detail()).contains(detail);
    }

    @Test
    void codedValuesBySystemAndCodeOrByDisplayAcrossPages() {
        met(run(at("/good"), allergy("9995260182", PENICILLIN, 1, null)));
        met(run(at("/good"), allergy("9995260182", "code.coding.where(display='Latex allergy').exists()", 1, null)));
        met(run(at("/good"), allergy("9995260182", "code.text = 'Penicillin' and reaction.where(severity = 'moderate'"
                + " and manifestation.text contains 'Rash').exists()", null, true)));
        met(run(at("/good"), allergy("9995260182", null, 2, null)));
        notMet(run(at("/good"), allergy("9995260182", null, 1, null)), "expected 1, found 2 AllergyIntolerance");
        notMet(run(at("/good"), allergy("9995260182", "code.coding.where(code='294505008').exists()", 1, null)),
                "expected 1, found 2 AllergyIntolerance of patient 9995260182, 0 where");
        notMet(run(at("/good"), allergy("9995260182", PENICILLIN, 0, null)), "expected 0");
        notMet(run(at("/good"), allergy("9995260182", PENICILLIN, null, false)), "expected none");
    }

    @Test
    void anAbsenceCountsOnlyOnAValidBundle() {
        met(run(at("/good"), allergy("9991590838", PENICILLIN, 0, null)));
        met(run(at("/good"), allergy("9991590838", null, null, false)));
        notMet(run(at("/good"), allergy("9991590838", PENICILLIN, null, null)), "expected at least one, found 0");
        unanswered(run(at("/html"), allergy("9991590838", PENICILLIN, 0, null)), "did not answer FHIR R4 JSON");
        unanswered(run(at("/missing"), allergy("9991590838", PENICILLIN, 0, null)), "answered HTTP 404");
        unanswered(run(at("/notbundle"), allergy("9991590838", PENICILLIN, 0, null)), "answered a OperationOutcome, not a Bundle");
    }

    @Test
    void thePatientMustBeFoundExactlyOnce() {
        unanswered(run(at("/good"), allergy("9990000000", PENICILLIN, 0, null)), "no patient has identifier " + NHS + "|9990000000");
        unanswered(run(at("/good"), allergy("9990000001", PENICILLIN, 0, null)), "2 patients have identifier");
    }

    @Test
    void noReaderNoServerOrNoTimelyAnswerIsNoAnswer() throws Exception {
        unanswered(run(null, allergy("9995260182", PENICILLIN, 1, null)), "candidate ehr has no fhir reader");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        unanswered(run(at("http://127.0.0.1:" + closed + "/fhir"), allergy("9995260182", PENICILLIN, 0, null)),
                "failed: ConnectException");
        unanswered(new FhirCheck(HTTP, candidate, at("/slow"), Duration.ofSeconds(1))
                .run(allergy("9995260182", PENICILLIN, 0, null), "the allergy", true, SAME), "timed out after 1 s");
    }

    @Test
    void anExpressionThatCannotBeEvaluatedOrIsNotTrueOrFalseIsNoAnswer() {
        unanswered(run(at("/good"), allergy("9995260182", "code.coding.where(", 1, null)), "could not be evaluated");
        unanswered(run(at("/good"), allergy("9995260182", "code.coding.code", 1, null)), "not true or false");
    }

    @Test
    void patientSearchByIdentifier() {
        Check.Fhir registered = new Check.Fhir("registered", "Patient", null, new Check.Identifier(NHS, "${nhs}"), Map.of(),
                "name.where(family = 'Okafor' and given = 'Margaret').exists() and gender = 'female'", 1, null, 0.1, null);
        UnaryOperator<String> fill = s -> s.replace("${nhs}", "9995260182");
        CheckResult r = new FhirCheck(HTTP, candidate, at("/good"), Duration.ofSeconds(10)).run(registered, "r", false, fill);
        met(r);
        // not registered: an answer (not met), not "could not be checked"
        notMet(new FhirCheck(HTTP, candidate, at("/good"), Duration.ofSeconds(10)).run(registered, "r", false,
                s -> s.replace("${nhs}", "9994000047")), "expected 1, found 0 Patient");
    }

    @Test
    void theTokenComesFromAFileNeverTheBinding(@TempDir Path dir) throws Exception {
        unanswered(run(at("/auth"), allergy("9995260182", PENICILLIN, 1, null)), "answered HTTP 401");
        Files.writeString(dir.resolve("token.txt"), "s3cret\n");
        Path binding = Files.createDirectories(dir.resolve("bindings")).resolve("ehr.yaml");
        met(run(new Binding.FhirReader("/auth", "../token.txt", null, new Position(binding, 3, 1)),
                allergy("9995260182", PENICILLIN, 1, null)));
        unanswered(run(new Binding.FhirReader("/auth", "nowhere.txt", null, new Position(binding, 3, 1)),
                allergy("9995260182", PENICILLIN, 1, null)), "cannot be read");
        unanswered(run(new Binding.FhirReader("/auth", null, "BEDSIDE_TEST_SURELY_UNSET_TOKEN", null),
                allergy("9995260182", PENICILLIN, 1, null)), "BEDSIDE_TEST_SURELY_UNSET_TOKEN is not set");
    }

    @Test
    void theCandidateNamesItsSoftwareInItsCapabilityStatement() throws Exception {
        FhirCheck.Software sw = new FhirCheck(HTTP, candidate, at("/good"), Duration.ofSeconds(10)).software();
        assertThat(sw).isEqualTo(new FhirCheck.Software("Good EHR", "7.3.1", "2026-10-02",
                "GET " + candidate.resolve("/good") + "/metadata"));
        // A statement without software, a page that is not FHIR, no reader at all: no answer, each saying why.
        assertThat(softwareProblem(at("/bare"))).contains("names no software");
        assertThat(softwareProblem(at("/html"))).contains("did not answer FHIR R4 JSON");
        assertThat(softwareProblem(at("/notbundle"))).contains("answered HTTP 404, not a CapabilityStatement");
        assertThat(softwareProblem(null)).isEqualTo("the binding names no fhir reader to ask");
    }

    static String softwareProblem(Binding.FhirReader reader) throws InterruptedException {
        try {
            return "answered: " + new FhirCheck(HTTP, candidate, reader, Duration.ofSeconds(10)).software();
        } catch (FhirCheck.Unanswered e) {
            return e.getMessage();
        }
    }
}
