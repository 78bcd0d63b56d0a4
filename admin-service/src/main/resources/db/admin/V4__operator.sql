-- The people who sign in to admin-service (operators and finance staff) and their roles (docs/security.md).
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept. Instants are UTC.

-- One row per account. The username is what people type and what other services record as X-Operator in their
-- audit, so it is plain ASCII (a-z, 0-9, . _ @ -), stored lower-case and compared exactly.
CREATE TABLE operator (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    username        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    -- BCrypt ($2a$10$...): 60 characters
    password_hash   VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    -- wrong passwords since the last successful sign-in or the last lock; at shop.admin.sign-in.max-failed-attempts
    -- the account is locked until locked_until
    failed_attempts INT          NOT NULL,
    locked_until    DATETIME(6)  NULL,
    last_sign_in_at DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_operator_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The roles an operator holds, any number of VIEWER, OPERATOR, FINANCE, ADMIN. None implies another.
CREATE TABLE operator_role (
    operator_id BIGINT      NOT NULL,
    role        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (operator_id, role),
    KEY ix_operator_role_role (role, operator_id),
    CONSTRAINT fk_operator_role_operator FOREIGN KEY (operator_id) REFERENCES operator (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
