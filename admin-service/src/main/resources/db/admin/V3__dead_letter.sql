-- Records that a consumer could not process and the platform's error handler published to a dead-letter
-- topic (payment.events.DLT, order.events.DLT), with their cause and origin, for operators to inspect and
-- replay (docs/dead-letters.md). One row per DLT record: (topic, dlt_partition, dlt_offset) is unique, so a
-- redelivered DLT record is stored once.
CREATE TABLE dead_letter (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    -- where the dead letter itself sits
    topic                   VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    dlt_partition           INT           NOT NULL,
    dlt_offset              BIGINT        NOT NULL,
    -- the original record, exactly as it was (the key is the orderId; the value may be unreadable)
    message_key             VARCHAR(200)  NULL,
    payload                 LONGTEXT      NULL,
    event_id                VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    event_type              VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- spring-kafka's dead-letter headers: origin and cause
    original_topic          VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    original_partition      INT           NULL,
    original_offset         BIGINT        NULL,
    original_consumer_group VARCHAR(200)  NULL,
    exception_class         VARCHAR(500)  NULL,
    exception_message       VARCHAR(4000) NULL,
    received_at             DATETIME(6)   NOT NULL,
    -- NEW until an operator replays it to its original topic, then REPLAYED (never back)
    status                  VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    replayed_at             DATETIME(6)   NULL,
    replayed_by             VARCHAR(64)   NULL,
    version                 BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_dead_letter_record (topic, dlt_partition, dlt_offset),
    KEY ix_dead_letter_status (status, id),
    KEY ix_dead_letter_original_topic (original_topic, id),
    KEY ix_dead_letter_key (message_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
