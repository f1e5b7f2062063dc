-- Tasks that do not apply to a candidate: its binding marks them notApplicable with a reason (issue 19). A run
-- records the marks of its candidates for the suite version it ran, so /scores and the pages show the task as n/a
-- with the reason and leave it out of the candidate's composite (the other weights renormalised). Plan-like data,
-- not evidence: no hash chain, but like every row of a study it is refused once the study is locked.
CREATE TABLE not_applicable (
    study_code     varchar(100) NOT NULL,
    candidate_code varchar(100) NOT NULL,
    suite_hash     varchar(71)  NOT NULL,
    task_id        varchar(200) NOT NULL,
    reason         text         NOT NULL,
    recorded_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT not_applicable_pk PRIMARY KEY (study_code, candidate_code, suite_hash, task_id),
    CONSTRAINT not_applicable_candidate_fk FOREIGN KEY (study_code, candidate_code)
        REFERENCES candidates (study_code, candidate_code),
    CONSTRAINT not_applicable_task_fk FOREIGN KEY (suite_hash, task_id) REFERENCES suite_tasks (suite_hash, task_id),
    CONSTRAINT not_applicable_reason_ck CHECK (length(btrim(reason)) > 0)
);

/* [jooq ignore start] */
CREATE TRIGGER not_applicable_locked_tg AFTER INSERT OR UPDATE OR DELETE ON not_applicable
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
CREATE TRIGGER not_applicable_truncate_locked_tg BEFORE TRUNCATE ON not_applicable
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();
/* [jooq ignore stop] */
