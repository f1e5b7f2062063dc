package bedside.results.store;

import bedside.results.store.jooq.DefaultSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway scripts on an empty database, and the jOOQ classes generated from them without one. */
class MigrationsIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void migratesAnEmptyDatabaseToTheNewestVersion() {
        Flyway flyway = Flyway.configure().dataSource(DB.database().dataSource()).load();
        MigrationInfo current = flyway.info().current();
        assertThat(current).isNotNull();
        assertThat(current.getVersion().getVersion()).isEqualTo("2");
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
                "sus_answers", "audit_log", "api_tokens", "study_chains");
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
}
