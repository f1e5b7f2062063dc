-- One trigger function for every table in the studies' hash chain, bedside_chain_guard(), and the chained tables of
-- V2 and V3 (attempts, task_ratings, sus_answers) moved onto it. No data changes, no hash changes.
--
-- What the database does for the chain: nothing computes a hash here. ResultsStore (Java) locks the study's
-- study_chains row, computes record_hash = hex(SHA-256(previous link's hash || canonical form of the row)) with
-- RecordHash, inserts the row with its chain_no and record_hash and moves the head; verify re-derives the chain from
-- the stored rows. (Only V3's one-off adoption of older answers built canonical forms in SQL.) The database's part
-- is the guard: once a study is locked, no INSERT, UPDATE, DELETE or TRUNCATE touches its links, whoever runs it
-- (SQLSTATE BL001). Until this version that guard was wired table by table: the row triggers found a row's study
-- through a list of table names in bedside_study_of (V2), TRUNCATE went through bedside_refuse_locked_truncate (V3).
-- bedside_chain_guard does both for any table whose rows carry their study in a study_code column, which every
-- chained table does (the chain is numbered per study: UNIQUE (study_code, chain_no)). For the three tables moved
-- here it refuses exactly what the old triggers refused, with the same messages: attempts were already guarded by
-- their study_code, and a rating's or SUS answer's study_code is its session's (V3's foreign key
-- (session_id, study_code) -> sessions, checked before these triggers fire).
--
-- To chain a new table (e.g. clinician_sessions, study plans) in a later migration:
--   1. Plain DDL (jOOQ reads it): study_code varchar(100) NOT NULL with a foreign key to its parent (or studies),
--      chain_no bigint, record_hash text,
--        CONSTRAINT <t>_chain_uq UNIQUE (study_code, chain_no),
--        CONSTRAINT <t>_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL))
--   2. Inside jooq ignore comments, the guard:
--        CREATE TRIGGER <t>_locked_tg AFTER INSERT OR UPDATE OR DELETE ON <t>
--            FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
--        CREATE TRIGGER <t>_truncate_locked_tg BEFORE TRUNCATE ON <t>
--            FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();
--      (Two statements, one function: PostgreSQL fires TRUNCATE triggers only per statement and INSERT/UPDATE/DELETE
--      guards must see each row, and one trigger cannot be both.)
--   3. In Java: the row's canonical form in RecordHash, its insert under the chain head's lock in ResultsStore, and
--      a Link for it in ResultsStore.verify.
-- Tables without their own study_code (events) keep their own guards (V2, V3); so do the evidence tables outside
-- the chain (runs, sessions, candidates, participants: bedside_refuse_locked).
--
-- jOOQ's DDLDatabase parses this file too: functions and triggers sit inside jooq ignore comments.

/* [jooq ignore start] */

-- The guard of a chained table: as a row trigger (AFTER INSERT OR UPDATE OR DELETE, FOR EACH ROW) it refuses a change
-- to or from a locked study's row; as a statement trigger (BEFORE TRUNCATE) it refuses TRUNCATE while the table holds
-- a locked study's row. A table without a study_code column makes it fail loudly, never pass silently.
CREATE FUNCTION bedside_chain_guard() RETURNS trigger AS $$
DECLARE
    study     varchar;
    new_study varchar;
    old_study varchar;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('SELECT t.study_code FROM %I.%I t JOIN studies s ON s.study_code = t.study_code '
                       'WHERE s.locked LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO study;
        IF study IS NOT NULL THEN
            RAISE EXCEPTION 'study % is locked: its evidence cannot be changed (TRUNCATE on %)', study, TG_TABLE_NAME
                USING ERRCODE = 'BL001';
        END IF;
        RETURN NULL;
    END IF;
    IF TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'bedside_chain_guard on %: use FOR EACH ROW for INSERT, UPDATE and DELETE', TG_TABLE_NAME;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_study := NEW.study_code;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_study := OLD.study_code;
    END IF;
    FOREACH study IN ARRAY ARRAY[new_study, old_study] LOOP
        IF study IS NOT NULL AND EXISTS (SELECT 1 FROM studies WHERE study_code = study AND locked) THEN
            RAISE EXCEPTION 'study % is locked: its evidence cannot be changed (% on %)', study, TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'BL001';
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The chained tables of V2 and V3 on the one guard, under the names their triggers had.
DROP TRIGGER attempts_locked_tg ON attempts;
CREATE TRIGGER attempts_locked_tg AFTER INSERT OR UPDATE OR DELETE ON attempts
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
DROP TRIGGER attempts_truncate_locked_tg ON attempts;
CREATE TRIGGER attempts_truncate_locked_tg BEFORE TRUNCATE ON attempts
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();

DROP TRIGGER task_ratings_locked_tg ON task_ratings;
CREATE TRIGGER task_ratings_locked_tg AFTER INSERT OR UPDATE OR DELETE ON task_ratings
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
DROP TRIGGER task_ratings_truncate_locked_tg ON task_ratings;
CREATE TRIGGER task_ratings_truncate_locked_tg BEFORE TRUNCATE ON task_ratings
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();

DROP TRIGGER sus_answers_locked_tg ON sus_answers;
CREATE TRIGGER sus_answers_locked_tg AFTER INSERT OR UPDATE OR DELETE ON sus_answers
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
DROP TRIGGER sus_answers_truncate_locked_tg ON sus_answers;
CREATE TRIGGER sus_answers_truncate_locked_tg BEFORE TRUNCATE ON sus_answers
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();

/* [jooq ignore stop] */
