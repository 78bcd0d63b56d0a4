-- Toss webhooks: every delivery is stored (raw body and transmission headers) before we answer 200, under a
-- unique key, then processed asynchronously with retries.
CREATE TABLE webhook_log (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    dedup_key         VARCHAR(300)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type        VARCHAR(64)   NOT NULL,
    transmission_id   VARCHAR(100)  NULL,
    transmission_time VARCHAR(40)   NULL,
    retried_count     INT           NULL,
    order_id          VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    payment_key       VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    claimed_status    VARCHAR(32)   NULL,
    raw_body          LONGTEXT      NOT NULL,
    remote_addr       VARCHAR(64)   NULL,
    state             VARCHAR(16)   NOT NULL,
    outcome           VARCHAR(500)  NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    next_attempt_at   DATETIME(6)   NOT NULL,
    received_at       DATETIME(6)   NOT NULL,
    processed_at      DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_log_dedup (dedup_key),
    KEY ix_webhook_log_due (state, next_attempt_at),
    KEY ix_webhook_log_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Virtual accounts: where the customer pays, until when, and the secret Toss's DEPOSIT_CALLBACK must carry.
-- The refund account is what the customer gave at checkout; Toss needs it to refund a deposited account.
ALTER TABLE payment
    ADD COLUMN pg_secret           VARCHAR(50)  NULL AFTER review_reason,
    ADD COLUMN va_bank_code        VARCHAR(8)   NULL AFTER pg_secret,
    ADD COLUMN va_account_number   VARCHAR(20)  NULL AFTER va_bank_code,
    ADD COLUMN va_due_at           DATETIME(6)  NULL AFTER va_account_number,
    ADD COLUMN refund_bank_code    VARCHAR(8)   NULL AFTER va_due_at,
    ADD COLUMN refund_account_no   VARCHAR(20)  NULL AFTER refund_bank_code,
    ADD COLUMN refund_holder_name  VARCHAR(60)  NULL AFTER refund_account_no;
