package bedside.harness.cli;

import bedside.harness.upload.ResultsDestination;
import bedside.harness.upload.ServerDestination;
import bedside.harness.upload.StoreDestination;
import bedside.results.client.ResultsClient;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where {@code run}, {@code demo} and {@code upload} send results: the results database (embedded in the data folder,
 * or the PostgreSQL server of {@code BEDSIDE_DB_URL}), or, in team mode, a results server ({@code --server} or
 * {@code BEDSIDE_SERVER}) with an evaluator's token ({@code --token-file} or {@code BEDSIDE_TOKEN}).
 */
final class Destinations {
    static final String ENV_SERVER = "BEDSIDE_SERVER";
    static final String ENV_TOKEN = "BEDSIDE_TOKEN";

    /** The team-mode options, shared by the commands that store results. */
    static final class TeamOptions {
        @Option(names = "--server", paramLabel = "URL",
                description = {"Team mode: send results to this results server ('bedside serve') instead of a database "
                        + "(default: $" + ENV_SERVER + "). Attempts are journalled first and uploaded with retry and "
                        + "backoff, so an outage of the server loses nothing."})
        String server;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "The file holding the evaluator's API token for --server (default: $" + ENV_TOKEN + ").")
        Path tokenFile;

        /** The server and its token, or null for the database. */
        Team resolve() {
            URI s = server();
            return s == null ? null : new Team(s, token());
        }

        /** The server chosen, or null for the database. */
        URI server() {
            String s = server != null ? server : blankToNull(System.getenv(ENV_SERVER));
            if (s == null) {
                return null;
            }
            try {
                return RunCommand.absolute(s.endsWith("/") ? s.substring(0, s.length() - 1) : s, "--server");
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--server must be an http or https URL, not \"" + s + "\"");
            }
        }

        String token() {
            if (tokenFile != null) {
                try {
                    return Files.readString(tokenFile).trim();
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read the token file " + tokenFile + ": " + e.getMessage());
                }
            }
            String t = blankToNull(System.getenv(ENV_TOKEN));
            if (t == null) {
                throw new IllegalArgumentException("team mode needs an API token: --token-file FILE or $" + ENV_TOKEN
                        + " (an admin makes one with 'bedside token create --role evaluator --study S')");
            }
            return t;
        }
    }

    /** A results server and the token to send with every request. */
    record Team(URI server, String token) {}

    /** An open destination and what it holds open (the database, in database mode). */
    record Opened(ResultsDestination destination, Database database) implements AutoCloseable {
        /** The store, in database mode; null in team mode. */
        ResultsStore store() {
            return destination instanceof StoreDestination s ? s.store() : null;
        }

        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * Opens the destination. In team mode the server is asked once who the token is, so a wrong address, a server
     * that is down or a refused token stop the command before anything is recorded.
     *
     * @throws UnreachableServer when the server cannot be reached or refuses the token
     */
    static Opened open(Team team, Path home) {
        if (team == null) {
            // A run's uploader retries on its own: it need not wait long for a connection to say the database is away.
            DatabaseConfig config = DatabaseConfig.fromEnvironment(home).withConnectTimeout(Duration.ofSeconds(5));
            Database db = Database.open(config);
            String key = config.isEmbedded() ? "embedded database" : "database " + config.describe();
            return new Opened(new StoreDestination(new ResultsStore(db), config.describe(), key), db);
        }
        URI server = team.server();
        ResultsClient client = ResultsClient.builder(server, team.token()).maxAttempts(3)
                .initialBackoff(Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(2)).build();
        try {
            client.get("/api/studies");
        } catch (ResultsClient.ApiException e) {
            throw new UnreachableServer(e.status() == 401 || e.status() == 403
                    ? "the results server " + server + " refused the token (" + e.getMessage() + ")"
                    : "cannot reach the results server " + server + " (" + e.getMessage() + "); is 'bedside serve' running there?");
        }
        return new Opened(new ServerDestination(server, client), null);
    }

    /** The results server cannot be reached, or refuses the token: exit 1 before anything runs. */
    static final class UnreachableServer extends RuntimeException {
        UnreachableServer(String message) {
            super(message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
