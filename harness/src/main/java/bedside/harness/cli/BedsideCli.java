package bedside.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bedside} command line: one command per job, {@code --help} on each. */
@Command(name = "bedside",
        mixinStandardHelpOptions = true,
        versionProvider = BedsideCli.Version.class,
        description = {
                "Usability testing and task timing for clinical software.",
                "Runs scripted clinician tasks on candidate systems in a real browser, records clicks, keystrokes, "
                        + "time and errors, and turns them into usability scores with confidence intervals."},
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                UploadCommand.class,
                StudyCommand.class,
                ValidateCommand.class,
                SessionCommand.class,
                AnalyzeCommand.class,
                SamplesCommand.class,
                ServeCommand.class,
                TokenCommand.class,
                VerifyCommand.class,
                ExportCommand.class,
                ReportCommand.class,
                ReplayCommand.class,
                RecordCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  done (a run: every attempt ran, whatever its outcome)",
                "  1  a problem: an invalid file, a script or system error in a run",
                "  2  usage: an unknown option, a missing argument, an invalid suite",
                "  3  the machine lacks something (browser, database): it says what",
                "",
                "Data (embedded database, journals, reports) lives in $BEDSIDE_HOME, which",
                "the bedside script sets to data/ beside it."})
public final class BedsideCli implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEM = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new BedsideCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof EnvironmentProblem) {
                commandLine.getErr().println("bedside: " + e.getMessage());
                return ENVIRONMENT;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Something the machine lacks (a browser, a database): exit 3 with what to install. */
    public static final class EnvironmentProblem extends RuntimeException {
        public EnvironmentProblem(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BedsideCli.class.getPackage().getImplementationVersion();
            return new String[] {"bedside " + (v == null ? "development build" : v)};
        }
    }
}
