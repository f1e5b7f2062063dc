-- Study plans, and flags for pilot and simulated sessions (issue 12). A study's plan (bedside.results.StudyPlan: the
-- suite version, the candidates, each task's criteria, time limit and weight, the analysis) is written before any
-- data and then locked, so that nobody can say the scoring moved after the results came in. One plan per study:
-- while unlocked it may be replaced; once locked it never changes again.
--
-- plan_json is the plan's canonical JSON exactly as StudyPlan.canonicalJson() writes it, and plan_hash its hash
-- ("sha256:" + hex SHA-256 of those bytes), so anyone can recompute the hash from the stored text. Locking a plan
-- is a link of the study's one hash chain, chained as V4's header says (study_code, chain_no, record_hash, guarded
-- by bedside_chain_guard once the study is closed): its canonical form (RecordHash.canonicalPlan) carries the plan
-- hash, which carries the plan. An unlocked plan is not evidence yet and has no chain columns. A locked plan's row
-- can never be updated or deleted, whoever runs it (SQLSTATE BL003: the plan is locked; the Java side refuses first
-- with the same words, PlanLockedException).
--
-- The flags: a pilot session (a rehearsal before the study, kept out of every score) and a simulated one (the demo's
-- simulated panel: no real participant). They default to false, so no row stored before changes. An attempt carries
-- its session's flags (copied at insert) and a session its participant's simulated flag: composite foreign keys hold
-- them equal, so an attempt can never be counted as real while its session is a pilot or simulated. An attempt's
-- flags join its canonical form only when true (RecordHash), so every hash stored before stays what it was.
--
-- jOOQ's DDLDatabase parses this file too: functions and triggers sit inside jooq ignore comments.

CREATE TABLE study_plans (
    study_code  varchar(100) NOT NULL,
    plan_json   text         NOT NULL,
    plan_hash   varchar(71)  NOT NULL,
    simulated   boolean      NOT NULL,
    saved_at    timestamptz  NOT NULL,
    saved_by    text         NOT NULL,
    locked_at   timestamptz,
    chain_no    bigint,
    record_hash text,
    CONSTRAINT study_plans_pk PRIMARY KEY (study_code),
    CONSTRAINT study_plans_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT study_plans_hash_ck CHECK (plan_hash ~ '^sha256:[0-9a-f]{64}$'),
    CONSTRAINT study_plans_chain_uq UNIQUE (study_code, chain_no),
    CONSTRAINT study_plans_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL)),
    -- Locking is what puts the plan in the chain: a lock time exactly when there is a link.
    CONSTRAINT study_plans_lock_ck CHECK ((locked_at IS NULL) = (chain_no IS NULL))
);

ALTER TABLE participants ADD COLUMN simulated boolean NOT NULL DEFAULT false;
ALTER TABLE participants ADD CONSTRAINT participants_simulated_uq UNIQUE (study_code, participant_code, simulated);

ALTER TABLE sessions ADD COLUMN pilot boolean NOT NULL DEFAULT false;
ALTER TABLE sessions ADD COLUMN simulated boolean NOT NULL DEFAULT false;
-- A session is simulated exactly when its participant is.
ALTER TABLE sessions ADD CONSTRAINT sessions_simulated_fk FOREIGN KEY (study_code, participant_code, simulated)
    REFERENCES participants (study_code, participant_code, simulated);
ALTER TABLE sessions ADD CONSTRAINT sessions_flags_uq UNIQUE (session_id, pilot, simulated);

ALTER TABLE attempts ADD COLUMN pilot boolean NOT NULL DEFAULT false;
ALTER TABLE attempts ADD COLUMN simulated boolean NOT NULL DEFAULT false;
-- An attempt's flags are its session's.
ALTER TABLE attempts ADD CONSTRAINT attempts_flags_fk FOREIGN KEY (session_id, pilot, simulated)
    REFERENCES sessions (session_id, pilot, simulated);

/* [jooq ignore start] */

-- A closed study's plan is evidence like its other links (V4).
CREATE TRIGGER study_plans_locked_tg AFTER INSERT OR UPDATE OR DELETE ON study_plans
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
CREATE TRIGGER study_plans_truncate_locked_tg BEFORE TRUNCATE ON study_plans
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();

-- A locked plan is never updated or deleted, and TRUNCATE is refused while the table holds one. SQLSTATE BL003.
CREATE FUNCTION bedside_keep_locked_plan() RETURNS trigger AS $$
DECLARE
    study varchar;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        SELECT p.study_code INTO study FROM study_plans p WHERE p.locked_at IS NOT NULL LIMIT 1;
        IF study IS NOT NULL THEN
            RAISE EXCEPTION 'the plan of study % is locked: it cannot change (TRUNCATE on study_plans)', study
                USING ERRCODE = 'BL003';
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.locked_at IS NOT NULL THEN
        RAISE EXCEPTION 'the plan of study % is locked (%) since %: it cannot change (% on study_plans)',
            OLD.study_code, OLD.plan_hash,
            to_char(OLD.locked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), TG_OP
            USING ERRCODE = 'BL003';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER study_plans_keep_locked_tg BEFORE UPDATE OR DELETE ON study_plans
    FOR EACH ROW EXECUTE FUNCTION bedside_keep_locked_plan();
CREATE TRIGGER study_plans_truncate_keep_locked_tg BEFORE TRUNCATE ON study_plans
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_keep_locked_plan();

/* [jooq ignore stop] */
