package bedside.results.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The results database, open: a connection pool and a jOOQ {@link DSLContext}, with the schema migrated
 * by Flyway. For an embedded database this also owns the PostgreSQL server and the lock on its folder;
 * {@link #close()} shuts both down cleanly (a shutdown hook does it too if the JVM exits normally).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static {
        // jOOQ prints a banner and tips through its logger unless told not to.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final DatabaseConfig config;
    private final EmbeddedServer embedded;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final String jdbcUrl;

    private Database(DatabaseConfig config, EmbeddedServer embedded, HikariDataSource dataSource, String jdbcUrl) {
        this.config = config;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withRenderSchema(false));
    }

    /**
     * Opens the database: starts the embedded server if configured (after dealing with anything a killed
     * process left behind), connects, and migrates the schema to the newest version.
     *
     * @throws DataDirectoryInUseException if another process has the embedded data folder open
     */
    public static Database open(DatabaseConfig config) {
        LOG.info("Opening the results database: {}", config.describe());
        EmbeddedServer embedded = null;
        HikariDataSource pool = null;
        try {
            String url;
            String user;
            String password;
            if (config.isEmbedded()) {
                embedded = EmbeddedServer.start(config);
                url = embedded.jdbcUrl();
                user = "postgres";
                password = null;
            } else {
                url = config.jdbcUrl();
                user = config.user();
                password = config.password();
            }
            pool = pool(config, url, user, password);
            migrate(pool);
            return new Database(config, embedded, pool, url);
        } catch (RuntimeException | Error e) {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bedside-results");
        hikari.setJdbcUrl(url);
        if (user != null) {
            hikari.setUsername(user);
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setAutoCommit(true);
        hikari.addDataSourceProperty("ApplicationName", "bedside");
        // Fail now, not at the first query, if the server cannot be reached.
        hikari.setInitializationFailTimeout(1);
        return new HikariDataSource(hikari);
    }

    private static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Migrated the results schema to version {} ({} migration(s))", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } else {
            LOG.debug("Results schema is up to date (version {})", result.initialSchemaVersion);
        }
    }

    /** The jOOQ context (PostgreSQL dialect) over the pool. */
    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** The JDBC URL connected to (for an embedded database, its localhost URL and port). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Where the data is, for the CLI to print: e.g. {@code embedded PostgreSQL, data in /x/pg (port 41234)}. */
    public String describe() {
        if (embedded != null) {
            return "embedded PostgreSQL, data in " + embedded.dataDir() + " (port " + embedded.port() + ")";
        }
        return config.describe();
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        LOG.info("Closed the results database ({})", describe());
    }
}
