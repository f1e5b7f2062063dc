-- Moderated sessions: a participant's age band, assistive technology and consent; the task order a session used
-- and how it was made (to check counterbalancing afterwards); what the participant said when an attempt's clock
-- stopped and the measures derived from comparing it with the expert path; and markers (use errors, assists,
-- notes) the moderator or an observer puts on a session. Every new column is nullable: null is the scripted expert
-- path (and every row stored before this version), so no data changes.
--
-- Markers are evidence: a new link kind of the study's one hash chain, chained as V4's header says (study_code,
-- chain_no, record_hash, guarded by bedside_chain_guard). An attempt's session facts join its canonical form
-- (RecordHash) only when present, so attempts stored before keep their hashes. Demographics and the session order
-- are not chained; like every row of a study they are refused once the study is locked (V2's triggers).
--
-- jOOQ's DDLDatabase parses this file too: triggers sit inside jooq ignore comments.

ALTER TABLE participants ADD COLUMN age_band varchar(20);
ALTER TABLE participants ADD COLUMN assistive_technology text;
ALTER TABLE participants ADD COLUMN consented_at timestamptz;

-- task_order: the task ids in the order given, a JSON array of strings.
ALTER TABLE sessions ADD COLUMN order_mode varchar(10);
ALTER TABLE sessions ADD COLUMN order_seed bigint;
ALTER TABLE sessions ADD COLUMN participant_index integer;
ALTER TABLE sessions ADD COLUMN task_order jsonb;
ALTER TABLE sessions ADD COLUMN candidate_position integer;
ALTER TABLE sessions ADD CONSTRAINT sessions_order_mode_ck CHECK (order_mode IN ('fixed', 'random', 'latin'));
-- An order is all there or not at all.
ALTER TABLE sessions ADD CONSTRAINT sessions_order_ck CHECK ((order_mode IS NULL) = (task_order IS NULL)
    AND (order_mode IS NULL) = (candidate_position IS NULL)
    AND (order_mode IS NOT NULL OR (order_seed IS NULL AND participant_index IS NULL)));
ALTER TABLE sessions ADD CONSTRAINT sessions_order_numbers_ck CHECK (candidate_position >= 1 AND participant_index >= 0);

ALTER TABLE attempts ADD COLUMN participant_said varchar(10);
ALTER TABLE attempts ADD COLUMN path_deviation double precision;
ALTER TABLE attempts ADD COLUMN time_deviation double precision;
ALTER TABLE attempts ADD COLUMN success_path varchar(10);
ALTER TABLE attempts ADD COLUMN lostness double precision;
ALTER TABLE attempts ADD COLUMN misclicks integer;
ALTER TABLE attempts ADD CONSTRAINT attempts_said_ck CHECK (participant_said IN ('done', 'gave-up', 'timed-out'));
ALTER TABLE attempts ADD CONSTRAINT attempts_success_path_ck CHECK (success_path IN ('direct', 'indirect'));
-- Session facts are all there (misclicks with the participant's word; the derived measures may be unknown) or none.
ALTER TABLE attempts ADD CONSTRAINT attempts_session_facts_ck CHECK ((participant_said IS NULL) = (misclicks IS NULL)
    AND (participant_said IS NOT NULL OR (path_deviation IS NULL AND time_deviation IS NULL AND success_path IS NULL
        AND lostness IS NULL)));
ALTER TABLE attempts ADD CONSTRAINT attempts_session_measures_ck CHECK (misclicks >= 0 AND path_deviation >= 0
    AND time_deviation >= 0 AND lostness >= 0);
-- A marker names its attempt together with its session (the attempt must be the session's).
ALTER TABLE attempts ADD CONSTRAINT attempts_session_uq UNIQUE (attempt_id, session_id);

-- A timestamped mark on a session: a use error (slip, mistake, critical), an assist or a note.
CREATE TABLE markers (
    marker_id   uuid             NOT NULL,
    session_id  uuid             NOT NULL,
    attempt_id  uuid,
    study_code  varchar(100)     NOT NULL,
    task_id     varchar(200),
    kind        varchar(10)      NOT NULL,
    t_ms        double precision,
    note        text,
    marked_by   varchar(20)      NOT NULL,
    marked_at   timestamptz      NOT NULL,
    chain_no    bigint,
    record_hash text,
    created_at  timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT markers_pk PRIMARY KEY (marker_id),
    CONSTRAINT markers_session_fk FOREIGN KEY (session_id, study_code) REFERENCES sessions (session_id, study_code),
    CONSTRAINT markers_attempt_fk FOREIGN KEY (attempt_id, session_id) REFERENCES attempts (attempt_id, session_id),
    CONSTRAINT markers_kind_ck CHECK (kind IN ('slip', 'mistake', 'critical', 'assist', 'note')),
    CONSTRAINT markers_by_ck CHECK (marked_by IN ('moderator', 'observer')),
    CONSTRAINT markers_t_ms_ck CHECK (t_ms >= 0),
    CONSTRAINT markers_chain_uq UNIQUE (study_code, chain_no),
    CONSTRAINT markers_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL))
);

CREATE INDEX markers_session_ix ON markers (session_id, marked_at);

/* [jooq ignore start] */
CREATE TRIGGER markers_locked_tg AFTER INSERT OR UPDATE OR DELETE ON markers
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
CREATE TRIGGER markers_truncate_locked_tg BEFORE TRUNCATE ON markers
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();
/* [jooq ignore stop] */
