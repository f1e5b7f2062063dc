package bedside.results.server;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.replay.ReplayPage;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayMarksTest {
    final Instant clock = Instant.parse("2026-12-07T09:00:00Z");
    final UUID id = UUID.randomUUID();
    final UUID session = UUID.randomUUID();
    final AttemptRecord attempt = new AttemptRecord(id, session, "streamlined", "register-patient", "P07", 1,
            Outcome.FAILURE, null, null, clock, 5000, 3, 10, 2, 2, 0, 0, 1, 0, 9000);

    EventRecord event(long seq, double tMs, String type, String page, String json) {
        return new EventRecord(id, seq, tMs, type, page, json);
    }

    @Test
    void theAttemptsStepsErrorsAndMarkersAreOnItsTimelineInTheOrderTheyHappened() {
        List<ReplayPage.Mark> marks = ReplayMarks.of(attempt, List.of(
                event(0, -800, "page-start", "http://127.0.0.1:9/login", "{\"top\":true,\"phase\":\"setup\"}"),
                event(1, 250, "click", "http://127.0.0.1:9/", "{\"top\":true,\"target\":{\"tag\":\"a\",\"role\":\"link\","
                        + "\"name\":\"Register new patient\"}}"),
                event(2, 300, "key", "http://127.0.0.1:9/", "{\"top\":true}"),
                event(2, 400, "input", "http://127.0.0.1:9/", "{\"top\":true,\"target\":{\"tag\":\"input\",\"role\":"
                        + "\"textbox\",\"name\":\"Surname\",\"key\":5}}"),
                event(2, 450, "input", "http://127.0.0.1:9/", "{\"top\":true,\"target\":{\"tag\":\"input\",\"role\":"
                        + "\"textbox\",\"name\":\"Surname\",\"key\":5}}"),
                event(2, 600, "input", "http://127.0.0.1:9/", "{\"top\":true,\"target\":{\"tag\":\"input\",\"role\":"
                        + "\"textbox\",\"name\":\"Forename\",\"key\":6}}"),
                event(3, 900, "page-start", "http://127.0.0.1:9/frame", "{\"top\":false}"),
                event(3, 1000, "pointer-down", "http://127.0.0.1:9/", "{\"top\":true,\"button\":0,\"target\":{\"tag\":"
                        + "\"th\",\"role\":\"columnheader\",\"name\":\"Date\",\"actionable\":false}}"),
                event(3, 1100, "pointer-down", "http://127.0.0.1:9/", "{\"top\":true,\"button\":0,\"target\":{\"tag\":"
                        + "\"button\",\"role\":\"button\",\"name\":\"Save\",\"actionable\":true}}"),
                event(4, 1200, "validation", "http://127.0.0.1:9/p", "{\"top\":true,\"text\":\"Enter a postcode\"}"),
                event(5, 4000, "page-start", "http://127.0.0.1:9/patients/7?status=Registered%3A+Eleanor#chart",
                        "{\"top\":true}"),
                event(6, 5000, "candidate-version", null, "{\"phase\":\"after\"}")),
                List.of(new MarkerRecord(UUID.randomUUID(), session, id, "register-patient", "mistake", 1500.0,
                                "chose the wrong field", "observer", clock.plusMillis(1500)),
                        new MarkerRecord(UUID.randomUUID(), session, UUID.randomUUID(), null, "note", 100.0, "another "
                                + "attempt's", "observer", clock)));
        assertThat(marks).extracting(m -> m.when() + " " + m.kind() + " " + m.label()).containsExactly(
                "setup screen new page /login",
                "0.0 s clock the task's clock starts",
                "0.3 s click click on link \u201cRegister new patient\u201d",
                "0.4 s typing typing in textbox \u201cSurname\u201d", // a field's keys are one mark, never what they typed
                "0.6 s typing typing in textbox \u201cForename\u201d",
                "1.0 s misclick press on columnheader \u201cDate\u201d, nothing to act on",
                "1.2 s error validation message: Enter a postcode",
                "1.5 s mistake marked by the observer: chose the wrong field",
                "4.0 s screen new page /patients/7");
        // the list names the kind only where the label does not already say it (never "step" for a person's act)
        assertThat(marks).extracting(ReplayPage.Mark::shownKind)
                .containsExactly(null, "clock", null, null, null, "misclick", "error", "mistake", null);
        assertThat(marks.get(2).at()).isEqualTo(clock.toEpochMilli() + 250);
    }
}
