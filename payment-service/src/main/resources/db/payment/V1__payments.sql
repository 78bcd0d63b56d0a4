-- payment-service schema. Instants are UTC DATETIME(6); amounts are KRW won in BIGINT.

-- One row per checkout. The orderId is ours (random, unguessable) and is what the browser hands to Toss.
CREATE TABLE payment (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    order_id             VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id          VARCHAR(64)   NOT NULL,
    order_name           VARCHAR(100)  NOT NULL,
    total_amount         BIGINT        NOT NULL,
    balance_amount       BIGINT        NOT NULL,
    currency             CHAR(3)       NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    payment_key          VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    method               VARCHAR(32)   NULL,
    easy_pay_provider    VARCHAR(64)   NULL,
    approval_tx_key      VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    last_transaction_key VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    approved_at          DATETIME(6)   NULL,
    failure_code         VARCHAR(64)   NULL,
    failure_message      VARCHAR(510)  NULL,
    created_at           DATETIME(6)   NOT NULL,
    expires_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_order_id (order_id),
    KEY ix_payment_status_expires (status, expires_at),
    KEY ix_payment_customer (customer_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was bought, priced by the catalog at checkout; carried in PAYMENT_APPROVED so the order can be created.
CREATE TABLE payment_item (
    payment_id   BIGINT       NOT NULL,
    line_no      INT          NOT NULL,
    product_id   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_name VARCHAR(200) NOT NULL,
    quantity     INT          NOT NULL,
    unit_price   BIGINT       NOT NULL,
    PRIMARY KEY (payment_id, line_no),
    CONSTRAINT fk_payment_item_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Written before Toss is called: a second confirm of the same order, or a replay of the same paymentKey
-- for another order, can never reach Toss twice (invariant 1).
CREATE TABLE payment_order_mapping (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    order_id    VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_key VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_order_mapping_order (order_id),
    UNIQUE KEY uk_payment_order_mapping_key (payment_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every request we send to the PG, recorded with its Idempotency-Key BEFORE it is sent, so a re-send after a
-- network failure carries the same key, and operators can see what was asked of Toss and what it answered.
CREATE TABLE pg_request (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    idempotency_key VARCHAR(300) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    order_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    attempt         INT          NOT NULL,
    outcome         VARCHAR(32)  NULL,
    http_status     INT          NULL,
    error_code      VARCHAR(64)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    completed_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_pg_request_key (idempotency_key),
    KEY ix_pg_request_order (order_id, kind, attempt)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refunds (cancels) we asked Toss for, each with its own request id and lifecycle.
CREATE TABLE payment_cancel (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    request_id      VARCHAR(80)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    cause           VARCHAR(32)  NOT NULL,
    cancel_amount   BIGINT       NULL,
    cancel_reason   VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    transaction_key VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    last_error      VARCHAR(500) NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    completed_at    DATETIME(6)  NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_cancel_request (request_id),
    UNIQUE KEY uk_payment_cancel_tx (transaction_key),
    KEY ix_payment_cancel_due (status, next_attempt_at),
    KEY ix_payment_cancel_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Confirm attempts refused before reaching Toss (tampered amount, unknown order, malformed key): a security trail.
CREATE TABLE security_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(48)  NOT NULL,
    order_id    VARCHAR(64)  NULL,
    detail      VARCHAR(500) NOT NULL,
    remote_addr VARCHAR(64)  NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_security_event_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
