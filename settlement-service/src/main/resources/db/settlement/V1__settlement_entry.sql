-- Settlement ledger: one row per Toss transaction (an approval or one cancel) of a payment, mirroring the rows
-- of Toss GET /v1/settlements. Amounts are signed KRW won: a SALE is positive; a CANCEL has a negative amount
-- and, when the fee is refunded, a negative fee and VAT. net = amount - fee - vat, so summing any set of rows
-- gives what the PG pays out for them. Rows are never updated: corrections are new rows.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept.
CREATE TABLE settlement_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    order_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_key     VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    transaction_key VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    entry_type      VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    method          VARCHAR(32)  NOT NULL,
    amount          BIGINT       NOT NULL,
    fee             BIGINT       NOT NULL,
    vat             BIGINT       NOT NULL,
    net             BIGINT       NOT NULL,
    sales_date      DATE         NOT NULL,
    payout_date     DATE         NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    event_id        CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    -- Second line of defence after the inbox: one row per Toss transaction, however often it is delivered.
    UNIQUE KEY uk_settlement_entry_transaction (payment_key, transaction_key),
    KEY ix_settlement_entry_order (order_id),
    KEY ix_settlement_entry_sales_date (sales_date),
    KEY ix_settlement_entry_payout_date (payout_date),
    CONSTRAINT ck_settlement_entry_type CHECK (entry_type IN ('SALE', 'CANCEL')),
    CONSTRAINT ck_settlement_entry_sign CHECK ((entry_type = 'SALE' AND amount > 0) OR (entry_type = 'CANCEL' AND amount < 0)),
    CONSTRAINT ck_settlement_entry_net CHECK (net = amount - fee - vat)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
