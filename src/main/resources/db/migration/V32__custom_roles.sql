-- Custom roles: a named set of permissions (io.factoryops.identity.Permission) that admins create and assign to
-- accounts beside their built-in role (users.role). An account's permissions are those of its built-in role and
-- of every custom role it holds; the access token carries them. A role still held by an account cannot be
-- deleted (409 STILL_REFERENCED): the foreign key refuses it.
-- Portable SQL: H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+.

CREATE TABLE custom_roles (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(40)  NOT NULL,
    description  VARCHAR(500),
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT uq_custom_roles_name UNIQUE (name)
);

CREATE TABLE custom_role_permissions (
    role_id     BIGINT      NOT NULL,
    permission  VARCHAR(60) NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT fk_custom_role_permissions_role FOREIGN KEY (role_id) REFERENCES custom_roles (id) ON DELETE CASCADE
);

CREATE TABLE user_custom_roles (
    user_id  BIGINT NOT NULL,
    role_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_custom_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_custom_roles_role FOREIGN KEY (role_id) REFERENCES custom_roles (id)
);
CREATE INDEX ix_user_custom_roles_role ON user_custom_roles (role_id);
