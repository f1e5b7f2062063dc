-- Bedside results: studies, candidates, suite versions, participants, runs, sessions, attempts, events,
-- questionnaire answers and the audit log. PostgreSQL dialect. jOOQ's DDLDatabase also parses this file
-- to generate the Java classes, so keep to plain DDL (wrap functions/extensions in jooq ignore comments).
--
-- Codes (study, candidate, participant, task, suite) are natural keys made by the evaluator; ids of runs,
-- sessions and attempts are UUIDs made by the client, so a retry or a replay stores the same row once.
-- Study-scoped rows carry study_code, and composite foreign keys make the redundant columns of a row
-- (the candidate and participant of an attempt, the suite version of a session) agree with their parents.

CREATE TABLE studies (
    study_code varchar(100) NOT NULL,
    title      text         NOT NULL,
    locked     boolean      NOT NULL DEFAULT false,
    locked_at  timestamptz,
    created_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT studies_pk PRIMARY KEY (study_code),
    CONSTRAINT studies_code_ck CHECK (length(study_code) BETWEEN 1 AND 100),
    CONSTRAINT studies_locked_ck CHECK (locked = (locked_at IS NOT NULL))
);

CREATE TABLE candidates (
    study_code     varchar(100) NOT NULL,
    candidate_code varchar(100) NOT NULL,
    display_name   text         NOT NULL,
    vendor         text,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT candidates_pk PRIMARY KEY (study_code, candidate_code),
    CONSTRAINT candidates_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT candidates_code_ck CHECK (length(candidate_code) BETWEEN 1 AND 100)
);

-- One row per distinct suite content: the same hash is the same text.
CREATE TABLE suite_versions (
    content_hash varchar(71)  NOT NULL,
    suite_id     varchar(200) NOT NULL,
    version      varchar(100),
    title        text,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT suite_versions_pk PRIMARY KEY (content_hash),
    CONSTRAINT suite_versions_hash_ck CHECK (content_hash ~ '^(sha256:)?[0-9a-f]{64}$')
);

CREATE INDEX suite_versions_suite_ix ON suite_versions (suite_id, version);

-- The exact text of each task as it was in that suite version.
CREATE TABLE suite_tasks (
    suite_hash   varchar(71)  NOT NULL,
    task_id      varchar(200) NOT NULL,
    position     integer      NOT NULL,
    title        text         NOT NULL,
    instruction  text         NOT NULL,
    content_hash varchar(71)  NOT NULL,
    CONSTRAINT suite_tasks_pk PRIMARY KEY (suite_hash, task_id),
    CONSTRAINT suite_tasks_suite_fk FOREIGN KEY (suite_hash) REFERENCES suite_versions (content_hash),
    CONSTRAINT suite_tasks_position_uq UNIQUE (suite_hash, position),
    CONSTRAINT suite_tasks_hash_ck CHECK (content_hash ~ '^(sha256:)?[0-9a-f]{64}$')
);

-- Pseudonymous: a code and what matters for the analysis, never a name or contact detail.
CREATE TABLE participants (
    study_code           varchar(100) NOT NULL,
    participant_code     varchar(100) NOT NULL,
    role                 text,
    years_in_role        integer,
    ehr_experience_years integer,
    ehr_systems_used     text,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT participants_pk PRIMARY KEY (study_code, participant_code),
    CONSTRAINT participants_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT participants_code_ck CHECK (length(participant_code) BETWEEN 1 AND 100),
    CONSTRAINT participants_years_ck CHECK (years_in_role >= 0 AND ehr_experience_years >= 0)
);

CREATE TABLE runs (
    run_id        uuid         NOT NULL,
    study_code    varchar(100) NOT NULL,
    suite_id      varchar(200) NOT NULL,
    suite_version varchar(100),
    suite_hash    varchar(71)  NOT NULL,
    kind          varchar(50)  NOT NULL,
    started_at    timestamptz  NOT NULL,
    finished_at   timestamptz,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT runs_pk PRIMARY KEY (run_id),
    CONSTRAINT runs_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT runs_suite_fk FOREIGN KEY (suite_hash) REFERENCES suite_versions (content_hash),
    CONSTRAINT runs_scope_uq UNIQUE (run_id, study_code, suite_hash),
    CONSTRAINT runs_finished_ck CHECK (finished_at IS NULL OR finished_at >= started_at)
);

CREATE INDEX runs_study_ix ON runs (study_code, started_at);

CREATE TABLE sessions (
    session_id       uuid         NOT NULL,
    run_id           uuid         NOT NULL,
    study_code       varchar(100) NOT NULL,
    suite_hash       varchar(71)  NOT NULL,
    candidate_code   varchar(100) NOT NULL,
    participant_code varchar(100) NOT NULL,
    started_at       timestamptz  NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sessions_pk PRIMARY KEY (session_id),
    CONSTRAINT sessions_run_fk FOREIGN KEY (run_id, study_code, suite_hash)
        REFERENCES runs (run_id, study_code, suite_hash),
    CONSTRAINT sessions_candidate_fk FOREIGN KEY (study_code, candidate_code)
        REFERENCES candidates (study_code, candidate_code),
    CONSTRAINT sessions_participant_fk FOREIGN KEY (study_code, participant_code)
        REFERENCES participants (study_code, participant_code),
    CONSTRAINT sessions_scope_uq UNIQUE (session_id, candidate_code, participant_code, suite_hash)
);

CREATE INDEX sessions_run_ix ON sessions (run_id);

CREATE TABLE attempts (
    attempt_id         uuid         NOT NULL,
    session_id         uuid         NOT NULL,
    candidate_code     varchar(100) NOT NULL,
    participant_code   varchar(100) NOT NULL,
    suite_hash         varchar(71)  NOT NULL,
    task_id            varchar(200) NOT NULL,
    attempt_no         integer      NOT NULL,
    outcome            varchar(30)  NOT NULL,
    reason             text,
    failed_step        integer,
    started_at         timestamptz  NOT NULL,
    time_ms            bigint       NOT NULL,
    clicks             integer      NOT NULL,
    keystrokes         integer      NOT NULL,
    screens            integer      NOT NULL,
    page_loads         integer      NOT NULL,
    scroll_px          bigint       NOT NULL,
    dialogs            integer      NOT NULL,
    validation_errors  integer      NOT NULL,
    system_response_ms bigint       NOT NULL,
    klm_ms             bigint       NOT NULL,
    -- Tamper evidence (a hash over the attempt and its events, chained later); null until then.
    record_hash text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT attempts_pk PRIMARY KEY (attempt_id),
    CONSTRAINT attempts_session_fk FOREIGN KEY (session_id, candidate_code, participant_code, suite_hash)
        REFERENCES sessions (session_id, candidate_code, participant_code, suite_hash),
    CONSTRAINT attempts_task_fk FOREIGN KEY (suite_hash, task_id) REFERENCES suite_tasks (suite_hash, task_id),
    CONSTRAINT attempts_no_uq UNIQUE (session_id, task_id, attempt_no),
    CONSTRAINT attempts_outcome_ck CHECK (outcome IN
        ('success', 'failure', 'critical-use-error', 'system-error', 'script-error')),
    CONSTRAINT attempts_attempt_no_ck CHECK (attempt_no >= 1),
    CONSTRAINT attempts_failed_step_ck CHECK (failed_step IS NULL OR failed_step >= 1),
    CONSTRAINT attempts_measures_ck CHECK (time_ms >= 0 AND clicks >= 0 AND keystrokes >= 0 AND screens >= 0
        AND page_loads >= 0 AND scroll_px >= 0 AND dialogs >= 0 AND validation_errors >= 0
        AND system_response_ms >= 0 AND klm_ms >= 0)
);

CREATE INDEX attempts_task_ix ON attempts (suite_hash, task_id, candidate_code);

CREATE TABLE events (
    attempt_id uuid             NOT NULL,
    seq        bigint           NOT NULL,
    t_ms       double precision NOT NULL,
    type       text             NOT NULL,
    page       text,
    json       jsonb            NOT NULL,
    CONSTRAINT events_pk PRIMARY KEY (attempt_id, seq),
    CONSTRAINT events_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempts (attempt_id),
    CONSTRAINT events_seq_ck CHECK (seq >= 0)
);

-- Post-task rating (e.g. the Single Ease Question), one per instrument per task per session.
CREATE TABLE task_ratings (
    session_id  uuid         NOT NULL,
    task_id     varchar(200) NOT NULL,
    instrument  varchar(50)  NOT NULL DEFAULT 'seq',
    rating      integer      NOT NULL,
    scale_min   integer      NOT NULL DEFAULT 1,
    scale_max   integer      NOT NULL DEFAULT 7,
    comment     text,
    answered_at timestamptz  NOT NULL,
    CONSTRAINT task_ratings_pk PRIMARY KEY (session_id, task_id, instrument),
    CONSTRAINT task_ratings_session_fk FOREIGN KEY (session_id) REFERENCES sessions (session_id),
    CONSTRAINT task_ratings_range_ck CHECK (scale_min < scale_max AND rating BETWEEN scale_min AND scale_max)
);

-- System Usability Scale: ten items, each 1 (strongly disagree) to 5 (strongly agree), per session
-- (one participant on one candidate).
CREATE TABLE sus_answers (
    session_id  uuid        NOT NULL,
    item        integer     NOT NULL,
    answer      integer     NOT NULL,
    answered_at timestamptz NOT NULL,
    CONSTRAINT sus_answers_pk PRIMARY KEY (session_id, item),
    CONSTRAINT sus_answers_session_fk FOREIGN KEY (session_id) REFERENCES sessions (session_id),
    CONSTRAINT sus_answers_item_ck CHECK (item BETWEEN 1 AND 10),
    CONSTRAINT sus_answers_answer_ck CHECK (answer BETWEEN 1 AND 5)
);

-- Who did what to the evidence (study locked, data exported, corrections), append-only by convention.
CREATE TABLE audit_log (
    id         bigint       GENERATED ALWAYS AS IDENTITY,
    at         timestamptz  NOT NULL DEFAULT now(),
    actor      text         NOT NULL,
    action     text         NOT NULL,
    study_code varchar(100),
    entity     text,
    entity_id  text,
    details    jsonb,
    CONSTRAINT audit_log_pk PRIMARY KEY (id)
);

CREATE INDEX audit_log_study_ix ON audit_log (study_code, at);
