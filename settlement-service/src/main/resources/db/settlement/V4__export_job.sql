-- Issue #12: the finance export run as a job with progress, for ranges too large to stream while a browser waits.
-- One row per job; it is also the job's durable queue entry (docs/durable-jobs.md): open while QUEUED or RUNNING,
-- due when next_attempt_at has come; a running attempt keeps pushing next_attempt_at ahead (its lease) while it
-- writes, so a job whose instance died is due again once that stops, and another instance takes it over.
-- active_range holds "from/to" while the job is open and NULL after: its unique key lets one job per range be in
-- flight; a second request for the same range finds the first one.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept.
CREATE TABLE export_job (
    id              CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    range_from      DATE         NOT NULL,
    range_to        DATE         NOT NULL,
    status          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    active_range    VARCHAR(21)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    progress        INT          NOT NULL DEFAULT 0,
    rows_total      BIGINT       NULL,
    rows_written    BIGINT       NOT NULL DEFAULT 0,
    file_size       BIGINT       NULL,
    requested_by    VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    error           VARCHAR(500) NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    started_at      DATETIME(6)  NULL,
    finished_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_export_job_active_range (active_range),
    KEY ix_export_job_due (status, next_attempt_at),
    KEY ix_export_job_created (created_at),
    CONSTRAINT ck_export_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_export_job_progress CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT ck_export_job_active CHECK ((status IN ('QUEUED', 'RUNNING')) = (active_range IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
