package bedside.harness.run;

import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.Binding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * What is kept with an attempt after its clock stops, as events after the recorder's (phase {@code after}, counted in
 * no measure, journalled and chained like every event):
 * <ul>
 *   <li>{@code candidate-version}: the software and version the candidate named at that moment (its FHIR
 *       CapabilityStatement), so a report can say which version was tested — a vendor may update during a study — or
 *       why it cannot ({@code problem});</li>
 *   <li>{@code evidence-screenshot} with {@code found: checks}: when the checks found a critical use error, the window
 *       the attempt ended on, as the evidence for a finding no observer marked; with {@code found: step}, when a step
 *       of the binding could not be done, the window it could not be done in (the run report shows it under the
 *       reason).</li>
 * </ul>
 */
final class AttemptEvidence {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AttemptEvidence() {
    }

    /**
     * @param atMs the attempt's end, in ms from its clock's start (where the events are put)
     */
    static List<EventRecord> after(AttemptResult done, WebDriver driver, CandidateTarget candidate, Binding binding,
                                   double atMs) {
        long seq = done.events().stream().mapToLong(EventRecord::seq).max().orElse(-1) + 1;
        double t = Double.isFinite(atMs) ? Math.max(0, atMs) : 0;
        List<EventRecord> more = new ArrayList<>();
        more.add(new EventRecord(done.attempt().attemptId(), seq++, t, "candidate-version", null,
                version(candidate, binding).toString()));
        String found = done.attempt().outcome() == Outcome.CRITICAL_USE_ERROR ? "checks"
                : done.attempt().outcome() == Outcome.SCRIPT_ERROR && done.attempt().failedStep() != null ? "step" : null;
        if (found != null) {
            Camera.Picture p = Camera.of(driver).take();
            if (p != null) {
                ObjectNode json = after().put("found", found).put("format", p.format()).put("image", p.base64());
                more.add(new EventRecord(done.attempt().attemptId(), seq, t, "evidence-screenshot", url(driver),
                        json.toString()));
            }
        }
        return more;
    }

    private static ObjectNode version(CandidateTarget candidate, Binding binding) {
        ObjectNode json = after();
        Binding.FhirReader reader = binding == null ? null : binding.readers().fhir();
        try {
            FhirCheck.Software sw = new FhirCheck(HTTP, candidate, reader, Duration.ofSeconds(10)).software();
            json.put("name", sw.name()).put("source", sw.source());
            if (sw.version() != null) json.put("version", sw.version());
            if (sw.releaseDate() != null) json.put("releaseDate", sw.releaseDate());
        } catch (FhirCheck.Unanswered u) {
            json.put("problem", u.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            json.put("problem", "not asked: Bedside is stopping");
        }
        return json;
    }

    private static String url(WebDriver driver) {
        try {
            return driver.getCurrentUrl();
        } catch (RuntimeException gone) {
            return null;
        }
    }

    private static ObjectNode after() {
        return JSON.createObjectNode().put("phase", "after").put("top", true);
    }
}
