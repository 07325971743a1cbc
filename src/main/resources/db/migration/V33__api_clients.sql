-- API clients: machines that get access tokens with the OAuth 2.0 client credentials grant (RFC 6749 §4.4,
-- POST /api/oauth/token). Each acts through a service account of its own (users.username 'client:<name>', no
-- usable password), so that audit rows, order ownership and token revocation work as for people. The secret is
-- stored as its SHA-256 hash (it is 256 random bits: a slow hash adds nothing); after a rotation the previous
-- one works until previous_secret_expires_at. The client's permissions are its own (not a role's).
-- Portable SQL: H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+.

CREATE TABLE api_clients (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id                   VARCHAR(40)  NOT NULL,
    name                        VARCHAR(40)  NOT NULL,
    account_id                  BIGINT       NOT NULL,
    secret_hash                 CHAR(64)     NOT NULL,
    previous_secret_hash        CHAR(64),
    previous_secret_expires_at  DATETIME(6),
    rate_limit_per_minute       INT          NOT NULL,
    active                      BOOLEAN      NOT NULL,
    last_used_at                DATETIME(6),
    created_by                  VARCHAR(50),
    created_at                  DATETIME(6)  NOT NULL,
    updated_at                  DATETIME(6)  NOT NULL,
    version                     BIGINT       NOT NULL,
    CONSTRAINT uq_api_clients_client_id UNIQUE (client_id),
    CONSTRAINT uq_api_clients_name UNIQUE (name),
    CONSTRAINT fk_api_clients_account FOREIGN KEY (account_id) REFERENCES users (id),
    CONSTRAINT ck_api_clients_rate_limit CHECK (rate_limit_per_minute BETWEEN 1 AND 100000)
);

CREATE TABLE api_client_permissions (
    api_client_id  BIGINT      NOT NULL,
    permission     VARCHAR(60) NOT NULL,
    PRIMARY KEY (api_client_id, permission),
    CONSTRAINT fk_api_client_permissions_client FOREIGN KEY (api_client_id) REFERENCES api_clients (id) ON DELETE CASCADE
);
