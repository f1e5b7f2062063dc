package bedside.harness.cli;

import bedside.scenarios.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks scenario suites without a browser: every problem, located by file, line and column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
                "Checks scenario suites without running them: YAML syntax, unknown or missing keys, wrong types, "
                        + "duplicate ids, unknown fragments, candidates, tasks, data sets and $${...} parameters, "
                        + "css, xpath, JsonPath and regular expressions, empty bindings, tasks without a success "
                        + "criterion, time limits.",
                "Prints every problem as path:line:column: error: message (with a hint), then a one-line summary."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  every suite is valid (warnings allowed)",
                "  1  at least one error",
                "  2  usage error: no path, or a path that does not exist"})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "A suite folder (suite.yaml + bindings/<candidate>.yaml), a single-file suite, "
                    + "a file inside a suite folder (the whole suite is checked), or a folder of suites.")
    List<Path> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Validation.check(paths, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
