-- Customer self-service registration is confirmed by mail: until the link in the mail is used, a registration
-- is only this pending row (no customer, no account, the address not taken). One pending row per address: a
-- later registration of the same address replaces it. No password: whoever confirms (reads the address's mail)
-- chooses it then. The token is stored as its SHA-256 hash; expired rows are purged by the purge timer.
CREATE TABLE customer_registrations (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(255) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    phone          VARCHAR(50),
    address        VARCHAR(500),
    token_hash     CHAR(64)     NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_customer_registrations_email UNIQUE (email),
    CONSTRAINT uq_customer_registrations_token UNIQUE (token_hash)
);
CREATE INDEX ix_customer_registrations_expires ON customer_registrations (expires_at);
