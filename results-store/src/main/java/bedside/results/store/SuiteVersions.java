package bedside.results.store;

import bedside.results.TaskText;
import bedside.results.store.jooq.tables.records.SuiteTasksRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static bedside.results.store.jooq.Tables.SUITE_TASKS;
import static bedside.results.store.jooq.Tables.SUITE_VERSIONS;

/** Suite versions and the exact text of their tasks, stored once per content hash. */
final class SuiteVersions {
    // Logged under ResultsStore's name, as before the store was split: log settings keep working.
    private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);

    private SuiteVersions() {
    }

    /** See {@link ResultsStore#saveSuiteVersion}: the version row and its tasks in one transaction. */
    static void save(DSLContext ctx, String suiteId, String version, String contentHash, String title,
            List<TaskText> tasks) {
        Objects.requireNonNull(suiteId, "suiteId");
        Objects.requireNonNull(contentHash, "contentHash");
        List<TaskText> taskList = List.copyOf(tasks);
        Set<String> ids = new HashSet<>();
        for (TaskText t : taskList) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("task " + t.id() + " appears twice in suite " + suiteId);
            }
        }
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int inserted = tx.insertInto(SUITE_VERSIONS)
                    .set(SUITE_VERSIONS.CONTENT_HASH, contentHash)
                    .set(SUITE_VERSIONS.SUITE_ID, suiteId)
                    .set(SUITE_VERSIONS.VERSION, version)
                    .set(SUITE_VERSIONS.TITLE, title)
                    .onConflict(SUITE_VERSIONS.CONTENT_HASH).doNothing()
                    .execute();
            if (inserted == 0) {
                // the columns of the text itself: the comparison then works before V10 too (MigrationsIT)
                List<TaskText> stored = tx.select(SUITE_TASKS.TASK_ID, SUITE_TASKS.TITLE, SUITE_TASKS.INSTRUCTION,
                                SUITE_TASKS.CONTENT_HASH).from(SUITE_TASKS)
                        .where(SUITE_TASKS.SUITE_HASH.eq(contentHash)).orderBy(SUITE_TASKS.POSITION)
                        .fetch(r -> new TaskText(r.value1(), r.value2(), r.value3(), r.value4()));
                boolean same = stored.size() == taskList.size();
                for (int i = 0; same && i < stored.size(); i++) {
                    same = stored.get(i).sameText(taskList.get(i));
                }
                if (!same) {
                    throw new RecordConflictException("suite version " + contentHash
                            + " is already stored with other tasks: the content hash does not match the content");
                }
                // A version stored before the text as given was kept gets it now; a text once stored never changes.
                for (TaskText t : taskList) {
                    if (t.given() != null) {
                        tx.update(SUITE_TASKS).set(SUITE_TASKS.GIVEN, t.given())
                                .where(SUITE_TASKS.SUITE_HASH.eq(contentHash), SUITE_TASKS.TASK_ID.eq(t.id()),
                                        SUITE_TASKS.GIVEN.isNull())
                                .execute();
                    }
                }
                return;
            }
            List<SuiteTasksRecord> rows = new ArrayList<>();
            for (int i = 0; i < taskList.size(); i++) {
                TaskText t = taskList.get(i);
                SuiteTasksRecord row = new SuiteTasksRecord()
                        .setSuiteHash(contentHash).setTaskId(t.id()).setPosition(i + 1)
                        .setTitle(t.title()).setInstruction(t.instruction()).setContentHash(t.contentHash());
                if (t.given() != null) { // named only when known: the insert then works before V10 too (MigrationsIT)
                    row.setGiven(t.given());
                }
                rows.add(row);
            }
            tx.batchInsert(rows).execute();
            LOG.debug("Stored suite {} {} ({}) with {} task(s)", suiteId, version, contentHash, rows.size());
        });
    }

    /** The tasks of a suite version in suite order, or an empty list if the hash is unknown. */
    static List<TaskText> tasks(DSLContext ctx, String contentHash) {
        return ctx.selectFrom(SUITE_TASKS)
                .where(SUITE_TASKS.SUITE_HASH.eq(contentHash))
                .orderBy(SUITE_TASKS.POSITION)
                .fetch(r -> new TaskText(r.getTaskId(), r.getTitle(), r.getInstruction(), r.getContentHash(),
                        r.getGiven()));
    }
}
