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
 * <p><b>Tamper evidence.</b> Every attempt (with its events and, in a moderated session, what the participant said
 * and the measures derived from it), post-task rating, SUS answer, marker (a use error, assist or note put on a
 * session) and the lock of the study's plan is chained per study
 * when it is saved: {@code record_hash = SHA-256(previous record_hash || canonical form of the link)} (see
 * {@link bedside.results.store.RecordHash}); {@link bedside.results.store.ResultsStore#verify} re-derives the chain
 * and names the first altered row. {@link bedside.results.store.ResultsStore#lockStudy} makes a study's
 * evidence final: from then on database triggers refuse every insert, update, delete or truncate of its runs,
 * sessions, candidates, participants, attempts, events, questionnaire answers and markers (SQLSTATE {@code BL001}, whoever
 * runs it); the audit log is append-only. <b>Access.</b> {@link bedside.results.store.AccessTokens} makes, checks and
 * revokes API tokens, storing only their SHA-256.
 *
 * <p><b>The study's plan.</b> {@link bedside.results.store.ResultsStore#savePlan} keeps a study's plan (replaced while
 * unlocked), {@link bedside.results.store.ResultsStore#lockPlan} locks it once — a link of the study's chain, never
 * changed again (SQLSTATE {@code BL003}) — and {@link bedside.results.store.ResultsStore#startSession} holds new
 * sessions to it (pilots and the expert path apart); refusals are {@link bedside.results.store.PlanRefusedException}s.
 *
 * <p>The generated jOOQ classes ({@code bedside.results.store.jooq}) come from the Flyway scripts at
 * build time ({@code DDLDatabase}); no database is needed to build.
 */
package bedside.results.store;
