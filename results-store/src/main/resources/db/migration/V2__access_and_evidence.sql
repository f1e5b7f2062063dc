-- Access tokens, the per-study hash chain over attempts, and the database-level guards that keep a locked
-- study's evidence (and the audit log) unchangeable by any path, not only through ResultsStore.
-- jOOQ's DDLDatabase parses this file too: functions, triggers and data updates sit inside jooq ignore comments.

-- Bearer tokens for the HTTP API. Only the SHA-256 (lower-case hex) of a token is stored; the token itself
-- is shown once, when it is made. A vendor token is bound to one candidate of one study; the other roles may
-- be bound to a study (null: every study).
CREATE TABLE api_tokens (
    token_id       uuid         NOT NULL,
    token_hash     varchar(64)  NOT NULL,
    role           varchar(20)  NOT NULL,
    study_code     varchar(100),
    candidate_code varchar(100),
    name           text         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    CONSTRAINT api_tokens_pk PRIMARY KEY (token_id),
    CONSTRAINT api_tokens_hash_uq UNIQUE (token_hash),
    CONSTRAINT api_tokens_hash_ck CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_tokens_role_ck CHECK (role IN ('admin', 'evaluator', 'vendor', 'board')),
    CONSTRAINT api_tokens_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT api_tokens_candidate_fk FOREIGN KEY (study_code, candidate_code)
        REFERENCES candidates (study_code, candidate_code),
    CONSTRAINT api_tokens_vendor_ck CHECK ((role = 'vendor') = (candidate_code IS NOT NULL)),
    CONSTRAINT api_tokens_vendor_study_ck CHECK (candidate_code IS NULL OR study_code IS NOT NULL),
    CONSTRAINT api_tokens_admin_ck CHECK (role <> 'admin' OR study_code IS NULL)
);

-- The head of each study's chain of attempt hashes: how many attempts are chained and the last hash.
-- Saving an attempt locks this row, so the chain of a study grows one attempt at a time.
CREATE TABLE study_chains (
    study_code varchar(100) NOT NULL,
    length     bigint       NOT NULL DEFAULT 0,
    head_hash  varchar(64),
    CONSTRAINT study_chains_pk PRIMARY KEY (study_code),
    CONSTRAINT study_chains_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT study_chains_head_ck CHECK ((length = 0) = (head_hash IS NULL))
);

-- Each attempt's study and its place in the study's chain (1, 2, ...). Null only for attempts stored before
-- this migration, which carry no record hash either (verify reports them).
ALTER TABLE attempts ADD COLUMN study_code varchar(100);
ALTER TABLE attempts ADD COLUMN chain_no bigint;
ALTER TABLE attempts ADD CONSTRAINT attempts_chain_uq UNIQUE (study_code, chain_no);
ALTER TABLE attempts ADD CONSTRAINT attempts_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL));
ALTER TABLE sessions ADD CONSTRAINT sessions_study_uq UNIQUE (session_id, study_code);

/* [jooq ignore start] */
UPDATE attempts a SET study_code = s.study_code FROM sessions s WHERE s.session_id = a.session_id;
/* [jooq ignore stop] */

ALTER TABLE attempts ALTER COLUMN study_code SET NOT NULL;
ALTER TABLE attempts ADD CONSTRAINT attempts_study_fk FOREIGN KEY (session_id, study_code)
    REFERENCES sessions (session_id, study_code);

CREATE INDEX attempts_study_ix ON attempts (study_code, candidate_code, started_at);

/* [jooq ignore start] */

-- The study a row of an evidence table belongs to (the row as jsonb).
CREATE FUNCTION bedside_study_of(tbl text, j jsonb) RETURNS varchar AS $$
DECLARE
    s varchar;
BEGIN
    IF j IS NULL THEN
        RETURN NULL;
    ELSIF tbl IN ('runs', 'sessions', 'candidates', 'participants', 'attempts') THEN
        RETURN j ->> 'study_code';
    ELSIF tbl IN ('task_ratings', 'sus_answers') THEN
        SELECT x.study_code INTO s FROM sessions x WHERE x.session_id = (j ->> 'session_id')::uuid;
        RETURN s;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql STABLE;

-- Refuses any insert, update or delete of a locked study's evidence, whoever runs it. SQLSTATE BL001.
-- AFTER triggers: rows an INSERT ... ON CONFLICT DO NOTHING skips (replays) never reach them.
CREATE FUNCTION bedside_refuse_locked() RETURNS trigger AS $$
DECLARE
    study varchar;
BEGIN
    FOR study IN
        SELECT bedside_study_of(TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END)
        UNION
        SELECT bedside_study_of(TG_TABLE_NAME, CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END)
    LOOP
        IF study IS NOT NULL AND EXISTS (SELECT 1 FROM studies WHERE study_code = study AND locked) THEN
            RAISE EXCEPTION 'study % is locked: its evidence cannot be changed (% on %)', study, TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'BL001';
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER runs_locked_tg AFTER INSERT OR UPDATE OR DELETE ON runs
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();
CREATE TRIGGER sessions_locked_tg AFTER INSERT OR UPDATE OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();
CREATE TRIGGER candidates_locked_tg AFTER INSERT OR UPDATE OR DELETE ON candidates
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();
CREATE TRIGGER participants_locked_tg AFTER INSERT OR UPDATE OR DELETE ON participants
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();
CREATE TRIGGER attempts_locked_tg AFTER INSERT OR UPDATE OR DELETE ON attempts
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();
CREATE TRIGGER task_ratings_locked_tg AFTER INSERT OR UPDATE OR DELETE ON task_ratings
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();
CREATE TRIGGER sus_answers_locked_tg AFTER INSERT OR UPDATE OR DELETE ON sus_answers
    FOR EACH ROW EXECUTE FUNCTION bedside_refuse_locked();

-- Events come by the thousand: one check per statement over its transition table (changed_rows).
CREATE FUNCTION bedside_refuse_locked_events() RETURNS trigger AS $$
DECLARE
    study varchar;
BEGIN
    SELECT a.study_code INTO study
    FROM changed_rows c
    JOIN attempts a ON a.attempt_id = c.attempt_id
    JOIN studies s ON s.study_code = a.study_code
    WHERE s.locked
    LIMIT 1;
    IF study IS NOT NULL THEN
        RAISE EXCEPTION 'study % is locked: its evidence cannot be changed (% on events)', study, TG_OP
            USING ERRCODE = 'BL001';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_insert_locked_tg AFTER INSERT ON events REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_events();
CREATE TRIGGER events_update_old_locked_tg AFTER UPDATE ON events REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_events();
CREATE TRIGGER events_update_new_locked_tg AFTER UPDATE ON events REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_events();
CREATE TRIGGER events_delete_locked_tg AFTER DELETE ON events REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_events();

-- A locked study stays locked, keeps its lock time and title, and is never deleted; the head of its chain
-- no longer moves.
CREATE FUNCTION bedside_keep_locked_study() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.locked THEN
            RAISE EXCEPTION 'study % is locked: it cannot be deleted', OLD.study_code USING ERRCODE = 'BL001';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.locked AND (NEW IS DISTINCT FROM OLD) THEN
        RAISE EXCEPTION 'study % is locked: it cannot be changed or unlocked', OLD.study_code USING ERRCODE = 'BL001';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER studies_locked_tg BEFORE UPDATE OR DELETE ON studies
    FOR EACH ROW EXECUTE FUNCTION bedside_keep_locked_study();

CREATE FUNCTION bedside_keep_locked_chain() RETURNS trigger AS $$
DECLARE
    study varchar := CASE WHEN TG_OP = 'DELETE' THEN OLD.study_code ELSE NEW.study_code END;
BEGIN
    IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM studies WHERE study_code = study AND locked) THEN
        RAISE EXCEPTION 'study % is locked: its chain head cannot move', study USING ERRCODE = 'BL001';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER study_chains_locked_tg AFTER UPDATE OR DELETE ON study_chains
    FOR EACH ROW EXECUTE FUNCTION bedside_keep_locked_chain();

-- The audit log is append-only.
CREATE FUNCTION bedside_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'BL002';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only_tg BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION bedside_append_only();

/* [jooq ignore stop] */

-- (H2, which jOOQ's DDLDatabase simulates the DDL in, cannot index a text column.)
/* [jooq ignore start] */
CREATE INDEX audit_log_actor_ix ON audit_log (actor, at);
/* [jooq ignore stop] */
