package bedside.results.store;

import bedside.results.AttemptQuery;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Page;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static bedside.results.store.jooq.Tables.ATTEMPTS;
import static bedside.results.store.jooq.Tables.EVENTS;
import static bedside.results.store.jooq.Tables.SESSIONS;

/** Reading attempts and their events. Saving them, chained, is {@link AttemptWriter}'s. */
final class Attempts {
    private Attempts() {
    }

    static Optional<AttemptRecord> find(DSLContext ctx, UUID attemptId) {
        return ctx.selectFrom(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(attemptId)).fetchOptional(Rows::toAttempt);
    }

    /** An attempt of this study (empty if it does not exist or belongs to another study). */
    static Optional<AttemptRecord> find(DSLContext ctx, String study, UUID attemptId) {
        return ctx.selectFrom(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(attemptId), ATTEMPTS.STUDY_CODE.eq(study))
                .fetchOptional(Rows::toAttempt);
    }

    /** The attempts of all sessions of a run, in the order they started. */
    static List<AttemptRecord> ofRun(DSLContext ctx, UUID runId) {
        return ctx.selectFrom(ATTEMPTS)
                .where(ATTEMPTS.SESSION_ID.in(DSL.select(SESSIONS.SESSION_ID).from(SESSIONS).where(SESSIONS.RUN_ID.eq(runId))))
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .fetch(Rows::toAttempt);
    }

    /** Every attempt of a study (of one candidate, if given), in the order they started. */
    static List<AttemptRecord> ofStudy(DSLContext ctx, String study, String candidate) {
        return ctx.selectFrom(ATTEMPTS)
                .where(ATTEMPTS.STUDY_CODE.eq(study), candidate == null ? DSL.noCondition()
                        : ATTEMPTS.CANDIDATE_CODE.eq(candidate))
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .fetch(Rows::toAttempt);
    }

    /** A page of a study's attempts matching the query's filters, in the order they started. */
    static Page<AttemptRecord> page(DSLContext ctx, AttemptQuery q) {
        List<Condition> where = new ArrayList<>();
        where.add(ATTEMPTS.STUDY_CODE.eq(q.study()));
        if (q.candidate() != null) {
            where.add(ATTEMPTS.CANDIDATE_CODE.eq(q.candidate()));
        }
        if (q.task() != null) {
            where.add(ATTEMPTS.TASK_ID.eq(q.task()));
        }
        if (q.participant() != null) {
            where.add(ATTEMPTS.PARTICIPANT_CODE.eq(q.participant()));
        }
        if (q.outcome() != null) {
            where.add(ATTEMPTS.OUTCOME.eq(q.outcome().code()));
        }
        long total = ctx.fetchCount(ATTEMPTS, where);
        List<AttemptRecord> items = ctx.selectFrom(ATTEMPTS).where(where)
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .limit(q.limit()).offset(q.offset())
                .fetch(Rows::toAttempt);
        return new Page<>(items, total, q.limit(), q.offset());
    }

    /** The stored record hash of an attempt (null for attempts stored before hashing). */
    static Optional<String> recordHash(DSLContext ctx, UUID attemptId) {
        return ctx.select(ATTEMPTS.RECORD_HASH).from(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(attemptId))
                .fetchOptional(ATTEMPTS.RECORD_HASH);
    }

    /** The events of an attempt in {@code seq} order. */
    static List<EventRecord> events(DSLContext ctx, UUID attemptId) {
        return ctx.selectFrom(EVENTS)
                .where(EVENTS.ATTEMPT_ID.eq(attemptId))
                .orderBy(EVENTS.SEQ)
                .fetch(Rows::toEvent);
    }

    /** A page of an attempt's events in {@code seq} order. */
    static Page<EventRecord> eventsPage(DSLContext ctx, UUID attemptId, int limit, long offset) {
        long total = ctx.fetchCount(EVENTS, EVENTS.ATTEMPT_ID.eq(attemptId));
        List<EventRecord> items = ctx.selectFrom(EVENTS)
                .where(EVENTS.ATTEMPT_ID.eq(attemptId))
                .orderBy(EVENTS.SEQ)
                .limit(limit).offset(offset)
                .fetch(Rows::toEvent);
        return new Page<>(items, total, limit, offset);
    }

    /**
     * The events of one kind (their type starting with {@code typePrefix}) of every attempt of a study's candidate, in
     * one query: by attempt, the attempts in the order they started, each attempt's events in {@code seq} order.
     */
    static java.util.Map<UUID, List<EventRecord>> eventsOfKind(DSLContext ctx, String study, String candidate,
                                                           String typePrefix) {
        java.util.Map<UUID, List<EventRecord>> out = new java.util.LinkedHashMap<>();
        ctx.select(EVENTS.fields()).from(EVENTS).join(ATTEMPTS).on(ATTEMPTS.ATTEMPT_ID.eq(EVENTS.ATTEMPT_ID))
                .where(ATTEMPTS.STUDY_CODE.eq(study), ATTEMPTS.CANDIDATE_CODE.eq(candidate),
                        EVENTS.TYPE.startsWith(typePrefix))
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID, EVENTS.SEQ)
                .fetch(r -> Rows.toEvent(r.into(EVENTS)))
                .forEach(e -> out.computeIfAbsent(e.attemptId(), k -> new ArrayList<>()).add(e));
        return out;
    }

    static long eventCount(DSLContext ctx, UUID attemptId) {
        return ctx.fetchCount(EVENTS, EVENTS.ATTEMPT_ID.eq(attemptId));
    }
}
