-- Issue #6: the easy-pay provider of a sale (fees can differ per provider), and reconciliation with Toss.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept.
ALTER TABLE settlement_entry ADD COLUMN easy_pay_provider VARCHAR(100) NULL AFTER method;

-- One row per Korean sales date that was reconciled; re-running a date updates its row.
CREATE TABLE reconciliation_run (
    sales_date      DATE         NOT NULL,
    status          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    runs            INT          NOT NULL,
    ledger_rows     INT          NOT NULL,
    toss_rows       INT          NOT NULL,
    open_mismatches INT          NOT NULL,
    last_error      VARCHAR(500) NULL,
    started_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    PRIMARY KEY (sales_date),
    CONSTRAINT ck_reconciliation_run_status CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every difference found between the ledger and Toss's settlement rows, one row per transaction and kind. A re-run
-- of the date updates the row (still there: OPEN, last_detected_at moves) or resolves it (gone: RESOLVED).
CREATE TABLE reconciliation_mismatch (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    sales_date       DATE         NOT NULL,
    payment_key      VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    transaction_key  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id         VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    kind             VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ledger_value     VARCHAR(64)  NULL,
    toss_value       VARCHAR(64)  NULL,
    status           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_detected_at DATETIME(6) NOT NULL,
    last_detected_at DATETIME(6)  NOT NULL,
    resolved_at      DATETIME(6)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reconciliation_mismatch (sales_date, payment_key, transaction_key, kind),
    KEY ix_reconciliation_mismatch_status (status, sales_date),
    CONSTRAINT ck_reconciliation_mismatch_status CHECK (status IN ('OPEN', 'RESOLVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
