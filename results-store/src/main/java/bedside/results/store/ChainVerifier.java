package bedside.results.store;

import bedside.results.EventRecord;
import bedside.results.StudyPlan;
import bedside.results.StudyRecord;
import bedside.results.VerifyReport;
import bedside.results.ReplayRecord;
import bedside.results.store.jooq.tables.records.AttemptReplaysRecord;
import bedside.results.store.jooq.tables.records.AttemptsRecord;
import bedside.results.store.jooq.tables.records.MarkersRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import bedside.results.store.jooq.tables.records.StudyPlansRecord;
import bedside.results.store.jooq.tables.records.SusAnswersRecord;
import bedside.results.store.jooq.tables.records.TaskRatingsRecord;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import static bedside.results.store.jooq.Tables.ATTEMPTS;
import static bedside.results.store.jooq.Tables.ATTEMPT_REPLAYS;
import static bedside.results.store.jooq.Tables.EVENTS;
import static bedside.results.store.jooq.Tables.MARKERS;
import static bedside.results.store.jooq.Tables.SESSIONS;
import static bedside.results.store.jooq.Tables.STUDIES;
import static bedside.results.store.jooq.Tables.STUDY_CHAINS;
import static bedside.results.store.jooq.Tables.STUDY_PLANS;
import static bedside.results.store.jooq.Tables.SUS_ANSWERS;
import static bedside.results.store.jooq.Tables.TASK_RATINGS;

/**
 * Verifies a study's evidence chain (see {@link ResultsStore#verify}): re-derives it from the stored rows with
 * {@link RecordHash} and compares it with the stored hashes and the head {@link EvidenceChain} keeps. Reads only.
 */
final class ChainVerifier {
    private ChainVerifier() {
    }

    static VerifyReport verify(DSLContext ctx, String study) {
        // One read-only snapshot: links saved meanwhile neither show up half-way nor move the head under us.
        return ctx.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return verifyIn(tx, study);
        });
    }

    /** One link of a study's chain as stored: a row of attempts, task_ratings, sus_answers, markers or study_plans. */
    private static final class Link {
        final String table;
        final Long chainNo;
        final String recordHash;
        final AttemptsRecord attempt;
        final TaskRatingsRecord rating;
        final SusAnswersRecord sus;
        final MarkersRecord marker;
        final StudyPlansRecord plan;
        /** An attempt's replay, read without its bytes (those are read one link at a time, to hash them). */
        AttemptReplaysRecord replay;
        final String candidate;
        final String participant;
        long events;

        private Link(String table, Long chainNo, String recordHash, AttemptsRecord attempt, TaskRatingsRecord rating,
                SusAnswersRecord sus, MarkersRecord marker, StudyPlansRecord plan, String candidate,
                String participant) {
            this.table = table;
            this.chainNo = chainNo;
            this.recordHash = recordHash;
            this.attempt = attempt;
            this.rating = rating;
            this.sus = sus;
            this.marker = marker;
            this.plan = plan;
            this.candidate = candidate;
            this.participant = participant;
        }

        static Link of(AttemptsRecord a) {
            return new Link("attempts", a.getChainNo(), a.getRecordHash(), a, null, null, null, null,
                    a.getCandidateCode(), a.getParticipantCode());
        }

        static Link of(TaskRatingsRecord r, String candidate, String participant) {
            return new Link("task_ratings", r.getChainNo(), r.getRecordHash(), null, r, null, null, null, candidate,
                    participant);
        }

        static Link of(SusAnswersRecord r, String candidate, String participant) {
            return new Link("sus_answers", r.getChainNo(), r.getRecordHash(), null, null, r, null, null, candidate,
                    participant);
        }

        static Link of(MarkersRecord r, String candidate, String participant) {
            return new Link("markers", r.getChainNo(), r.getRecordHash(), null, null, null, r, null, candidate,
                    participant);
        }

        static Link of(AttemptReplaysRecord r, String candidate, String participant) {
            Link link = new Link("attempt_replays", r.getChainNo(), r.getRecordHash(), null, null, null, null, null,
                    candidate, participant);
            link.replay = r;
            return link;
        }

        static Link of(StudyPlansRecord p) {
            return new Link("study_plans", p.getChainNo(), p.getRecordHash(), null, null, null, null, p, null, null);
        }

        /** The row's key, as its table spells it. */
        String key() {
            if (attempt != null) {
                return "attempt_id = " + attempt.getAttemptId();
            }
            if (rating != null) {
                return "session_id = " + rating.getSessionId() + ", task_id = " + rating.getTaskId() + ", instrument = "
                        + rating.getInstrument();
            }
            if (marker != null) {
                return "marker_id = " + marker.getMarkerId();
            }
            if (plan != null) {
                return "study_code = " + plan.getStudyCode();
            }
            if (replay != null) {
                return "attempt_id = " + replay.getAttemptId();
            }
            return "session_id = " + sus.getSessionId() + ", item = " + sus.getItem();
        }

        /** The row in words, e.g. {@code SUS answer item 3 of session …}. */
        String what() {
            if (attempt != null) {
                return "attempt " + attempt.getAttemptId();
            }
            if (rating != null) {
                return "the " + rating.getInstrument() + " rating of task " + rating.getTaskId() + " in session "
                        + rating.getSessionId();
            }
            if (marker != null) {
                return "marker " + marker.getMarkerId() + " (" + marker.getKind() + ") of session "
                        + marker.getSessionId();
            }
            if (plan != null) {
                return "the plan of study " + plan.getStudyCode() + " (" + plan.getPlanHash() + ")";
            }
            if (replay != null) {
                return "the replay of attempt " + replay.getAttemptId();
            }
            return "SUS answer item " + sus.getItem() + " of session " + sus.getSessionId();
        }

        /** The row in words with its place in the chain and whose it is. */
        String where() {
            if (plan != null) {
                return what() + " (chain #" + chainNo + ", locked " + plan.getLockedAt() + ")";
            }
            return what() + " (chain #" + chainNo + (attempt != null ? ", task " + attempt.getTaskId() : "")
                    + ", candidate " + candidate + ", participant " + participant + ")";
        }

        /** The canonical bytes of the row as stored (for an attempt with its events, which it counts). */
        byte[] canonical(DSLContext tx) {
            if (attempt != null) {
                List<EventRecord> ev = tx.selectFrom(EVENTS).where(EVENTS.ATTEMPT_ID.eq(attempt.getAttemptId()))
                        .orderBy(EVENTS.SEQ)
                        .fetch(Rows::toEvent);
                events = ev.size();
                return RecordHash.canonical(attempt.getStudyCode(), attempt.getSuiteHash(), Rows.toAttempt(attempt),
                        ev, attempt.getPilot(), attempt.getSimulated());
            }
            if (rating != null) {
                return RecordHash.canonicalTaskRating(rating.getStudyCode(), candidate, participant,
                        Rows.toRating(rating));
            }
            if (marker != null) {
                return RecordHash.canonicalMarker(marker.getStudyCode(), candidate, participant, Rows.toMarker(marker));
            }
            if (plan != null) {
                return RecordHash.canonicalPlan(plan.getStudyCode(), plan.getPlanHash(), plan.getLockedAt());
            }
            if (replay != null) {
                // The bytes as stored now, hashed again: the link covers them, not the sha256 column beside them.
                byte[] gzip = tx.select(ATTEMPT_REPLAYS.GZIP).from(ATTEMPT_REPLAYS)
                        .where(ATTEMPT_REPLAYS.ATTEMPT_ID.eq(replay.getAttemptId())).fetchOne(ATTEMPT_REPLAYS.GZIP);
                return RecordHash.canonicalReplay(replay.getStudyCode(), replay.getAttemptId(),
                        ReplayRecord.sha256(gzip), gzip.length);
            }
            return RecordHash.canonicalSusAnswer(sus.getStudyCode(), candidate, participant, sus.getSessionId(),
                    sus.getItem(), sus.getAnswer(), sus.getAnsweredAt());
        }
    }

    /** The verification itself, in {@code tx} (a read-only, repeatable-read snapshot). */
    private static VerifyReport verifyIn(DSLContext tx, String study) {
        StudyRecord s = tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).fetchOptional(Rows::toStudy)
                .orElseThrow(() -> new NoSuchElementException("unknown study " + study));
        StudyChainsRecord head = tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study)).fetchOne();
        long headLength = head == null ? 0 : head.getLength();
        String headHash = head == null ? null : head.getHeadHash();

        List<Link> links = new ArrayList<>();
        tx.selectFrom(ATTEMPTS).where(ATTEMPTS.STUDY_CODE.eq(study))
                .orderBy(ATTEMPTS.CHAIN_NO.asc().nullsLast(), ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .forEach(r -> links.add(Link.of(r)));
        // Left joins: a rating whose session went missing still shows up (and fails to verify).
        tx.select(TASK_RATINGS.asterisk(), SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(TASK_RATINGS).leftJoin(SESSIONS).on(SESSIONS.SESSION_ID.eq(TASK_RATINGS.SESSION_ID))
                .where(TASK_RATINGS.STUDY_CODE.eq(study))
                .orderBy(TASK_RATINGS.CHAIN_NO.asc().nullsLast(), TASK_RATINGS.ANSWERED_AT, TASK_RATINGS.SESSION_ID,
                        TASK_RATINGS.TASK_ID, TASK_RATINGS.INSTRUMENT)
                .forEach(r -> links.add(Link.of(r.into(TASK_RATINGS), r.get(SESSIONS.CANDIDATE_CODE),
                        r.get(SESSIONS.PARTICIPANT_CODE))));
        tx.select(SUS_ANSWERS.asterisk(), SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(SUS_ANSWERS).leftJoin(SESSIONS).on(SESSIONS.SESSION_ID.eq(SUS_ANSWERS.SESSION_ID))
                .where(SUS_ANSWERS.STUDY_CODE.eq(study))
                .orderBy(SUS_ANSWERS.CHAIN_NO.asc().nullsLast(), SUS_ANSWERS.ANSWERED_AT, SUS_ANSWERS.SESSION_ID,
                        SUS_ANSWERS.ITEM)
                .forEach(r -> links.add(Link.of(r.into(SUS_ANSWERS), r.get(SESSIONS.CANDIDATE_CODE),
                        r.get(SESSIONS.PARTICIPANT_CODE))));
        tx.select(MARKERS.asterisk(), SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(MARKERS).leftJoin(SESSIONS).on(SESSIONS.SESSION_ID.eq(MARKERS.SESSION_ID))
                .where(MARKERS.STUDY_CODE.eq(study))
                .orderBy(MARKERS.CHAIN_NO.asc().nullsLast(), MARKERS.MARKED_AT, MARKERS.MARKER_ID)
                .forEach(r -> links.add(Link.of(r.into(MARKERS), r.get(SESSIONS.CANDIDATE_CODE),
                        r.get(SESSIONS.PARTICIPANT_CODE))));
        // Replays without their bytes (read link by link when hashed).
        tx.select(ATTEMPT_REPLAYS.ATTEMPT_ID, ATTEMPT_REPLAYS.STUDY_CODE, ATTEMPT_REPLAYS.SHA256,
                        ATTEMPT_REPLAYS.SIZE_BYTES, ATTEMPT_REPLAYS.CHAIN_NO, ATTEMPT_REPLAYS.RECORD_HASH,
                        ATTEMPTS.CANDIDATE_CODE, ATTEMPTS.PARTICIPANT_CODE)
                .from(ATTEMPT_REPLAYS).leftJoin(ATTEMPTS).on(ATTEMPTS.ATTEMPT_ID.eq(ATTEMPT_REPLAYS.ATTEMPT_ID))
                .where(ATTEMPT_REPLAYS.STUDY_CODE.eq(study))
                .orderBy(ATTEMPT_REPLAYS.CHAIN_NO.asc().nullsLast(), ATTEMPT_REPLAYS.ATTEMPT_ID)
                .forEach(r -> links.add(Link.of(r.into(AttemptReplaysRecord.class), r.get(ATTEMPTS.CANDIDATE_CODE),
                        r.get(ATTEMPTS.PARTICIPANT_CODE))));
        // The plan: a link once locked (an unlocked plan is not evidence yet, but its JSON is checked all the same).
        StudyPlansRecord plan = tx.selectFrom(STUDY_PLANS).where(STUDY_PLANS.STUDY_CODE.eq(study)).fetchOne();
        if (plan != null && (plan.getLockedAt() != null || plan.getChainNo() != null)) {
            links.add(Link.of(plan));
        }
        String planHash = plan == null ? null : plan.getPlanHash();
        boolean planLocked = plan != null && plan.getLockedAt() != null;
        String planProblem = plan == null ? null : planProblem(plan);
        // Chain order; rows outside the chain (no number) last, attempts first among them. (The sort is stable.)
        links.sort(Comparator.comparing((Link l) -> l.chainNo,
                Comparator.nullsLast(Comparator.naturalOrder())));

        Counts n = new Counts();
        String previous = RecordHash.GENESIS;
        long expected = 1;
        for (Link link : links) {
            if (link.chainNo == null || link.recordHash == null) {
                return altered(s, n, headHash, link, link.what()
                        + " has no record hash: it was stored outside the chain", planHash, planLocked, false);
            }
            if (link.chainNo != expected) {
                return altered(s, n, headHash, link, "the chain is broken before " + link.where()
                        + ": expected chain #" + expected + " (a row was removed or renumbered)", planHash, planLocked,
                        false);
            }
            String derived;
            try {
                derived = RecordHash.chain(previous, link.canonical(tx));
            } catch (RuntimeException e) {
                derived = "unreadable: " + e.getMessage();
            }
            if (!derived.equals(link.recordHash)) {
                return altered(s, n, headHash, link, link.where() + " was altered: its stored content, "
                        + (link.attempt != null ? "its events" : link.plan != null ? "its plan hash, its lock time"
                                : link.replay != null ? "its replay bytes" : "its session") + " or its record hash no longer match", planHash, planLocked,
                        link.plan != null);
            }
            // The link covers the plan's hash; the plan's JSON must still be what that hash says.
            if (link.plan != null && planProblem != null) {
                return altered(s, n, headHash, link, link.where() + " was altered: " + planProblem, planHash,
                        planLocked, true);
            }
            previous = link.recordHash;
            n.add(link);
            expected++;
        }
        long checked = expected - 1;
        if (checked != headLength || !Objects.equals(checked == 0 ? null : previous, headHash)) {
            return new VerifyReport(study, false, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers,
                    n.markers, n.replays, headHash, null, null, null, checked + 1, "the chain's recorded head (" + headLength + " link(s), "
                    + headHash + ") does not match the " + checked + " stored link(s): "
                    + (checked < headLength ? "row(s) after chain #" + checked + " were removed"
                            : "the stored chain does not end at its recorded head"), planHash, planLocked, false);
        }
        if (planProblem != null) { // an unlocked plan, outside the chain
            return new VerifyReport(study, false, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers,
                    n.markers, n.replays, headHash, "study_plans", "study_code = " + study, null, null, "the plan of study "
                    + study + " (" + planHash + ", not locked) was altered: " + planProblem, planHash, false, true);
        }
        return new VerifyReport(study, true, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers, n.markers,
                n.replays, headHash, null, null, null, null, null, planHash, planLocked, false);
    }

    /**
     * What is wrong with a stored plan's JSON, or null: it must read as a plan of its study, be in canonical form
     * (so that its bytes are the ones hashed), hash to its plan_hash, and say what its simulated column says.
     */
    static String planProblem(StudyPlansRecord p) {
        StudyPlan plan;
        try {
            plan = StudyPlan.fromJson(p.getPlanJson());
        } catch (IllegalArgumentException e) {
            return "its plan_json no longer reads as a plan (" + e.getMessage() + ")";
        }
        if (!plan.canonicalJson().equals(p.getPlanJson())) {
            return "its plan_json is no longer in canonical form (the bytes its hash was taken over)";
        }
        String derived = StudyPlan.hashOf(p.getPlanJson());
        if (!derived.equals(p.getPlanHash())) {
            return "its plan_json no longer hashes to its plan_hash (it hashes to " + derived + ")";
        }
        if (!plan.study().equals(p.getStudyCode())) {
            return "its plan_json is the plan of study " + plan.study();
        }
        if (plan.simulated() != p.getSimulated()) {
            return "its simulated column says " + p.getSimulated() + " but its plan says " + plan.simulated();
        }
        return null;
    }

    /** What verify has checked so far, by kind. */
    private static final class Counts {
        long attempts;
        long events;
        long taskRatings;
        long susAnswers;
        long markers;
        long replays;

        void add(Link link) {
            if (link.attempt != null) {
                attempts++;
                events += link.events;
            } else if (link.rating != null) {
                taskRatings++;
            } else if (link.marker != null) {
                markers++;
            } else if (link.sus != null) {
                susAnswers++;
            } else if (link.replay != null) {
                replays++;
            }
        }
    }

    /** The report of a chain that fails at this link. */
    private static VerifyReport altered(StudyRecord s, Counts n, String headHash, Link link, String problem,
            String planHash, boolean planLocked, boolean planAltered) {
        return new VerifyReport(s.code(), false, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers,
                n.markers, n.replays, headHash, link.table, link.key(), link.attempt == null ? null : link.attempt.getAttemptId(),
                link.chainNo, problem, planHash, planLocked, planAltered);
    }
}
