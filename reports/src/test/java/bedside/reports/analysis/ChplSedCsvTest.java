package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CHPL-shaped SED CSV: its columns, its values, and a round trip through Commons CSV. */
class ChplSedCsvTest {

    /**
     * Two candidates, two tasks, five participants (within-subjects). Task T1 has optimal steps and time and ratings on
     * the 7-point SEQ; T2 has none of these. Candidate B does not do T3 (n/a): no row for it.
     */
    static StudyAnalysis study(String candidateB) {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            String id = "P" + p;
            boolean ok = p < 4;
            rows.add(new AttemptRow(id, "A", "T1", ok, ok ? 20.0 + p : null, p % 2, null, 5 + p % 3, 7, ok ? 6 + p : null,
                    5, 18.0, null, null));
            rows.add(AttemptRow.of(id, "A", "T2", true, 40.0 + 3 * p, 0));
            rows.add(new AttemptRow(id, candidateB, "T1", p < 3, p < 3 ? 30.0 + 2 * p : null, 1, null, 3 + p % 2, 7,
                    p < 3 ? 9 : null, 5, 18.0, null, null));
            rows.add(AttemptRow.of(id, candidateB, "T2", p != 0, p != 0 ? 35.0 + p : null, 2));
            rows.add(AttemptRow.of(id, "A", "T3", true, 12.0, 0));
        }
        return StudyAnalyzer.analyze(rows, List.of(), null,
                List.of(new NotApplicableRow(candidateB, "T3", "no such screen")), new StudyAnalyzer.Options(1, 50));
    }

    static List<CSVRecord> readBack(String csv) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).isEqualTo(ChplSedCsv.header(study("B")));
            return p.getRecords();
        }
    }

    @Test
    void headerIsChplsSedParticipantThenTaskHeadingsBetweenBedsidesOwnColumns() {
        List<String> h = ChplSedCsv.header(study("B"));
        assertThat(h).hasSize(1 + 15 + 9 + 1);
        assertThat(h.get(0)).isEqualTo("Candidate");
        assertThat(h.subList(10, 25)).containsExactly("Task Identifier", "Task Description", "Task Success - Mean (%)",
                "Task Success - Standard Deviation (%)", "Task Path Deviation - Observed #",
                "Task Path Deviation - Optimal #", "Task Time - Mean (seconds)",
                "Task Time - Standard Deviation (seconds)", "Task Time Deviation - Observed Seconds",
                "Task Time Deviation - Optimal Seconds", "Task Errors  Mean(%)", "Task Errors - Standard Deviation (%)",
                "Task Rating - Scale Type", "Task Rating", "Task Rating - Standard Deviation");
        assertThat(h.subList(1, 10)).containsExactly("Participant Identifier", "Participant Gender", "Participant Age",
                "Participant Education", "Participant Occupation/Role", "Participant Professional Experience",
                "Participant Computer Experience", "Participant Product Experience",
                "Participant Assistive Technology Needs");
        assertThat(h.get(25)).isEqualTo("Participants");
        assertThat(ChplSedCsv.header(study("B").asSimulated())).last().isEqualTo("Simulated");
    }

    @Test
    void everyValueRoundTripsAndMatchesTheAnalysis() throws IOException {
        StudyAnalysis a = study("B");
        Map<String, String> desc = Map.of("T1", "Record an allergy to penicillin");
        List<CSVRecord> back = readBack(ChplSedCsv.toCsv(a, desc));
        List<List<String>> rows = ChplSedCsv.rows(a, desc);
        assertThat(back).hasSize(5); // A: T1, T2, T3; B: T1, T2 (T3 n/a: no row)
        assertThat(rows).hasSize(5);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(back.get(i).toList()).as("row %d", i).isEqualTo(rows.get(i));
        }
        // the values are the analysis's, read back as numbers
        TaskAnalysis aT1 = a.candidates().get(0).tasks().get(0);
        CSVRecord r = back.get(0);
        assertThat(r.get("Candidate")).isEqualTo("A");
        assertThat(r.get("Task Identifier")).isEqualTo("T1");
        assertThat(r.get("Task Description")).isEqualTo("Record an allergy to penicillin");
        assertThat(Double.parseDouble(r.get("Task Success - Mean (%)"))).isEqualTo(100 * aT1.completion().rate());
        assertThat(r.get("Task Success - Mean (%)")).isEqualTo("80");
        assertThat(Double.parseDouble(r.get("Task Success - Standard Deviation (%)")))
                .isEqualTo(100 * aT1.completion().sd());
        // successful attempts P0..P3: steps 6, 7, 8, 9 → mean 7.5 against 5 optimal
        assertThat(r.get("Task Path Deviation - Observed #")).isEqualTo("7.5");
        assertThat(r.get("Task Path Deviation - Optimal #")).isEqualTo("5");
        // times 20, 21, 22, 23 → mean 21.5
        assertThat(r.get("Task Time - Mean (seconds)")).isEqualTo("21.5");
        assertThat(Double.parseDouble(r.get("Task Time - Standard Deviation (seconds)"))).isEqualTo(aT1.time().sd());
        assertThat(r.get("Task Time Deviation - Observed Seconds")).isEqualTo("21.5");
        assertThat(r.get("Task Time Deviation - Optimal Seconds")).isEqualTo("18");
        // errors 0, 1, 0, 1, 0 → 0.4 per attempt
        assertThat(r.get("Task Errors  Mean(%)")).isEqualTo("0.4");
        assertThat(Double.parseDouble(r.get("Task Errors - Standard Deviation (%)"))).isEqualTo(aT1.errors().sd());
        assertThat(r.get("Task Rating - Scale Type")).isEqualTo("Single Ease Question (SEQ), 1-7, 7 = very easy");
        // ratings 5, 6, 7, 5, 6 → 5.8
        assertThat(r.get("Task Rating")).isEqualTo("5.8");
        assertThat(Double.parseDouble(r.get("Task Rating - Standard Deviation")))
                .isEqualTo(aT1.rating().estimate().sd());
        for (String col : ChplSedCsv.PARTICIPANT_COLUMNS) {
            assertThat(r.get(col)).as(col).isEmpty(); // no demographics in an analysis: empty, never made up
        }
        assertThat(r.get("Participants")).isEqualTo("5");

        // A's T2: no optimal steps or time, no ratings: those columns empty, not 0; no description given
        CSVRecord t2 = back.get(1);
        assertThat(t2.get("Task Description")).isEmpty();
        assertThat(t2.get("Task Path Deviation - Observed #")).isEmpty();
        assertThat(t2.get("Task Time Deviation - Optimal Seconds")).isEmpty();
        assertThat(t2.get("Task Rating - Scale Type")).isEmpty();
        assertThat(t2.get("Task Rating")).isEmpty();
        assertThat(t2.get("Task Success - Mean (%)")).isEqualTo("100");
        assertThat(t2.get("Task Success - Standard Deviation (%)")).isEqualTo("0");
        // A's T3: every time 12 s
        assertThat(back.get(2).get("Task Time - Mean (seconds)")).isEqualTo("12");
        assertThat(back.get(3).get("Candidate")).isEqualTo("B");
        assertThat(back.get(4).get("Task Identifier")).isEqualTo("T2");
    }

    @Test
    void aValueWithACommaAQuoteAndANewlineRoundTrips() throws IOException {
        String odd = "Legacy, \"classic\" edition\nsecond line";
        String task = "Order \"stat\" labs, then\r\nsign";
        StudyAnalysis a = study(odd);
        String csv = ChplSedCsv.toCsv(a, Map.of("T2", task));
        assertThat(csv).contains("\"Legacy, \"\"classic\"\" edition\nsecond line\""); // RFC 4180 quoting
        List<CSVRecord> back;
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            back = p.getRecords();
        }
        List<List<String>> rows = ChplSedCsv.rows(a, Map.of("T2", task));
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(back.get(i).toList()).isEqualTo(rows.get(i));
        }
        assertThat(back.get(3).get("Candidate")).isEqualTo(odd);
        assertThat(back.get(4).get("Task Description")).isEqualTo(task);
        assertThat(back.get(1).get("Task Description")).isEqualTo(task);
    }

    @Test
    void simulatedRowsSaySo() throws IOException {
        String csv = ChplSedCsv.toCsv(study("B").asSimulated(), Map.of());
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getRecords()).allSatisfy(r -> assertThat(r.get("Simulated")).isEqualTo("yes"));
        }
    }

    @Test
    void numbersAreShortestExactPlainDecimals() {
        assertThat(ChplSedCsv.num(80.0)).isEqualTo("80");
        assertThat(ChplSedCsv.num(0.0)).isEqualTo("0");
        assertThat(ChplSedCsv.num(1e-7)).isEqualTo("0.0000001");
        assertThat(ChplSedCsv.num(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Double.parseDouble(ChplSedCsv.num(1.0 / 3))).isEqualTo(1.0 / 3);
        assertThat(ChplSedCsv.num(null)).isEmpty();
        assertThat(ChplSedCsv.num(Double.NaN)).isEmpty();
    }
}
