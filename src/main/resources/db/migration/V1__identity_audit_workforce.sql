-- Portable SQL: runs unchanged on H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+.

CREATE TABLE users (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    username           VARCHAR(50)  NOT NULL,
    email              VARCHAR(255) NOT NULL,
    full_name          VARCHAR(100),
    password_hash      VARCHAR(255) NOT NULL,
    role               VARCHAR(20)  NOT NULL,
    active             BOOLEAN      NOT NULL,
    employee_id        BIGINT,
    customer_id        BIGINT,
    token_generation   INT          NOT NULL,
    last_login_at      DATETIME(6),
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_email UNIQUE (email)
);
CREATE INDEX ix_users_role ON users (role, active);

CREATE TABLE refresh_tokens (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT      NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    family_id   CHAR(36)    NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6),
    revoked_at  DATETIME(6),
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE revoked_access_tokens (
    jti         VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at  DATETIME(6) NOT NULL
);
CREATE INDEX ix_revoked_access_tokens_expiry ON revoked_access_tokens (expires_at);

CREATE TABLE audit_logs (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)  NOT NULL,
    actor        VARCHAR(255),
    action       VARCHAR(40)  NOT NULL,
    entity_type  VARCHAR(40)  NOT NULL,
    entity_id    VARCHAR(64),
    before_state MEDIUMTEXT,
    after_state  MEDIUMTEXT,
    ip           VARCHAR(64),
    user_agent   VARCHAR(512),
    request_id   VARCHAR(64)
);
CREATE INDEX ix_audit_logs_entity ON audit_logs (entity_type, entity_id);
CREATE INDEX ix_audit_logs_actor ON audit_logs (actor, occurred_at);
CREATE INDEX ix_audit_logs_time ON audit_logs (occurred_at);

CREATE TABLE employees (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    email       VARCHAR(255) NOT NULL,
    position    VARCHAR(100),
    department  VARCHAR(100),
    hire_date   DATE,
    active      BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_employees_email UNIQUE (email)
);
CREATE INDEX ix_employees_name ON employees (name);
CREATE INDEX ix_employees_department ON employees (department, active);
