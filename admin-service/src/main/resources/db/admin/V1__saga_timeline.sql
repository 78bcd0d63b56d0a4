-- admin-service read model of the payment/order saga, fed by payment.events and order.events.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept. Instants are UTC.

-- One row per consumed event (the timeline). The raw event JSON is kept for operators and for rebuilding
-- the read model; amount, balance_amount and cancel_cause are the facts the saga status is derived from.
CREATE TABLE saga_step (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    order_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_id       VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    service        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    summary        VARCHAR(500) NOT NULL,
    -- KRW won: the payment's total as the event states it (approved, ordered, failed or canceled payment)
    amount         BIGINT       NULL,
    -- KRW won still held after a cancel; only PAYMENT_CANCELED carries it
    balance_amount BIGINT       NULL,
    -- CancelCause of a PAYMENT_CANCELED (ORDER_CREATION_FAILED, MANUAL, EXTERNAL)
    cancel_cause   VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    payload        LONGTEXT     NOT NULL,
    recorded_at    DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_saga_step_event_id (event_id),
    KEY ix_saga_step_order (order_id, occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per order: the status derived from all its steps, kept in the same transaction as each new
-- step so the console can list and filter sagas without re-reading every timeline.
CREATE TABLE saga (
    order_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status        VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount        BIGINT      NULL,
    step_count    INT         NOT NULL,
    first_step_at DATETIME(6) NOT NULL,
    last_step_at  DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (order_id),
    KEY ix_saga_last_step (last_step_at, order_id),
    KEY ix_saga_status_last_step (status, last_step_at, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
