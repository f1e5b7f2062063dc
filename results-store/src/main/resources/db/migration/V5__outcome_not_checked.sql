-- An attempt whose outcome could not be checked (a check got no valid answer about the candidate's state: no
-- reader, an HTTP error, a body that is not what the reader expects) is stored as 'not-checked': like a system or
-- script error it is never scored for or against the candidate, and always reported. No data changes.
ALTER TABLE attempts DROP CONSTRAINT attempts_outcome_ck;
ALTER TABLE attempts ADD CONSTRAINT attempts_outcome_ck CHECK (outcome IN
    ('success', 'failure', 'critical-use-error', 'system-error', 'script-error', 'not-checked'));
