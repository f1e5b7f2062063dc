package bedside.harness.cli;

import bedside.results.store.DataDirectoryInUseException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bedside upload}: sends what runs journalled but could not store (the results server or database was down,
 * the process was killed) to where those runs meant it to go.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Sends to the results database (or, with --server, to a results server) every attempt that a run "
                + "journalled in $BEDSIDE_HOME/journal but could not store: after an outage of the server or the "
                + "database, or a run that was killed. Storing is idempotent: nothing is stored twice. A journal's "
                + "attempts only ever go to the destination its run was meant for."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  nothing is left waiting for this destination",
                "  1  some attempts could still not be stored (they stay in the journal), or",
                "     the server cannot be reached",
                "  2  usage error"})
public final class UploadCommand implements Callable<Integer> {
    @Mixin
    Destinations.TeamOptions team = new Destinations.TeamOptions();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Destinations.Team server;
        try {
            server = team.resolve();
        } catch (IllegalArgumentException e) {
            err.println("bedside upload: " + e.getMessage());
            return BedsideCli.USAGE;
        }
        Path home = Home.data();
        try (Destinations.Opened opened = Destinations.open(server, home)) {
            Uploads.Report r = Uploads.replayJournals(opened.destination(), home.resolve("journal"), out);
            if (r.uploaded() == 0 && r.failed() == 0) {
                out.println("Nothing to upload to " + opened.destination().describe() + ".");
            }
            return r.failed() == 0 ? BedsideCli.OK : BedsideCli.PROBLEM;
        } catch (Destinations.UnreachableServer | DataDirectoryInUseException e) {
            err.println("bedside upload: " + e.getMessage());
            return BedsideCli.PROBLEM;
        }
    }
}
