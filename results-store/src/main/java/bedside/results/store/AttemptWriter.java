package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.SessionFacts;
import bedside.results.store.jooq.tables.records.AttemptsRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static bedside.results.store.Rows.micros;
import static bedside.results.store.Rows.normalized;
import static bedside.results.store.jooq.Tables.ATTEMPTS;
import static bedside.results.store.jooq.Tables.EVENTS;
import static bedside.results.store.jooq.Tables.STUDIES;
import static bedside.results.store.jooq.Tables.SUITE_TASKS;

/**
 * Saves attempts with their events, chained into their study's evidence chain, a batch at a time in one
 * transaction (see {@link ResultsStore#saveAttempts}): checked, then each study's chain head locked
 * ({@link EvidenceChain}), then written in a few multi-row statements.
 */
final class AttemptWriter {
    // Logged under ResultsStore's name, as before the store was split: log settings keep working.
    private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);
    /** Events per INSERT (each binds six arrays of this length). */
    static final int EVENT_BATCH = 5_000;
    /** Attempts per INSERT of a batch (32 bind values each; PostgreSQL takes at most 65,535 per statement). */
    static final int ATTEMPT_BATCH = 1_000;

    private AttemptWriter() {
    }

    /** One attempt as a batch of one, failing with the batch's reason (see {@link ResultsStore#saveAttempt}). */
    static boolean saveOne(DSLContext ctx, AttemptRecord a, List<EventRecord> events) {
        try {
            return save(ctx, List.of(a), List.of(events)).get(0);
        } catch (AttemptRefusedException e) {
            throw e.reason();
        }
    }

    /**
     * See {@link ResultsStore#saveAttempts}: the batch is checked for itself first, then stored in one transaction
     * (which joins the caller's, if {@code ctx} is in one).
     */
    static List<Boolean> save(DSLContext ctx, List<AttemptRecord> attempts, List<List<EventRecord>> events) {
        if (attempts.size() != events.size()) {
            throw new IllegalArgumentException(attempts.size() + " attempt(s) but " + events.size() + " event list(s)");
        }
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < attempts.size(); i++) {
            AttemptRecord a = attempts.get(i);
            if (!ids.add(a.attemptId())) {
                throw new AttemptRefusedException(i, new IllegalArgumentException("attempt " + a.attemptId()
                        + " appears twice in the batch"));
            }
            Set<Long> seqs = new HashSet<>();
            for (EventRecord e : events.get(i)) {
                if (!e.attemptId().equals(a.attemptId())) {
                    throw new AttemptRefusedException(i, new IllegalArgumentException("event " + e.seq()
                            + " belongs to attempt " + e.attemptId() + ", not " + a.attemptId()));
                }
                if (!seqs.add(e.seq())) {
                    throw new AttemptRefusedException(i, new IllegalArgumentException("event seq " + e.seq()
                            + " appears twice in attempt " + a.attemptId()));
                }
            }
        }
        if (attempts.isEmpty()) {
            return List.of();
        }
        try {
            return ctx.transactionResult(cfg -> write(cfg.dsl(), attempts, events));
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /**
     * The batch in {@code tx}: its sessions, tasks and stored attempts read at once, each new attempt checked and
     * its canonical form made, then the chain heads of its studies locked (study code order) and the new attempts
     * chained and written.
     */
    private static List<Boolean> write(DSLContext tx, List<AttemptRecord> attempts,
            List<List<EventRecord>> events) {
        int n = attempts.size();
        List<UUID> ids = attempts.stream().map(AttemptRecord::attemptId).toList();
        Map<UUID, Sessions.Scope> sessions = Sessions.scopes(tx,
                attempts.stream().map(AttemptRecord::sessionId).toList());
        // An attempt carries its session's flags (V8), in its row and its canonical form.
        Map<UUID, Sessions.Flags> flags = Sessions.flags(tx, sessions.keySet());
        Set<String> tasks = new HashSet<>();
        tx.select(SUITE_TASKS.SUITE_HASH, SUITE_TASKS.TASK_ID).from(SUITE_TASKS)
                .where(SUITE_TASKS.SUITE_HASH.in(sessions.values().stream().map(Sessions.Scope::suiteHash)
                                .collect(Collectors.toSet())),
                        SUITE_TASKS.TASK_ID.in(attempts.stream().map(AttemptRecord::task)
                                .collect(Collectors.toSet())))
                .forEach(r -> tasks.add(r.value1() + "\n" + r.value2()));
        Map<UUID, AttemptRecord> stored = storedAttempts(tx, ids);

        // Each attempt checked in batch order, and the canonical form of each new one made (which also checks its
        // events' JSON) before anything is written or locked.
        Boolean[] result = new Boolean[n];
        byte[][] canonical = new byte[n][];
        for (int i = 0; i < n; i++) {
            AttemptRecord a = attempts.get(i);
            Sessions.Scope session = sessions.get(a.sessionId());
            try {
                if (session == null) {
                    throw new IllegalStateException("unknown session " + a.sessionId() + ": start the session first");
                }
                if (!session.candidate().equals(a.candidate()) || !session.participant().equals(a.participant())) {
                    throw new IllegalArgumentException("attempt " + a.attemptId() + " names candidate "
                            + a.candidate() + " and participant " + a.participant() + " but its session is "
                            + session.candidate() + " / " + session.participant());
                }
                if (!tasks.contains(session.suiteHash() + "\n" + a.task())) {
                    throw new IllegalArgumentException("task " + a.task() + " is not in the suite version "
                            + session.suiteHash() + " of the attempt's run");
                }
                checkSessionFacts(a);
                if (isReplay(a, stored.get(a.attemptId()))) {
                    result[i] = false;
                } else {
                    Sessions.Flags f = flags.get(a.sessionId());
                    canonical[i] = RecordHash.canonical(session.study(), session.suiteHash(), normalized(a),
                            events.get(i), f.pilot(), f.simulated());
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new AttemptRefusedException(i, e);
            }
        }

        // Lock the chain head of each study the new attempts go to (in study code order: no two batches deadlock),
        // then look again: a new attempt may have been stored by another transaction while this one waited.
        Map<String, StudyChainsRecord> heads = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                heads.put(sessions.get(attempts.get(i).sessionId()).study(), null);
            }
        }
        if (heads.isEmpty()) {
            logReplays(tx, attempts, events, result);
            return List.of(result);
        }
        heads.replaceAll((study, none) -> EvidenceChain.lockHead(tx, study));
        List<UUID> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                fresh.add(ids.get(i));
            }
        }
        Map<UUID, AttemptRecord> storedMeanwhile = storedAttempts(tx, fresh);
        Set<String> locked = new HashSet<>(tx.select(STUDIES.STUDY_CODE).from(STUDIES)
                .where(STUDIES.STUDY_CODE.in(heads.keySet()), STUDIES.LOCKED.isTrue()).fetch(STUDIES.STUDY_CODE));
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            try {
                if (isReplay(attempts.get(i), storedMeanwhile.get(ids.get(i)))) {
                    result[i] = false;
                    canonical[i] = null;
                } else if (locked.contains(sessions.get(attempts.get(i).sessionId()).study())) {
                    throw new StudyLockedException(sessions.get(attempts.get(i).sessionId()).study());
                }
            } catch (IllegalStateException e) {
                throw new AttemptRefusedException(i, e);
            }
        }

        // Chain the new attempts in batch order and write them: the attempts in one INSERT (per ATTEMPT_BATCH), then
        // their events.
        List<List<Object>> rows = new ArrayList<>();
        List<EventRecord> newEvents = new ArrayList<>();
        Set<String> moved = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            AttemptRecord a = attempts.get(i);
            SessionFacts facts = a.session();
            Sessions.Scope session = sessions.get(a.sessionId());
            StudyChainsRecord head = heads.get(session.study());
            moved.add(session.study());
            long chainNo = head.getLength() + 1;
            String hash = RecordHash.chain(head.getHeadHash(), canonical[i]);
            head.setLength(chainNo).setHeadHash(hash);
            rows.add(Arrays.asList(a.attemptId(), a.sessionId(), a.candidate(), a.participant(),
                    session.suiteHash(), a.task(), a.attemptNo(), a.outcome().code(), a.reason(), a.failedStep(),
                    micros(a.startedAt()), a.timeMs(), a.clicks(), a.keystrokes(), a.screens(), a.pageLoads(),
                    a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(), a.klmMs(), session.study(),
                    chainNo, hash, facts == null ? null : facts.participantSaid(),
                    facts == null ? null : facts.pathDeviation(), facts == null ? null : facts.timeDeviation(),
                    facts == null ? null : facts.success(), facts == null ? null : facts.lostness(),
                    facts == null ? null : facts.misclicks(), flags.get(a.sessionId()).pilot(),
                    flags.get(a.sessionId()).simulated()));
            newEvents.addAll(events.get(i));
            result[i] = true;
        }
        // (rows is empty if every new attempt was stored by another transaction meanwhile.)
        for (int from = 0; from < rows.size(); from += ATTEMPT_BATCH) {
            var insert = tx.insertInto(ATTEMPTS).columns(ATTEMPT_COLUMNS);
            InsertValuesStepN<AttemptsRecord> values = null;
            for (List<Object> row : rows.subList(from, Math.min(rows.size(), from + ATTEMPT_BATCH))) {
                values = values == null ? insert.values(row) : values.values(row);
            }
            values.execute();
        }
        insertEvents(tx, newEvents);
        for (String study : moved) {
            EvidenceChain.moveHead(tx, study, heads.get(study).getLength(), heads.get(study).getHeadHash());
        }
        logReplays(tx, attempts, events, result);
        return List.of(result);
    }

    /** The columns {@link #write} writes, in the order of its values. */
    private static final List<Field<?>> ATTEMPT_COLUMNS = List.of(ATTEMPTS.ATTEMPT_ID, ATTEMPTS.SESSION_ID,
            ATTEMPTS.CANDIDATE_CODE, ATTEMPTS.PARTICIPANT_CODE, ATTEMPTS.SUITE_HASH, ATTEMPTS.TASK_ID,
            ATTEMPTS.ATTEMPT_NO, ATTEMPTS.OUTCOME, ATTEMPTS.REASON, ATTEMPTS.FAILED_STEP, ATTEMPTS.STARTED_AT,
            ATTEMPTS.TIME_MS, ATTEMPTS.CLICKS, ATTEMPTS.KEYSTROKES, ATTEMPTS.SCREENS, ATTEMPTS.PAGE_LOADS,
            ATTEMPTS.SCROLL_PX, ATTEMPTS.DIALOGS, ATTEMPTS.VALIDATION_ERRORS, ATTEMPTS.SYSTEM_RESPONSE_MS,
            ATTEMPTS.KLM_MS, ATTEMPTS.STUDY_CODE, ATTEMPTS.CHAIN_NO, ATTEMPTS.RECORD_HASH, ATTEMPTS.PARTICIPANT_SAID,
            ATTEMPTS.PATH_DEVIATION, ATTEMPTS.TIME_DEVIATION, ATTEMPTS.SUCCESS_PATH, ATTEMPTS.LOSTNESS,
            ATTEMPTS.MISCLICKS, ATTEMPTS.PILOT, ATTEMPTS.SIMULATED);

    /**
     * What a session adds must be storable as it is: finite, non-negative measures (NaN would not compare equal on a
     * replay), and a direct or indirect success only on an attempt that succeeded.
     */
    private static void checkSessionFacts(AttemptRecord a) {
        SessionFacts f = a.session();
        if (f == null) {
            return;
        }
        measure(a, "pathDeviation", f.pathDeviation());
        measure(a, "timeDeviation", f.timeDeviation());
        measure(a, "lostness", f.lostness());
        if (f.success() != null && a.outcome() != Outcome.SUCCESS) {
            throw new IllegalArgumentException("attempt " + a.attemptId() + " is a " + f.success() + " success but its "
                    + "outcome is " + a.outcome().code());
        }
    }

    private static void measure(AttemptRecord a, String name, Double value) {
        if (value != null && !(Double.isFinite(value) && value >= 0)) {
            throw new IllegalArgumentException("attempt " + a.attemptId() + ": " + name
                    + " must be a finite number, 0 or more, got " + value);
        }
    }

    /** The attempts among these ids that are stored, by id; one query. */
    private static Map<UUID, AttemptRecord> storedAttempts(DSLContext tx, List<UUID> ids) {
        Map<UUID, AttemptRecord> out = new HashMap<>();
        if (!ids.isEmpty()) {
            tx.selectFrom(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(DSL.any(ids.toArray(new UUID[0]))))
                    .forEach(r -> out.put(r.getAttemptId(), Rows.toAttempt(r)));
        }
        return out;
    }

    /** Whether the attempt is stored already (a replay); fails if it is stored with other content. */
    private static boolean isReplay(AttemptRecord a, AttemptRecord stored) {
        if (stored == null) {
            return false;
        }
        if (!normalized(a).equals(stored)) {
            throw new RecordConflictException("attempt " + a.attemptId() + " is already stored with other content");
        }
        return true;
    }

    /** Logs the replays of a batch, warning about those whose events differ in number from what is stored. */
    private static void logReplays(DSLContext tx, List<AttemptRecord> attempts, List<List<EventRecord>> events,
            Boolean[] result) {
        List<UUID> replays = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            if (!result[i]) {
                replays.add(attempts.get(i).attemptId());
            }
        }
        if (replays.isEmpty()) {
            return;
        }
        Map<UUID, Integer> counts = new HashMap<>();
        tx.select(EVENTS.ATTEMPT_ID, DSL.count()).from(EVENTS)
                .where(EVENTS.ATTEMPT_ID.eq(DSL.any(replays.toArray(new UUID[0]))))
                .groupBy(EVENTS.ATTEMPT_ID).forEach(r -> counts.put(r.value1(), r.value2()));
        for (int i = 0; i < attempts.size(); i++) {
            if (result[i]) {
                continue;
            }
            UUID id = attempts.get(i).attemptId();
            int storedEvents = counts.getOrDefault(id, 0);
            if (storedEvents != events.get(i).size()) {
                LOG.warn("Attempt {} was already stored with {} event(s); the {} event(s) replayed now are ignored",
                        id, storedEvents, events.get(i).size());
            } else {
                LOG.debug("Attempt {} was already stored: nothing to do", id);
            }
        }
    }

    /**
     * Inserts events in chunks, each one statement binding six arrays ({@code INSERT ... SELECT FROM unnest(...)}):
     * six bind values per chunk however many rows, which PostgreSQL plans once and parses fast.
     */
    private static void insertEvents(DSLContext tx, List<EventRecord> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (attempt_id, seq, t_ms, type, page, json) "
                    + "SELECT a, s, t, ty, p, j::jsonb FROM unnest(?::uuid[], ?::int8[], ?::float8[], ?::text[], "
                    + "?::text[], ?::text[]) AS u(a, s, t, ty, p, j)")) {
                for (int from = 0; from < events.size(); from += EVENT_BATCH) {
                    List<EventRecord> chunk = events.subList(from, Math.min(events.size(), from + EVENT_BATCH));
                    int n = chunk.size();
                    UUID[] ids = new UUID[n];
                    Long[] seqs = new Long[n];
                    Double[] times = new Double[n];
                    String[] types = new String[n];
                    String[] pages = new String[n];
                    String[] json = new String[n];
                    for (int i = 0; i < n; i++) {
                        EventRecord e = chunk.get(i);
                        ids[i] = e.attemptId();
                        seqs[i] = e.seq();
                        times[i] = e.tMs();
                        types[i] = e.type();
                        pages[i] = e.page();
                        json[i] = e.json();
                    }
                    ps.setArray(1, c.createArrayOf("uuid", ids));
                    ps.setArray(2, c.createArrayOf("int8", seqs));
                    ps.setArray(3, c.createArrayOf("float8", times));
                    ps.setArray(4, c.createArrayOf("text", types));
                    ps.setArray(5, c.createArrayOf("text", pages));
                    ps.setArray(6, c.createArrayOf("text", json));
                    ps.executeUpdate();
                }
            }
        });
    }
}
