-- The console's audit log (docs/console.md#audit-log): one row per action a person took or tried in admin-service,
-- who, when, what, on what, the state before and after as the owning service reported it, why, from where, and how it
-- ended. Append-only: the application inserts and reads, never updates or deletes (AuditLog has no other statement,
-- and AuditLogAppendOnlyTest fails on any UPDATE/DELETE of this table in the code). In production give the
-- application's database user INSERT and SELECT on this table only.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept. Instants are UTC.
CREATE TABLE audit_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    -- the signed-in operator; for a failed sign-in, what was typed as the username (it may name nobody)
    username       VARCHAR(64)  NOT NULL,
    -- AuditAction, e.g. REFUND, RECHECK, DEAD_LETTER_REPLAY, SIGN_IN, OPERATOR_CREATE
    action         VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- what was acted on: an orderId, a refund request id, a dead letter or webhook id, a username, a date range
    target         VARCHAR(200) NULL,
    -- SUCCEEDED, REFUSED (by our doors or by the owning service: problem_code says which) or FAILED (no answer)
    outcome        VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    problem_code   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    reason         VARCHAR(500) NULL,
    -- JSON text: the state read from the owning service right before and right after the action
    before_state   MEDIUMTEXT   NULL,
    after_state    MEDIUMTEXT   NULL,
    client_address VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (id),
    KEY ix_audit_log_time (occurred_at, id),
    KEY ix_audit_log_user (username, id),
    KEY ix_audit_log_action (action, id),
    KEY ix_audit_log_target (target, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
