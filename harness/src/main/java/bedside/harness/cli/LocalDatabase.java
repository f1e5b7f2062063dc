package bedside.harness.cli;

import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** The results database of this machine ($BEDSIDE_HOME/pg or $BEDSIDE_DB_URL), opened for one command. */
final class LocalDatabase {
    private LocalDatabase() {}

    /**
     * Opens the database, runs {@code work}, closes it. A database that cannot be opened or a refused request
     * (the data folder in use, an unknown study) is printed as {@code bedside <command>: …} and is exit 1.
     */
    static int with(CommandSpec spec, String command, Function<Database, Integer> work) {
        try (Database db = Database.open(DatabaseConfig.fromEnvironment(Home.data()))) {
            return work.apply(db);
        } catch (IllegalArgumentException | IllegalStateException e) { // incl. DataDirectoryInUseException
            spec.commandLine().getErr().println("bedside " + command + ": " + e.getMessage());
            return BedsideCli.PROBLEM;
        }
    }
}
