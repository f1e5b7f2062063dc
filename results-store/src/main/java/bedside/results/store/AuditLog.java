package bedside.results.store;

import bedside.results.AuditEntry;
import bedside.results.Page;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Objects;

import static bedside.results.store.jooq.Tables.AUDIT_LOG;

/** The audit log: appended to (in the caller's transaction, so an entry goes with what it records) and read. */
final class AuditLog {
    private AuditLog() {
    }

    /** Appends to the audit log. {@code details} is a JSON object or null. */
    static void append(DSLContext ctx, String actor, String action, String study, String entity, String entityId,
            String details) {
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, Objects.requireNonNull(actor, "actor"))
                .set(AUDIT_LOG.ACTION, Objects.requireNonNull(action, "action"))
                .set(AUDIT_LOG.STUDY_CODE, study)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.DETAILS, details == null ? null : JSONB.jsonb(details))
                .execute();
    }

    /** The audit log of a study (every study's if null), newest first. */
    static Page<AuditEntry> page(DSLContext ctx, String study, int limit, long offset) {
        Condition where = study == null ? DSL.noCondition() : AUDIT_LOG.STUDY_CODE.eq(study);
        long total = ctx.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> items = ctx.selectFrom(AUDIT_LOG).where(where)
                .orderBy(AUDIT_LOG.ID.desc()).limit(limit).offset(offset)
                .fetch(r -> new AuditEntry(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getStudyCode(),
                        r.getEntity(), r.getEntityId(), r.getDetails() == null ? null : r.getDetails().data()));
        return new Page<>(items, total, limit, offset);
    }

    /** A JSON object from name/value pairs (nulls left out); values are strings, numbers or booleans. */
    static String jsonObject(Object... pairs) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            String k = (String) pairs[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number n) {
                node.put(k, n.longValue());
            } else if (v instanceof Boolean b) {
                node.put(k, b);
            } else {
                node.put(k, v.toString());
            }
        }
        return node.toString();
    }
}
