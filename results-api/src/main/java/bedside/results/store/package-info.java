/**
 * Results storage: PostgreSQL through jOOQ, the schema migrated by Flyway ({@code db/migration}).
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.fromEnvironment(bedsideHome))) {
 *     System.out.println("Results: " + db.describe());
 *     ResultsStore store = new ResultsStore(db);
 *     store.ensureStudy("demo", "Demo study");
 *     store.ensureCandidate("demo", "alpha", "Alpha EHR", "Alpha Health");
 *     store.saveSuiteVersion(suite.id(), suite.version(), suite.contentHash(), suite.title(), tasks);
 *     store.startRun(run);
 *     store.startSession(session);
 *     store.saveAttempt(attempt, events);      // idempotent by attempt id
 *     store.finishRun(run.runId(), Instant.now());
 * }
 * }</pre>
 *
 * <p>{@link bedside.results.store.DatabaseConfig#fromEnvironment} uses the server in {@code BEDSIDE_DB_URL}
 * when set, else an embedded PostgreSQL whose data folder is {@code <bedsideHome>/pg} (with its lock file
 * {@code <bedsideHome>/pg.lock} beside it). See {@link bedside.results.store.EmbeddedServer} for how a folder
 * left by a killed process is recovered and how two processes are kept apart.
 *
 * <p>The generated jOOQ classes ({@code bedside.results.store.jooq}) come from the Flyway scripts at
 * build time ({@code DDLDatabase}); no database is needed to build.
 */
package bedside.results.store;
