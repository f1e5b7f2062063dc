-- The DOM replay of an attempt (rrweb's events, inputs and the binding's patient data masked in the page), kept apart
-- from the attempt's events so that scores, reports and exports never read its megabytes: one row per attempt, the
-- gzip-compressed JSON array as it was recorded, its SHA-256 and size. Each row is a link of its study's chain
-- (V4's recipe), whose canonical form names the attempt and the bytes' SHA-256, so verify re-hashes the stored bytes.
-- jOOQ's DDLDatabase parses this file too: triggers sit inside jooq ignore comments.
CREATE TABLE attempt_replays (
    attempt_id  uuid         NOT NULL,
    study_code  varchar(100) NOT NULL,
    gzip        bytea        NOT NULL,
    sha256      varchar(64)  NOT NULL,
    size_bytes  integer      NOT NULL,
    chain_no    bigint,
    record_hash text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT attempt_replays_pk PRIMARY KEY (attempt_id),
    CONSTRAINT attempt_replays_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempts (attempt_id),
    CONSTRAINT attempt_replays_study_fk FOREIGN KEY (study_code) REFERENCES studies (study_code),
    CONSTRAINT attempt_replays_sha_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT attempt_replays_size_ck CHECK (size_bytes = octet_length(gzip)),
    CONSTRAINT attempt_replays_chain_uq UNIQUE (study_code, chain_no),
    CONSTRAINT attempt_replays_chain_ck CHECK ((chain_no IS NULL) = (record_hash IS NULL))
);

/* [jooq ignore start] */
-- Large values stay compressed as they are (gzip already): no second compression by TOAST.
ALTER TABLE attempt_replays ALTER COLUMN gzip SET STORAGE EXTERNAL;
CREATE TRIGGER attempt_replays_locked_tg AFTER INSERT OR UPDATE OR DELETE ON attempt_replays
    FOR EACH ROW EXECUTE FUNCTION bedside_chain_guard();
CREATE TRIGGER attempt_replays_truncate_locked_tg BEFORE TRUNCATE ON attempt_replays
    FOR EACH STATEMENT EXECUTE FUNCTION bedside_chain_guard();
/* [jooq ignore stop] */
