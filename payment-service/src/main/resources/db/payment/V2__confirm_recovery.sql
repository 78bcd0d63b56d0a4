-- Recovery of confirms whose outcome we do not know (timeouts, 5xx, a crash between Toss's answer and our commit).
ALTER TABLE payment
    ADD COLUMN confirm_started_at DATETIME(6)  NULL AFTER expires_at,
    ADD COLUMN recovery_attempts  INT          NOT NULL DEFAULT 0 AFTER confirm_started_at,
    ADD COLUMN next_recovery_at   DATETIME(6)  NULL AFTER recovery_attempts,
    ADD COLUMN review_reason      VARCHAR(500) NULL AFTER next_recovery_at;

CREATE INDEX ix_payment_recovery ON payment (status, next_recovery_at);
