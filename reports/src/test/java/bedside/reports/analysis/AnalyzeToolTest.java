package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point: outputs, streams, seed, and HTML escaping. */
class AnalyzeToolTest {
    @TempDir
    Path dir;

    @Test
    void writesJsonAndReportPrintsSummaryAndWarnings() throws Exception {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "participant,candidate,task,success,time_s,errors\n"
                + "P1,<b>Acme</b>,T1,1,10,0\nP2,<b>Acme</b>,T1,1,12,1\nP1,Zed,T1,0,,2\nP2,Zed,T1,1,30,0\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("nested/out.json");
        int code = AnalyzeTool.run(a, null, null, 99L, json, dir.resolve("rep"), 200,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("analyzed 4 attempts, 2 candidate(s), design within;");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("warning: no weights given: every task weighted 1 in the composite\n"
                        + "warning: candidate '<b>Acme</b>': n = 2: under 10, the minimum for a certified-health-IT "
                        + "summative test (170.315(g)(3)); under 15, the advised sample\n"
                        + "warning: candidate 'Zed': n = 2: under 10, the minimum for a certified-health-IT summative "
                        + "test (170.315(g)(3)); under 15, the advised sample\n");
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.at("/candidates/1/sample_adequacy/n").asInt()).isEqualTo(2);
        assertThat(n.at("/candidates/1/sample_adequacy/level").asText()).isEqualTo("below-minimum");
        assertThat(n.get("schema").asText()).isEqualTo("bedside.analysis/1");
        assertThat(n.at("/bootstrap/seed").asLong()).isEqualTo(99);
        assertThat(n.at("/bootstrap/resamples").asInt()).isEqualTo(200);
        assertThat(n.at("/candidates/0/candidate").asText()).isEqualTo("<b>Acme</b>");
        String html = Files.readString(dir.resolve("rep/index.html"));
        assertThat(html).contains("&lt;b&gt;Acme&lt;/b&gt;").doesNotContain("<b>Acme</b>");
        try (var files = Files.list(dir.resolve("nested"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.json");
        }
    }
}
