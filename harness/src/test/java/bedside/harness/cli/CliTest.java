package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person meets it: help everywhere, documented exit codes, the commands wired. */
class CliTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        assertThat(BedsideCli.execute("--help")).isZero();
        assertThat(out()).contains("demo", "validate", "analyze", "samples", "Exit codes:", "BEDSIDE_HOME");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "run", "upload", "study", "validate", "analyze", "samples", "serve", "session",
                "token", "verify"}) {
            out.reset();
            assertThat(BedsideCli.execute(command, "--help")).as(command).isZero();
            assertThat(out()).as(command).contains("Usage: bedside " + command);
        }
    }

    /**
     * picocli wraps a header or footer line longer than its 80 columns back to column 0, which breaks the exit-code
     * lists apart: every such line, in every command and sub-command, fits as written.
     */
    @Test
    void everyHeaderAndFooterLineFitsEightyColumns() {
        java.util.List<String> tooLong = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> commands = new java.util.ArrayDeque<>();
        commands.add(new picocli.CommandLine(new BedsideCli()));
        int seen = 0;
        while (!commands.isEmpty()) {
            picocli.CommandLine command = commands.poll();
            seen++;
            var usage = command.getCommandSpec().usageMessage();
            for (String[] lines : new String[][] {usage.header(), usage.footer()}) {
                for (String line : lines) {
                    if (line.length() > 80) {
                        tooLong.add(command.getCommandSpec().qualifiedName() + ": " + line);
                    }
                }
            }
            commands.addAll(command.getSubcommands().values());
        }
        assertThat(seen).as("commands walked").isGreaterThan(15);
        assertThat(tooLong).isEmpty();
    }

    @Test
    void aBadStudyCodeIsAUsageErrorBeforeAnyDatabaseOpens() {
        assertThat(BedsideCli.execute("study", "create", "no spaces")).isEqualTo(BedsideCli.USAGE);
        assertThat(err()).contains("is not a study code");
    }

    @Test
    void teamModeWithoutATokenIsAUsageError() {
        assertThat(BedsideCli.execute("upload", "--server", "http://127.0.0.1:9")).isEqualTo(BedsideCli.USAGE);
        assertThat(err()).contains("team mode needs an API token");
        err.reset();
        assertThat(BedsideCli.execute("upload", "--server", "ftp://x")).isEqualTo(BedsideCli.USAGE);
        assertThat(err()).contains("must be an http or https URL");
    }

    @Test
    void aSessionRefusesANameForAParticipantCodeBeforeAnythingStarts() {
        String suite = ROOT.resolve("scenarios/suites/sed-core").toString();
        assertThat(BedsideCli.execute("session", suite, "--candidate", "streamlined", "--participant", "Jane Smith"))
                .isEqualTo(BedsideCli.USAGE);
        assertThat(err.toString()).contains("has a space, as a name has").contains("Nothing was stored");
        assertThat(BedsideCli.execute("session", suite, "--candidate", "streamlined", "--participant", "jane@example.org"))
                .isEqualTo(BedsideCli.USAGE);
        assertThat(err.toString()).contains("looks like an e-mail address");
        assertThat(BedsideCli.execute("session", suite, "--candidate", "nosuch", "--participant", "P07"))
                .isEqualTo(BedsideCli.USAGE);
        assertThat(err.toString()).contains("nosuch");
        assertThat(BedsideCli.execute("session", suite, "--candidate", "streamlined", "--participant", "P07",
                "--order", "sideways")).isEqualTo(BedsideCli.USAGE);
        assertThat(err.toString()).contains("--order");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(BedsideCli.execute("demo", "--no-such-option")).isEqualTo(BedsideCli.USAGE);
        assertThat(err()).contains("Unknown option");
    }

    @Test
    void validateAcceptsTheShippedSuite() {
        assertThat(BedsideCli.execute("validate", ROOT.resolve("scenarios/suites/sed-core").toString())).isZero();
        assertThat(out()).contains("sed-core: valid");
    }

    @Test
    void validateReportsLocatedErrors(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("broken.yaml");
        Files.writeString(suite, "suite:\n  id: x\n  titel: Typo\n");
        assertThat(BedsideCli.execute("validate", suite.toString())).isEqualTo(1);
        assertThat(out() + err()).containsPattern("broken\\.yaml:3:3: error: .*titel");
    }

    @Test
    void analyzeWritesTheJsonContract(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out.json");
        Path ref = ROOT.resolve("reports/src/test/resources/reference");
        int code = BedsideCli.execute("analyze", "--attempts", ref.resolve("attempts_within.csv").toString(),
                "--sus", ref.resolve("sus_within.csv").toString(), "--seed", "7", "--json", json.toString());
        assertThat(code).as(err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("design").asText()).isEqualTo("within");
        assertThat(root.path("candidates").size()).isGreaterThan(1);
    }

    @Test
    void analyzeRefusesBadRowsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "participant,candidate,task,success,time_s,errors\np1,a,t,maybe,12,0\n");
        Path json = dir.resolve("out.json");
        assertThat(BedsideCli.execute("analyze", "--attempts", csv.toString(), "--json", json.toString())).isEqualTo(1);
        assertThat(out() + err()).contains("a.csv:2: error:");
        assertThat(json).doesNotExist();
    }
}
