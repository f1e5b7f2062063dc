package bedside.harness.cli;

import bedside.results.server.ResultsServer;
import bedside.results.store.DataDirectoryInUseException;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bedside serve}: the results HTTP API over this machine's results database (team mode), until Ctrl-C.
 * Exit codes: 0 stopped cleanly, 1 the database or port could not be used, 2 usage.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the results HTTP API over the results database until interrupted (Ctrl-C).",
                "Its routes are under /api; the OpenAPI document is /api/openapi.json. Every route but the document "
                        + "needs a bearer token: make one with 'bedside token create'."},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  stopped",
                "  1  the database or the port could not be used",
                "  2  usage error"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "Port to listen on; 0 = a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on: 127.0.0.1 (default) for this machine only, 0.0.0.0 for every interface.")
    String host;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "32",
            description = "Largest request body accepted, in MiB (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("bedside serve: --port must be 0..65535");
            return BedsideCli.USAGE;
        }
        if (maxBodyMb < 1) {
            err.println("bedside serve: --max-body-mb must be at least 1");
            return BedsideCli.USAGE;
        }
        Database db;
        try {
            db = Database.open(DatabaseConfig.fromEnvironment(Home.data()));
        } catch (DataDirectoryInUseException e) {
            err.println("bedside serve: " + e.getMessage());
            return BedsideCli.PROBLEM;
        } catch (RuntimeException e) {
            err.println("bedside serve: cannot open the results database: " + e.getMessage());
            return BedsideCli.PROBLEM;
        }
        ResultsServer server;
        try {
            server = ResultsServer.start(db, new ResultsServer.Options(host, port, maxBodyMb * 1024L * 1024L));
        } catch (RuntimeException e) {
            db.close();
            err.println("bedside serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return BedsideCli.PROBLEM;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                db.close();
            } finally {
                stopped.countDown();
            }
        }, "bedside-serve-stop"));
        out.println("Results API: " + server.url() + "/api (OpenAPI: " + server.url() + "/api/openapi.json)");
        out.println("Results: " + db.describe());
        out.println("Serving; press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return BedsideCli.OK;
    }
}
