package bedside.harness.cli;

import bedside.results.StudyRecord;
import bedside.results.store.ResultsStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedside study create|list|plan|lock|show}: the studies in the results database, and each study's plan, fixed
 * and locked before its first session.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Makes and lists studies in the results database (embedded, or $BEDSIDE_DB_URL): a study holds the "
                + "candidates, runs and results of one procurement. 'bedside run' makes its study itself; in team mode "
                + "the study must exist on the server first (evaluator tokens cannot create studies).",
                "",
                "A study's plan (the suite version, candidates, task weights, analysis) is written with 'study plan' and "
                + "locked with 'study lock' before the first session: sessions start only on a locked plan (or as "
                + "--pilot), the plan never changes after, and every score names its hash."},
        subcommands = {StudyCommand.Create.class, StudyCommand.ListStudies.class, StudyPlanCommands.Plan.class,
                StudyPlanCommands.Lock.class, StudyPlanCommands.Show.class},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done",
                "  1  a problem (the study exists with another title, the database cannot be",
                "     opened, a plan refused)",
                "  2  usage error"})
public final class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BedsideCli.USAGE;
    }

    static int withStore(CommandSpec spec, Function<ResultsStore, Integer> work) {
        return LocalDatabase.with(spec, "study", db -> work.apply(new ResultsStore(db)));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Makes a study (nothing happens if it exists with the same title).")
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "CODE", description = "The study's code, e.g. trial-2027 (letters, digits, . _ -).")
        String code;

        @Option(names = "--title", paramLabel = "TITLE", description = "Its title for reports (default: the code).")
        String title;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                spec.commandLine().getErr().println("bedside study create: \"" + code
                        + "\" is not a study code (letters, digits, '.', '_' and '-', starting with a letter or digit)");
                return BedsideCli.USAGE;
            }
            String t = title == null ? code : title;
            return withStore(spec, store -> {
                boolean existed = store.study(code).isPresent();
                store.ensureStudy(code, t);
                StudyRecord s = store.study(code).orElseThrow();
                if (!s.title().equals(t)) {
                    spec.commandLine().getErr().println("bedside study create: study " + code + " exists with the title \""
                            + s.title() + "\"");
                    return BedsideCli.PROBLEM;
                }
                spec.commandLine().getOut().println((existed ? "Study exists: " : "Created study ") + code + " (" + t + ")");
                return BedsideCli.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the studies.")
    static final class ListStudies implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, store -> {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-24s  %-8s  %s%n", "CODE", "STATE", "TITLE");
                for (StudyRecord s : store.studies()) {
                    out.printf("%-24s  %-8s  %s%n", s.code(), s.locked() ? "locked" : "open", s.title());
                }
                return BedsideCli.OK;
            });
        }
    }
}
