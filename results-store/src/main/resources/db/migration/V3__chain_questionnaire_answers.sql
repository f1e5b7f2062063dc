-- Questionnaire answers join the study's hash chain. Until now the chain covered attempts (with their events)
-- only, so a direct UPDATE of a post-task rating or a SUS answer went unnoticed by verify. From this version
-- every task_ratings row and every sus_answers row is a link of its study's one chain, like an attempt:
-- record_hash = hex(SHA-256(previous link's hash || canonical form of the row)), chain_no its place in the chain
-- (attempts, task ratings and SUS answers share the numbering 1, 2, 3, ...), study_chains its head.
-- See RecordHash for the canonical forms.
--
-- Answers stored before this version are chained here, appended to their study's chain in answer order, with
-- an audit log entry per study (action chain.adopt-answers: the head before and after). That includes locked
-- studies: their answers could not be changed since the lock (the triggers of V2 refused it), and leaving them
-- outside the chain would make verify fail for good. Also: TRUNCATE, which row triggers do not see, is refused
-- on a table that holds a locked study's evidence (and on the audit log).
--
-- jOOQ's DDLDatabase parses this file too: functions, triggers and data updates sit inside jooq ignore comments.

ALTER TABLE task_ratings ADD COLUMN study_code varchar(100);
ALTER TABLE task_ratings ADD COLUMN chain_no bigint;
ALTER TABLE task_ratings ADD COLUMN record_hash text;
ALTER TABLE sus_answers ADD COLUMN study_code varchar(100);
ALTER TABLE sus_answers ADD COLUMN chain_no bigint;
ALTER TABLE sus_answers ADD COLUMN record_hash text;

/* [jooq ignore start] */
-- Filling in the study of stored answers changes no evidence, but the lock triggers would refuse it for a
-- locked study's rows: they are off for this transaction's own updates only (ALTER TABLE holds the table).
ALTER TABLE task_ratings DISABLE TRIGGER task_ratings_locked_tg;
ALTER TABLE sus_answers DISABLE TRIGGER sus_answers_locked_tg;
ALTER TABLE study_chains DISABLE TRIGGER study_chains_locked_tg;
UPDATE task_ratings t SET study_code = s.study_code FROM sessions s WHERE s.session_id = t.session_id;
UPDATE sus_answers a SET study_code = s.study_code FROM sessions s WHERE s.session_id = a.session_id;

-- Chains the answers stored before this version (see above). The canonical forms are built here exactly as
-- RecordHash.canonicalTaskRating / canonicalSusAnswer build them (compact JSON, fixed field order, strings
-- escaped as to_json escapes them, instants in UTC to the microsecond); MigrationsIT checks they agree.
DO $$
DECLARE
    st         record;
    r          record;
    len        bigint;
    head       varchar(64);
    from_len   bigint;
    from_head  varchar(64);
    ratings    bigint;
    sus        bigint;
BEGIN
    FOR st IN
        SELECT x.study_code, bool_or(s.locked) AS locked
        FROM (SELECT study_code FROM task_ratings WHERE chain_no IS NULL
              UNION SELECT study_code FROM sus_answers WHERE chain_no IS NULL) x
        JOIN studies s ON s.study_code = x.study_code
        GROUP BY x.study_code
        ORDER BY x.study_code
    LOOP
        INSERT INTO study_chains (study_code) VALUES (st.study_code) ON CONFLICT DO NOTHING;
        SELECT c.length, c.head_hash INTO len, head FROM study_chains c WHERE c.study_code = st.study_code FOR UPDATE;
        from_len := len;
        from_head := head;
        ratings := 0;
        sus := 0;
        FOR r IN
            SELECT * FROM (
                SELECT 1 AS kind, t.session_id, t.task_id, t.instrument, NULL::integer AS item, t.answered_at,
                       '{"v":1,"kind":"task-rating","study":' || to_json(t.study_code)::text
                       || ',"sessionId":"' || t.session_id::text
                       || '","candidate":' || to_json(s.candidate_code)::text
                       || ',"participant":' || to_json(s.participant_code)::text
                       || ',"task":' || to_json(t.task_id)::text
                       || ',"instrument":' || to_json(t.instrument)::text
                       || ',"rating":' || t.rating::text
                       || ',"scaleMin":' || t.scale_min::text
                       || ',"scaleMax":' || t.scale_max::text
                       || ',"comment":' || coalesce(to_json(t.comment)::text, 'null')
                       || ',"answeredAt":"'
                       || to_char(t.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                       || '"}' AS canonical
                FROM task_ratings t JOIN sessions s ON s.session_id = t.session_id
                WHERE t.study_code = st.study_code AND t.chain_no IS NULL
                UNION ALL
                SELECT 2, a.session_id, NULL, NULL, a.item, a.answered_at,
                       '{"v":1,"kind":"sus-answer","study":' || to_json(a.study_code)::text
                       || ',"sessionId":"' || a.session_id::text
                       || '","candidate":' || to_json(s.candidate_code)::text
                       || ',"participant":' || to_json(s.participant_code)::text
                       || ',"item":' || a.item::text
                       || ',"answer":' || a.answer::text
                       || ',"answeredAt":"'
                       || to_char(a.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"}'
                FROM sus_answers a JOIN sessions s ON s.session_id = a.session_id
                WHERE a.study_code = st.study_code AND a.chain_no IS NULL
            ) links
            ORDER BY answered_at, session_id, kind, task_id, instrument, item
        LOOP
            len := len + 1;
            head := encode(sha256(convert_to(coalesce(head, repeat('0', 64)) || r.canonical, 'UTF8')), 'hex');
            IF r.kind = 1 THEN
                UPDATE task_ratings SET chain_no = len, record_hash = head
                WHERE session_id = r.session_id AND task_id = r.task_id AND instrument = r.instrument;
                ratings := ratings + 1;
            ELSE
                UPDATE sus_answers SET chain_no = len, record_hash = head
                WHERE session_id = r.session_id AND item = r.item;
                sus := sus + 1;
            END IF;
        END LOOP;
        UPDATE study_chains SET length = len, head_hash = head WHERE study_code = st.study_code;
        INSERT INTO audit_log (actor, action, study_code, entity, entity_id, details)
        VALUES ('migration:V3', 'chain.adopt-answers', st.study_code, 'study', st.study_code,
                jsonb_build_object('taskRatings', ratings, 'susAnswers', sus, 'studyLocked', st.locked,
                                   'fromChainLength', from_len, 'fromHeadHash', from_head,
                                   'chainLength', len, 'headHash', head));
    END LOOP;
END;
$$;

ALTER TABLE task_ratings ENABLE TRIGGER task_ratings_locked_tg;
ALTER TABLE sus_answers ENABLE TRIGGER sus_answers_locked_tg;
ALTER TABLE study_chains ENABLE TRIGGER study_chains_locked_tg;
/* [jooq ignore stop] */

ALTER TABLE task_ratings ALTER COLUMN study_code SET NOT NULL;
ALTER TABLE task_ratings ADD CONSTRAINT task_ratings_study_fk FOREIGN KEY (session_id, study_code)
    REFERENCES sessions (session_id, study_code);
ALTER TABLE task_ratings ADD CONSTRAINT task_ratings_chain_uq UNIQUE (study_code, chain_no);
ALTER TABLE task_ratings ADD CONSTRAINT task_ratings_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL));

ALTER TABLE sus_answers ALTER COLUMN study_code SET NOT NULL;
ALTER TABLE sus_answers ADD CONSTRAINT sus_answers_study_fk FOREIGN KEY (session_id, study_code)
    REFERENCES sessions (session_id, study_code);
ALTER TABLE sus_answers ADD CONSTRAINT sus_answers_chain_uq UNIQUE (study_code, chain_no);
ALTER TABLE sus_answers ADD CONSTRAINT sus_answers_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL));

/* [jooq ignore start] */

-- Row triggers do not fire on TRUNCATE: refuse it, statement by statement, on a table that holds a locked
-- study's rows. SQLSTATE BL001, as for the row triggers.
CREATE FUNCTION bedside_refuse_locked_truncate() RETURNS trigger AS $$
DECLARE
    study varchar;
BEGIN
    IF TG_TABLE_NAME = 'events' THEN
        SELECT a.study_code INTO study
        FROM events e
        JOIN attempts a ON a.attempt_id = e.attempt_id
        JOIN studies s ON s.study_code = a.study_code
        WHERE s.locked
        LIMIT 1;
    ELSE
        EXECUTE format('SELECT t.study_code FROM %I t JOIN studies s ON s.study_code = t.study_code '
                       'WHERE s.locked LIMIT 1', TG_TABLE_NAME) INTO study;
    END IF;
    IF study IS NOT NULL THEN
        RAISE EXCEPTION 'study % is locked: its evidence cannot be changed (TRUNCATE on %)', study, TG_TABLE_NAME
            USING ERRCODE = 'BL001';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER studies_truncate_locked_tg BEFORE TRUNCATE ON studies
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER runs_truncate_locked_tg BEFORE TRUNCATE ON runs
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER sessions_truncate_locked_tg BEFORE TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER candidates_truncate_locked_tg BEFORE TRUNCATE ON candidates
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER participants_truncate_locked_tg BEFORE TRUNCATE ON participants
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER attempts_truncate_locked_tg BEFORE TRUNCATE ON attempts
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER events_truncate_locked_tg BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER task_ratings_truncate_locked_tg BEFORE TRUNCATE ON task_ratings
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER sus_answers_truncate_locked_tg BEFORE TRUNCATE ON sus_answers
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();
CREATE TRIGGER study_chains_truncate_locked_tg BEFORE TRUNCATE ON study_chains
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_refuse_locked_truncate();

CREATE TRIGGER audit_log_truncate_tg BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_append_only();

/* [jooq ignore stop] */
