package bedside.results.store;

import bedside.results.Fixtures;

import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.VerifyReport;
import bedside.results.store.jooq.DefaultSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static bedside.results.Fixtures.attempt;
import static bedside.results.Fixtures.events;
import static bedside.results.Fixtures.prepareStudy;
import static bedside.results.Fixtures.run;
import static bedside.results.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Flyway scripts on an empty database, and the jOOQ classes generated from them without one. */
class MigrationsIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void migratesAnEmptyDatabaseToTheNewestVersion() {
        Flyway flyway = Flyway.configure().dataSource(DB.database().dataSource()).load();
        MigrationInfo current = flyway.info().current();
        assertThat(current).isNotNull();
        assertThat(current.getVersion().getVersion()).isEqualTo("10");
        assertThat(flyway.info().pending()).isEmpty();
        flyway.validate();
        // Opening again migrates nothing.
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void everyGeneratedTableAndColumnExistsInTheMigratedDatabase() {
        DSLContext dsl = DB.database().dsl();
        List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables();
        assertThat(tables).extracting(Table::getName).contains("studies", "candidates", "suite_versions",
                "suite_tasks", "participants", "runs", "sessions", "attempts", "events", "task_ratings",
                "sus_answers", "audit_log", "api_tokens", "study_chains", "markers", "study_plans", "attempt_replays");
        for (Table<?> table : tables) {
            // Selecting every generated column by name fails if the DDL jOOQ parsed and PostgreSQL differ.
            dsl.select(table.fields()).from(table).limit(0).fetch();
        }
    }

    @Test
    void eventJsonIsJsonbAndOutcomesAreChecked() {
        DSLContext dsl = DB.database().dsl();
        assertThat(dsl.fetchValue("select data_type from information_schema.columns "
                + "where table_name = 'events' and column_name = 'json'")).isEqualTo("jsonb");
        String check = (String) dsl.fetchValue("select pg_get_constraintdef(oid) from pg_constraint "
                + "where conname = 'attempts_outcome_ck'");
        assertThat(check).contains("success", "failure", "critical-use-error", "system-error", "script-error");
        assertThat(dsl.fetchValue("select count(*) from information_schema.columns "
                + "where table_name = 'attempts' and column_name = 'record_hash' and is_nullable = 'YES'"))
                .isEqualTo(1L);
    }

    @Test
    void everyChainedTableIsGuardedByTheOneChainFunction() {
        // (and the not-applicable marks of V6: not chained, but refused once their study is locked, by the same guard)
        DSLContext dsl = DB.database().dsl();
        assertThat(dsl.fetch("select c.relname || ' ' || t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid "
                        + "where not t.tgisinternal and t.tgfoid = 'bedside_chain_guard'::regproc order by 1")
                .getValues(0, String.class)).containsExactly(
                "attempt_replays attempt_replays_locked_tg", "attempt_replays attempt_replays_truncate_locked_tg",
                "attempts attempts_locked_tg", "attempts attempts_truncate_locked_tg",
                "markers markers_locked_tg", "markers markers_truncate_locked_tg",
                "not_applicable not_applicable_locked_tg", "not_applicable not_applicable_truncate_locked_tg",
                "study_plans study_plans_locked_tg", "study_plans study_plans_truncate_locked_tg",
                "sus_answers sus_answers_locked_tg", "sus_answers sus_answers_truncate_locked_tg",
                "task_ratings task_ratings_locked_tg", "task_ratings task_ratings_truncate_locked_tg");
    }

    @Test
    void anAttemptThatCouldNotBeCheckedIsStoredAsSuch() {
        Fixtures.prepareStudy(DB.store(), "v5");
        bedside.results.RunRecord run = Fixtures.run("v5", Fixtures.T0);
        DB.store().startRun(run);
        bedside.results.SessionRecord s = Fixtures.session(run, "alpha", "P1", Fixtures.T0);
        DB.store().startSession(s);
        bedside.results.AttemptRecord a = Fixtures.attempt(s, "record-allergy", 1, bedside.results.Outcome.NOT_CHECKED,
                Fixtures.T0.plusSeconds(5));
        DB.store().saveAttempt(a, java.util.List.of());
        assertThat(DB.store().attempt(a.attemptId()).orElseThrow().outcome()).isEqualTo(bedside.results.Outcome.NOT_CHECKED);
    }

    /** A later migration chains a table as V4's header says: its guard is the two CREATE TRIGGER lines. */
    @Test
    void aNewTableChainedAsV4SaysIsGuardedLikeTheOthers() {
        DSLContext dsl = DB.database().dsl();
        ResultsStore store = DB.store();
        prepareStudy(store, "plans-open");
        prepareStudy(store, "plans-locked");
        dsl.execute("create table test_plans (study_code varchar(100) not null references studies (study_code), "
                + "chain_no bigint, record_hash text, note text, "
                + "constraint test_plans_chain_uq unique (study_code, chain_no), "
                + "constraint test_plans_chain_ck check ((chain_no is null) = (record_hash is null)))");
        try {
            dsl.execute("create trigger test_plans_locked_tg after insert or update or delete on test_plans "
                    + "for each row execute function bedside_chain_guard()");
            dsl.execute("create trigger test_plans_truncate_locked_tg before truncate on test_plans "
                    + "for each statement execute function bedside_chain_guard()");
            dsl.execute("insert into test_plans values ('plans-open', 1, 'h1', 'a'), ('plans-locked', 1, 'h2', 'b')");
            store.lockStudy("plans-locked", "test");
            for (String sql : List.of(
                    "insert into test_plans values ('plans-locked', 2, 'h3', 'c')",
                    "update test_plans set note = 'x' where study_code = 'plans-locked'",
                    "update test_plans set study_code = 'plans-locked', chain_no = 9 where study_code = 'plans-open'",
                    "delete from test_plans where study_code = 'plans-locked'",
                    "truncate test_plans")) {
                assertThatThrownBy(() -> dsl.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                        .satisfies(e -> assertThat(ResultsStore.isLocked(e)).as(sql).isTrue())
                        .hasMessageContaining("study plans-locked is locked: its evidence cannot be changed");
            }
            // The open study's rows change as before.
            assertThat(dsl.execute("insert into test_plans values ('plans-open', 2, 'h4', 'd')")).isEqualTo(1);
            assertThat(dsl.execute("update test_plans set note = 'y' where study_code = 'plans-open'")).isEqualTo(2);
            assertThat(dsl.execute("delete from test_plans where study_code = 'plans-open'")).isEqualTo(2);
            // A table whose rows carry no study cannot be guarded by it: it says so instead of letting rows through.
            dsl.execute("create table test_unchained (x integer)");
            dsl.execute("create trigger test_unchained_locked_tg after insert on test_unchained "
                    + "for each row execute function bedside_chain_guard()");
            assertThatThrownBy(() -> dsl.execute("insert into test_unchained values (1)"))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("study_code");
        } finally {
            dsl.execute("drop table if exists test_plans");
            dsl.execute("drop table if exists test_unchained");
        }
    }

    /** Texts that JSON escapes in every way there is (PostgreSQL's to_json and RecordHash must agree on each). */
    private static final String AWKWARD = "\"quoted\" back\\slash /slash\n\r\t\b\f \u0001\u001f\u007f é ß 中 😀 "
            + "\u2028 <&> \u00a0end";

    @Test
    void answersStoredBeforeVersion3JoinTheirStudysChain() throws Exception {
        String name = "legacy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DSLContext server = DB.database().dsl();
        server.execute("CREATE DATABASE " + name);
        String url = DB.database().jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + name);
        String user = System.getenv("BEDSIDE_TEST_PG_USER");
        String password = System.getenv("BEDSIDE_TEST_PG_PASSWORD");
        Instant t0 = Instant.parse("2026-11-25T09:00:00.123456Z");
        try {
            // The schema as it was before questionnaire answers were chained, with answers stored as they were then.
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("2").load()
                    .migrate();
            UUID openSession;
            UUID lockedSession;
            try (Connection c = user == null ? DriverManager.getConnection(url)
                    : DriverManager.getConnection(url, user, password)) {
                DSLContext v2 = DSL.using(c, SQLDialect.POSTGRES);
                ResultsStore store = new ResultsStore(v2);
                openSession = legacyStudy(store, v2, "open", t0);
                lockedSession = legacyStudy(store, v2, "closed", t0);
                store.lockStudy("closed", "test");
                // A study with answers only (no attempts, so no chain yet).
                prepareStudy(store, "answers-only");
                RunRecord run = run("answers-only", t0);
                store.startRun(run);
                SessionRecord s = session(run, "beta", "P9", t0);
                insertLegacySession(v2, "answers-only", s);
                insertLegacySus(v2, s.sessionId(), t0);
            }

            try (Database migrated = Database.open(DatabaseConfig.server(url, user, password).withMaxPoolSize(2))) {
                ResultsStore store = new ResultsStore(migrated);
                DSLContext dsl = migrated.dsl();
                for (String study : List.of("open", "closed", "answers-only")) {
                    VerifyReport r = store.verify(study);
                    assertThat(r.intact()).as(study + ": " + r.problem()).isTrue();
                    assertThat(r.susAnswers()).as(study).isEqualTo(10);
                    assertThat(r.taskRatings()).as(study).isEqualTo(study.equals("answers-only") ? 0 : 2);
                    assertThat(r.attempts()).as(study).isEqualTo(study.equals("answers-only") ? 0 : 2);
                }
                assertThat(store.verify("closed").locked()).isTrue();
                // Appended after the attempts already chained, in answer order; the audit log tells.
                assertThat(dsl.fetch("select chain_no from task_ratings where study_code = 'open' order by answered_at")
                        .getValues(0, Long.class)).containsExactly(3L, 4L);
                assertThat(dsl.fetch("select chain_no from sus_answers where session_id = ? order by item", openSession)
                        .getValues(0, Long.class)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
                assertThat(dsl.fetch("select study_code, (details ->> 'fromChainLength')::int, "
                                + "(details ->> 'chainLength')::int, (details ->> 'studyLocked')::boolean from audit_log "
                                + "where action = 'chain.adopt-answers' and actor = 'migration:V3' order by study_code")
                        .map(r -> r.get(0) + " " + r.get(1) + "->" + r.get(2) + " " + r.get(3)))
                        .containsExactly("answers-only 0->10 false", "closed 2->14 true", "open 2->14 false");
                assertThat(store.taskRatings("open")).extracting(TaskRatingRecord::comment).contains(AWKWARD);

                // From now on: new answers chain on, the locked study stays locked, tampering shows.
                assertThat(store.saveTaskRating(new TaskRatingRecord(openSession, "review-results", "seq", 2, 1, 7,
                        AWKWARD, t0.plusSeconds(99)))).isTrue();
                assertThat(store.verify("open").taskRatings()).isEqualTo(3);
                assertThatThrownBy(() -> dsl.execute("update sus_answers set answer = 1 where session_id = ?",
                        lockedSession)).isInstanceOf(DataAccessException.class)
                        .satisfies(e -> assertThat(ResultsStore.isLocked(e)).isTrue());
                dsl.execute("update task_ratings set comment = 'x' where session_id = ? and task_id = 'record-allergy'",
                        openSession);
                VerifyReport tampered = store.verify("open");
                assertThat(tampered.intact()).isFalse();
                assertThat(tampered.firstAlteredRow()).isEqualTo("session_id = " + openSession
                        + ", task_id = record-allergy, instrument = seq");
            }
        } finally {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /**
     * A database holding version 6's data (demographics, chained attempts, answers, a locked study) migrated to V7:
     * nothing stored changes, every chain still verifies, and the new fields can then be stored and are chained.
     */
    @Test
    void version7KeepsVersion6DataAndItsChains() throws Exception {
        String name = "v6_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DSLContext server = DB.database().dsl();
        server.execute("CREATE DATABASE " + name);
        String url = DB.database().jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + name);
        String user = System.getenv("BEDSIDE_TEST_PG_USER");
        String password = System.getenv("BEDSIDE_TEST_PG_PASSWORD");
        Instant t0 = Instant.parse("2026-11-25T09:00:00.123456Z");
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("6").load()
                    .migrate();
            List<AttemptRecord> stored = new java.util.ArrayList<>();
            List<String> hashes;
            try (Connection c = user == null ? DriverManager.getConnection(url)
                    : DriverManager.getConnection(url, user, password)) {
                DSLContext v6 = DSL.using(c, SQLDialect.POSTGRES);
                ResultsStore store = new ResultsStore(v6);
                for (String study : List.of("six-open", "six-closed")) {
                    prepareStudy(store, study);
                    RunRecord run = run(study, t0);
                    store.startRun(run);
                    v6.execute("insert into participants (study_code, participant_code, role, years_in_role) "
                            + "values (?, 'P1', 'nurse', 4)", study);
                    SessionRecord s = session(run, "alpha", "P1", t0);
                    insertLegacySession(v6, study, s);
                    for (int i = 0; i < 2; i++) {
                        AttemptRecord a = attempt(s, i == 0 ? "record-allergy" : "order-medication", 1,
                                i == 0 ? Outcome.SUCCESS : Outcome.FAILURE, t0.plusSeconds(i));
                        insertLegacyAttempt(v6, study, a, events(a.attemptId(), 3));
                        stored.add(a);
                    }
                    store.saveTaskRating(new TaskRatingRecord(s.sessionId(), "record-allergy", "seq", 6, 1, 7, null,
                            t0.plusSeconds(10)));
                    if (study.equals("six-closed")) {
                        store.lockStudy(study, "test");
                    }
                }
                hashes = v6.fetch("select record_hash from attempts order by study_code, chain_no").getValues(0,
                        String.class);
            }

            try (Database migrated = Database.open(DatabaseConfig.server(url, user, password).withMaxPoolSize(2))) {
                ResultsStore store = new ResultsStore(migrated);
                DSLContext dsl = migrated.dsl();
                SessionRecord open = store.sessionsOfStudy("six-open").get(0);
                assertThat(dsl.fetch("select record_hash from attempts order by study_code, chain_no")
                        .getValues(0, String.class)).isEqualTo(hashes);
                for (String study : List.of("six-open", "six-closed")) {
                    VerifyReport r = store.verify(study);
                    assertThat(r.intact()).as(study + ": " + r.problem()).isTrue();
                    assertThat(r.attempts()).isEqualTo(2);
                    assertThat(r.taskRatings()).isEqualTo(1);
                    assertThat(r.markers()).isZero();
                }
                // What was stored reads back as before, with the new fields absent.
                for (AttemptRecord a : stored) {
                    assertThat(store.attempt(a.attemptId()).orElseThrow()).isEqualTo(a);
                }
                assertThat(store.participant("six-open", "P1").orElseThrow())
                        .isEqualTo(new bedside.results.ParticipantRecord("P1", "nurse", 4, null, null));
                assertThat(store.session(open.sessionId()).orElseThrow().order()).isNull();

                // The new fields, stored on the migrated data: demographics filled in, a moderated attempt, a marker.
                Instant consent = t0.plusSeconds(100);
                assertThat(store.saveParticipant("six-open", new bedside.results.ParticipantRecord("P1", "nurse", null,
                        3, null, "40-49", "none", consent)).consentedAt()).isEqualTo(consent);
                AttemptRecord moderated = attempt(open, "review-results", 1, Outcome.SUCCESS, t0.plusSeconds(200))
                        .withSession(new bedside.results.SessionFacts("done", 1.25, 2.5, "indirect", 0.3, 2));
                assertThat(store.saveAttempt(moderated, events(moderated.attemptId(), 2))).isTrue();
                assertThat(store.saveMarker(new bedside.results.MarkerRecord(UUID.randomUUID(), open.sessionId(),
                        moderated.attemptId(), "review-results", "slip", 1234.5, "opened the wrong patient",
                        "moderator", t0.plusSeconds(210)))).isTrue();
                VerifyReport after = store.verify("six-open");
                assertThat(after.intact()).as(after.problem()).isTrue();
                assertThat(after.attempts()).isEqualTo(3);
                assertThat(after.markers()).isEqualTo(1);

                // The locked study stays closed to the new kinds of rows too.
                SessionRecord closed = store.sessionsOfStudy("six-closed").get(0);
                assertThatThrownBy(() -> store.saveMarker(new bedside.results.MarkerRecord(UUID.randomUUID(),
                        closed.sessionId(), null, null, "note", null, "late", "observer", t0.plusSeconds(300))))
                        .isInstanceOf(StudyLockedException.class);
                assertThatThrownBy(() -> store.saveParticipant("six-closed", new bedside.results.ParticipantRecord("P1",
                        null, null, null, null, "30-39", null, null))).isInstanceOf(StudyLockedException.class);
                assertThat(store.verify("six-closed").intact()).isTrue();
            }
        } finally {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /**
     * A database holding version 7's data (a moderated session with its order, an attempt with the participant's word,
     * an expert-path attempt, a rating, a marker, a locked study) migrated to V8: every stored hash stays what it was
     * and every chain verifies (an attempt's flags join its canonical form only when true), the new flags read false,
     * and a plan can then be saved and locked over the migrated data.
     */
    @Test
    void version8KeepsVersion7DataItsHashesAndChains() throws Exception {
        String name = "v7_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DSLContext server = DB.database().dsl();
        server.execute("CREATE DATABASE " + name);
        String url = DB.database().jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + name);
        String user = System.getenv("BEDSIDE_TEST_PG_USER");
        String password = System.getenv("BEDSIDE_TEST_PG_PASSWORD");
        Instant t0 = Instant.parse("2026-11-25T09:00:00.123456Z");
        bedside.results.SessionOrder order = new bedside.results.SessionOrder("latin", null, 1,
                List.of("order-medication", "record-allergy", "review-results"), 1);
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("7").load()
                    .migrate();
            List<AttemptRecord> stored = new java.util.ArrayList<>();
            List<String> hashes;
            List<String> links;
            try (Connection c = user == null ? DriverManager.getConnection(url)
                    : DriverManager.getConnection(url, user, password)) {
                DSLContext v7 = DSL.using(c, SQLDialect.POSTGRES);
                ResultsStore store = new ResultsStore(v7);
                for (String study : List.of("seven-open", "seven-closed")) {
                    prepareStudy(store, study);
                    RunRecord run = run(study, t0);
                    store.startRun(run);
                    v7.execute("insert into participants (study_code, participant_code, role, age_band, consented_at) "
                            + "values (?, 'P1', 'nurse', '30-39', ?::timestamptz)", study, t0.toString());
                    SessionRecord moderated = new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", "P1", t0,
                            order);
                    insertV7Session(v7, study, moderated);
                    SessionRecord expert = session(run, "beta", "expert-path", t0);
                    insertLegacySession(v7, study, expert);
                    AttemptRecord said = attempt(moderated, "order-medication", 1, Outcome.SUCCESS, t0.plusSeconds(1))
                            .withSession(new bedside.results.SessionFacts("done", 0.1 + 0.2, 1.5, "indirect", 0.25, 2));
                    AttemptRecord scripted = attempt(expert, "record-allergy", 1, Outcome.FAILURE, t0.plusSeconds(2));
                    insertV7Attempt(v7, study, said, events(said.attemptId(), 3));
                    insertLegacyAttempt(v7, study, scripted, events(scripted.attemptId(), 2));
                    stored.add(said);
                    stored.add(scripted);
                    store.saveTaskRating(new TaskRatingRecord(moderated.sessionId(), "order-medication", "seq", 6, 1, 7,
                            AWKWARD, t0.plusSeconds(10)));
                    // (No attempt named: today's store reads the attempt with V8's columns to check it.)
                    store.saveMarker(new bedside.results.MarkerRecord(UUID.randomUUID(), moderated.sessionId(),
                            null, "order-medication", "slip", 812.5, "picked 250 mg", "moderator",
                            t0.plusSeconds(11)));
                    if (study.equals("seven-closed")) {
                        store.lockStudy(study, "test");
                    }
                }
                hashes = v7.fetch("select record_hash from attempts order by study_code, chain_no").getValues(0,
                        String.class);
                links = v7.fetch("select study_code || ' ' || length || ' ' || head_hash from study_chains "
                        + "order by study_code").getValues(0, String.class);
            }

            try (Database migrated = Database.open(DatabaseConfig.server(url, user, password).withMaxPoolSize(2))) {
                ResultsStore store = new ResultsStore(migrated);
                DSLContext dsl = migrated.dsl();
                assertThat(dsl.fetch("select record_hash from attempts order by study_code, chain_no")
                        .getValues(0, String.class)).isEqualTo(hashes);
                assertThat(dsl.fetch("select study_code || ' ' || length || ' ' || head_hash from study_chains "
                        + "order by study_code").getValues(0, String.class)).isEqualTo(links);
                for (String study : List.of("seven-open", "seven-closed")) {
                    VerifyReport r = store.verify(study);
                    assertThat(r.intact()).as(study + ": " + r.problem()).isTrue();
                    assertThat(r.attempts()).isEqualTo(2);
                    assertThat(r.taskRatings()).isEqualTo(1);
                    assertThat(r.markers()).isEqualTo(1);
                    assertThat(r.planHash()).isNull();
                }
                // The flags of every row stored before read false; what was stored reads back as before.
                assertThat(dsl.fetchValue("select count(*) from participants where simulated")).isEqualTo(0L);
                assertThat(dsl.fetchValue("select count(*) from sessions where pilot or simulated")).isEqualTo(0L);
                assertThat(dsl.fetchValue("select count(*) from attempts where pilot or simulated")).isEqualTo(0L);
                for (AttemptRecord a : stored) {
                    assertThat(store.attempt(a.attemptId()).orElseThrow()).isEqualTo(Rows.normalized(a));
                }
                assertThat(store.sessionsOfStudy("seven-open")).hasSize(2)
                        .allSatisfy(x -> assertThat(x.pilot() || x.simulated()).isFalse());
                assertThat(store.participant("seven-open", "P1").orElseThrow().simulated()).isFalse();

                // A plan over the migrated data: saved, locked into the chain after its links; sessions then held to it.
                store.savePlan(Fixtures.plan("seven-open", 6), "test");
                bedside.results.StoredPlan plan = store.lockPlan("seven-open", "test");
                assertThat(plan.chainNo()).isEqualTo(5L);
                RunRecord run = store.runs("seven-open").get(0);
                store.startSession(new SessionRecord(UUID.randomUUID(), run.runId(), "beta", "P2", t0.plusSeconds(60),
                        order));
                VerifyReport after = store.verify("seven-open");
                assertThat(after.intact()).as(after.problem()).isTrue();
                assertThat(after.planLocked()).isTrue();
                // The closed study takes no plan.
                assertThatThrownBy(() -> store.savePlan(Fixtures.plan("seven-closed", 6), "test"))
                        .isInstanceOf(StudyLockedException.class);
                assertThat(store.verify("seven-closed").intact()).isTrue();
            }
        } finally {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Two chained attempts, then two ratings and a SUS stored as version 2 stored them. Returns the session. */
    private static UUID legacyStudy(ResultsStore store, DSLContext v2, String study, Instant t0) {
        prepareStudy(store, study);
        RunRecord run = run(study, t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P1", t0);
        insertLegacySession(v2, study, s);
        for (int i = 0; i < 2; i++) {
            AttemptRecord a = attempt(s, i == 0 ? "record-allergy" : "order-medication", 1, Outcome.SUCCESS,
                    t0.plusSeconds(i));
            insertLegacyAttempt(v2, study, a, events(a.attemptId(), 3));
        }
        v2.execute("insert into task_ratings (session_id, task_id, instrument, rating, scale_min, scale_max, comment, "
                + "answered_at) values (?, 'record-allergy', 'seq', 6, 1, 7, ?, ?::timestamptz)", s.sessionId(), AWKWARD,
                t0.plusSeconds(10));
        v2.execute("insert into task_ratings (session_id, task_id, instrument, rating, scale_min, scale_max, comment, "
                + "answered_at) values (?, 'order-medication', 'seq', 3, 1, 7, null, ?::timestamptz)", s.sessionId(),
                t0.plusSeconds(20));
        insertLegacySus(v2, s.sessionId(), t0.plusSeconds(30));
        return s.sessionId();
    }

    // Sessions and attempts as the store wrote them before V7, in SQL: today's store also writes V7's columns.

    private static void insertLegacySession(DSLContext old, String study, SessionRecord s) {
        old.execute("insert into participants (study_code, participant_code) values (?, ?) on conflict do nothing",
                study, s.participant());
        old.execute("insert into sessions (session_id, run_id, study_code, suite_hash, candidate_code, participant_code, "
                + "started_at) values (?, ?, ?, ?, ?, ?, ?::timestamptz)", s.sessionId(), s.runId(), study,
                Fixtures.SUITE_HASH, s.candidate(), s.participant(), Rows.micros(s.startedAt()).toString());
    }

    /** A moderated session as the store wrote it in version 7 (its order; no flags), in SQL. */
    private static void insertV7Session(DSLContext old, String study, SessionRecord s) {
        old.execute("insert into sessions (session_id, run_id, study_code, suite_hash, candidate_code, participant_code, "
                + "started_at, order_mode, order_seed, participant_index, task_order, candidate_position) "
                + "values (?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?::jsonb, ?)", s.sessionId(), s.runId(), study,
                Fixtures.SUITE_HASH, s.candidate(), s.participant(), Rows.micros(s.startedAt()).toString(),
                s.order().mode(), s.order().seed(), s.order().participantIndex(), Rows.taskOrder(s.order()).data(),
                s.order().candidatePosition());
    }

    /** An attempt with the participant's word, chained as the store chained it in version 7 (no flags), in SQL. */
    private static void insertV7Attempt(DSLContext old, String study, AttemptRecord a,
            List<bedside.results.EventRecord> events) {
        insertLegacyAttempt(old, study, a, events);
        bedside.results.SessionFacts f = a.session();
        old.execute("update attempts set participant_said = ?, path_deviation = ?, time_deviation = ?, success_path = ?, "
                + "lostness = ?, misclicks = ? where attempt_id = ?", f.participantSaid(), f.pathDeviation(),
                f.timeDeviation(), f.success(), f.lostness(), f.misclicks(), a.attemptId());
    }

    /** An attempt and its events, chained onto the study's chain with the hash the store made then. */
    private static void insertLegacyAttempt(DSLContext old, String study, AttemptRecord a,
            List<bedside.results.EventRecord> events) {
        old.execute("insert into study_chains (study_code) values (?) on conflict do nothing", study);
        org.jooq.Record head = old.fetchOne("select length, head_hash from study_chains where study_code = ?", study);
        long no = head.get(0, Long.class) + 1;
        String hash = RecordHash.chain(head.get(1, String.class),
                RecordHash.canonical(study, Fixtures.SUITE_HASH, Rows.normalized(a), events));
        old.execute("insert into attempts (attempt_id, session_id, candidate_code, participant_code, suite_hash, task_id, "
                + "attempt_no, outcome, reason, failed_step, started_at, time_ms, clicks, keystrokes, screens, "
                + "page_loads, scroll_px, dialogs, validation_errors, system_response_ms, klm_ms, study_code, chain_no, "
                + "record_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.attemptId(), a.sessionId(), a.candidate(), a.participant(), Fixtures.SUITE_HASH, a.task(),
                a.attemptNo(), a.outcome().code(), a.reason(), a.failedStep(), Rows.micros(a.startedAt()).toString(),
                a.timeMs(), a.clicks(), a.keystrokes(), a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(),
                a.validationErrors(), a.systemResponseMs(), a.klmMs(), study, no, hash);
        for (bedside.results.EventRecord e : events) {
            old.execute("insert into events (attempt_id, seq, t_ms, type, page, json) values (?, ?, ?, ?, ?, ?::jsonb)",
                    e.attemptId(), e.seq(), e.tMs(), e.type(), e.page(), e.json());
        }
        old.execute("update study_chains set length = ?, head_hash = ? where study_code = ?", no, hash, study);
    }

    private static void insertLegacySus(DSLContext v2, UUID session, Instant at) {
        for (int item = 1; item <= 10; item++) {
            v2.execute("insert into sus_answers (session_id, item, answer, answered_at) values (?, ?, ?, ?::timestamptz)", session,
                    item, 1 + item % 5, at);
        }
    }
}
