-- Issue #12: finance works the reconciliation mismatches in the console. A person resolves one with a note (the
-- difference is explained or corrected) or ignores it with a reason (an accepted difference): who did it
-- (resolved_by, the operator admin-service names), when (resolved_at) and why (note). A mismatch a later run no
-- longer finds is still RESOLVED by the run itself, without resolved_by.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept.
ALTER TABLE reconciliation_mismatch
    ADD COLUMN resolved_by VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER resolved_at,
    ADD COLUMN note        VARCHAR(500) NULL AFTER resolved_by;

ALTER TABLE reconciliation_mismatch DROP CONSTRAINT ck_reconciliation_mismatch_status;

ALTER TABLE reconciliation_mismatch
    ADD CONSTRAINT ck_reconciliation_mismatch_status CHECK (status IN ('OPEN', 'RESOLVED', 'IGNORED'));
