-- Single sign-on: an account made by a sign-in through the OpenID Connect provider is tied to the provider's
-- subject (its issuer and `sub` claim), never matched by username or email; local accounts have neither.
-- The sign-in policy, one row: whether the roles single sign-on gives (admin, manager, user) may still sign in
-- with a password. Portable SQL: H2 (MODE=LEGACY), MySQL 8 / MariaDB 10.11+ and PostgreSQL.

ALTER TABLE users ADD COLUMN external_issuer VARCHAR(255);
ALTER TABLE users ADD COLUMN external_subject VARCHAR(255);
CREATE UNIQUE INDEX uq_users_external_subject ON users (external_issuer, external_subject);

CREATE TABLE sign_in_policy (
    id                      INT     NOT NULL PRIMARY KEY,
    staff_password_sign_in  BOOLEAN NOT NULL,
    version                 BIGINT  NOT NULL
);
INSERT INTO sign_in_policy (id, staff_password_sign_in, version) VALUES (1, TRUE, 0);
