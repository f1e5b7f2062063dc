package bedside.results.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the results database is: an embedded PostgreSQL whose data folder persists on this machine, or a
 * PostgreSQL server reached by JDBC.
 *
 * @param kind        embedded or server
 * @param jdbcUrl     the server's JDBC URL (server only)
 * @param user        the server user, or null to take it from the URL (server only)
 * @param password    the server password, or null (server only)
 * @param dataDir     the PostgreSQL data folder (embedded only); kept across runs
 * @param port        the embedded server's TCP port on localhost, 0 for a free one (embedded only)
 * @param fsync       whether the embedded server flushes to disk (on for real data; tests may turn it off)
 * @param maxPoolSize connections in the pool
 * @param connectTimeout how long a query waits for a connection before it fails (the database is unreachable)
 */
public record DatabaseConfig(
        Kind kind, String jdbcUrl, String user, String password, Path dataDir, int port, boolean fsync,
        int maxPoolSize, java.time.Duration connectTimeout) {

    /** The environment variable with the JDBC URL of a PostgreSQL server; unset means embedded. */
    public static final String ENV_URL = "BEDSIDE_DB_URL";
    public static final String ENV_USER = "BEDSIDE_DB_USER";
    public static final String ENV_PASSWORD = "BEDSIDE_DB_PASSWORD";
    /** The folder under the Bedside home that holds the embedded database. */
    public static final String EMBEDDED_DIR = "pg";

    public enum Kind { EMBEDDED, SERVER }

    /** Generous for a server under load: a pool of a few connections shared by many requests. */
    public static final java.time.Duration DEFAULT_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(15);

    public DatabaseConfig {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EMBEDDED) {
            Objects.requireNonNull(dataDir, "dataDir");
            dataDir = dataDir.toAbsolutePath().normalize();
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        } else {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redact(jdbcUrl));
            }
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** An embedded PostgreSQL keeping its data in {@code dataDir}, on a free port. */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(Kind.EMBEDDED, null, null, null, dataDir, 0, true, 5, DEFAULT_CONNECT_TIMEOUT);
    }

    /** An embedded PostgreSQL keeping its data in {@code dataDir}, on a fixed port (0 for a free one). */
    public static DatabaseConfig embedded(Path dataDir, int port) {
        return embedded(dataDir).withPort(port);
    }

    /** A PostgreSQL server; {@code user} and {@code password} may be null when the URL carries them. */
    public static DatabaseConfig server(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(Kind.SERVER, jdbcUrl, user, password, null, 0, true, 10, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * {@code BEDSIDE_DB_URL} (with {@code BEDSIDE_DB_USER}, {@code BEDSIDE_DB_PASSWORD}) when set, else an
     * embedded database in {@code bedsideHome/pg}.
     */
    public static DatabaseConfig fromEnvironment(Path bedsideHome) {
        return fromEnvironment(bedsideHome, System.getenv());
    }

    /** As {@link #fromEnvironment(Path)}, reading the variables from {@code env}. */
    public static DatabaseConfig fromEnvironment(Path bedsideHome, Map<String, String> env) {
        String url = blankToNull(env.get(ENV_URL));
        if (url != null) {
            return server(url, blankToNull(env.get(ENV_USER)), env.get(ENV_PASSWORD));
        }
        Objects.requireNonNull(bedsideHome, "bedsideHome");
        return embedded(bedsideHome.resolve(EMBEDDED_DIR));
    }

    public DatabaseConfig withPort(int port) {
        return new DatabaseConfig(kind, jdbcUrl, user, password, dataDir, port, fsync, maxPoolSize, connectTimeout);
    }

    public DatabaseConfig withFsync(boolean fsync) {
        return new DatabaseConfig(kind, jdbcUrl, user, password, dataDir, port, fsync, maxPoolSize, connectTimeout);
    }

    public DatabaseConfig withMaxPoolSize(int maxPoolSize) {
        return new DatabaseConfig(kind, jdbcUrl, user, password, dataDir, port, fsync, maxPoolSize, connectTimeout);
    }

    /** As this, with queries failing after {@code connectTimeout} without a connection (a run reports an outage sooner). */
    public DatabaseConfig withConnectTimeout(java.time.Duration connectTimeout) {
        return new DatabaseConfig(kind, jdbcUrl, user, password, dataDir, port, fsync, maxPoolSize, connectTimeout);
    }

    public boolean isEmbedded() {
        return kind == Kind.EMBEDDED;
    }

    /** Where the data is, for people: e.g. {@code embedded PostgreSQL, data in /home/ana/.bedside/pg}. */
    public String describe() {
        if (kind == Kind.EMBEDDED) {
            return "embedded PostgreSQL, data in " + dataDir + (port == 0 ? "" : " (port " + port + ")");
        }
        return "PostgreSQL server " + redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[" + describe() + "]";
    }

    /** The URL without a {@code password=} parameter's value. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
