package bedside.results.bench;

import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database a benchmark runs on: a fresh database on the server named by {@code BEDSIDE_BENCH_PG_URL}
 * (a JDBC URL of an existing database there, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres};
 * the benchmark creates and drops its own), else an embedded PostgreSQL in a temporary folder with fsync on
 * (as real data is stored).
 */
final class BenchDatabase implements AutoCloseable {
    private final Database database;
    private final String serverUrl;
    private final String name;
    private final Path temp;

    private BenchDatabase(Database database, String serverUrl, String name, Path temp) {
        this.database = database;
        this.serverUrl = serverUrl;
        this.name = name;
        this.temp = temp;
    }

    static BenchDatabase open() throws Exception {
        String url = System.getenv("BEDSIDE_BENCH_PG_URL");
        if (url != null && !url.isBlank()) {
            String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            String dbUrl = url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            return new BenchDatabase(Database.open(DatabaseConfig.server(dbUrl, null, null)), url, name, null);
        }
        Path temp = Files.createTempDirectory("bedside-bench-");
        return new BenchDatabase(Database.open(DatabaseConfig.embedded(temp.resolve("pg"))), null, null, temp);
    }

    Database database() {
        return database;
    }

    String describe() {
        return serverUrl != null ? "PostgreSQL server (" + serverVersion() + "), fresh database " + name
                : "embedded PostgreSQL (" + serverVersion() + ", fsync on)";
    }

    private String serverVersion() {
        return String.valueOf(database.dsl().fetchValue("show server_version"));
    }

    @Override
    public void close() throws Exception {
        database.close();
        if (name != null) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        if (temp != null) {
            try (var paths = Files.walk(temp)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
