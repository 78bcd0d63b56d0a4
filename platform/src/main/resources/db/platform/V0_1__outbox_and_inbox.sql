-- Shared by every service that publishes or consumes events; each service runs it in its own schema.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept.

-- Transactional outbox: rows are inserted in the same transaction as the state change they announce,
-- then relayed to Kafka and marked sent only after the broker acknowledged them.
CREATE TABLE outbox_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic       VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    message_key VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payload     LONGTEXT      NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    sent_at     DATETIME(6)   NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_event_event_id (event_id),
    KEY ix_outbox_event_unsent (sent_at, id),
    KEY ix_outbox_event_key (message_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Consumer inbox: one row per (consumer, event) written in the same transaction as the consumer's effect,
-- so a redelivered event is recognised and changes nothing.
CREATE TABLE inbox_event (
    consumer     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_id     CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    order_id     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id),
    KEY ix_inbox_event_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
