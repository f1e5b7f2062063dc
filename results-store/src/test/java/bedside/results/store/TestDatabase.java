package bedside.results.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh, isolated results database for one test class, on the back-end the environment asks for:
 * <ul>
 *   <li>{@code BEDSIDE_TEST_PG_URL} set (CI, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}):
 *       a uniquely named database is created on that server for the class and dropped after it. If the
 *       server cannot be reached the class fails; it is never skipped.</li>
 *   <li>otherwise: an embedded PostgreSQL in a temporary folder, removed after the class.</li>
 * </ul>
 * Use as {@code @RegisterExtension static final TestDatabase DB = new TestDatabase();}.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    public static final String ENV_URL = "BEDSIDE_TEST_PG_URL";
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

    private Database database;
    private ResultsStore store;
    private String serverUrl;
    private String databaseName;
    private Path tempDir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String owner = context.getRequiredTestClass().getSimpleName();
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            openOnServer(url.trim(), owner);
        } else {
            tempDir = Files.createTempDirectory("bedside-test-");
            database = Database.open(DatabaseConfig.embedded(tempDir.resolve("pg")).withFsync(false));
        }
        store = new ResultsStore(database);
        String line = "[bedside-test] " + owner + " runs on " + backend() + ": " + database.describe();
        System.out.println(line);
        LOG.info(line);
    }

    private void openOnServer(String url, String owner) throws SQLException {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(ENV_URL + " is not a jdbc:postgresql://host[:port]/database URL: " + url);
        }
        serverUrl = url;
        databaseName = ("bt_" + owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + databaseName + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException(ENV_URL + " is set (" + DatabaseConfig.redact(url)
                    + ") but the server cannot be used: " + e.getMessage(), e);
        }
        String testUrl = m.group(1) + databaseName + (m.group(3) == null ? "" : m.group(3));
        database = Database.open(DatabaseConfig.server(testUrl, System.getenv("BEDSIDE_TEST_PG_USER"),
                System.getenv("BEDSIDE_TEST_PG_PASSWORD")).withMaxPoolSize(4));
    }

    private static Connection connect(String url) throws SQLException {
        String user = System.getenv("BEDSIDE_TEST_PG_USER");
        return user == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, System.getenv("BEDSIDE_TEST_PG_PASSWORD"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            if (databaseName != null) {
                try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS \"" + databaseName + "\" WITH (FORCE)");
                }
            }
            if (tempDir != null) {
                deleteRecursively(tempDir);
            }
        }
    }

    public Database database() {
        return database;
    }

    public ResultsStore store() {
        return store;
    }

    /** "server" or "embedded". */
    public String backend() {
        return databaseName != null ? "server (database " + databaseName + ")" : "embedded";
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
