-- Suppliers (procurement), part categories and stock locations (inventory trees).
-- Portable SQL: H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+. Purchase orders and parts refer to
-- these tables by foreign key in later migrations, so that deleting a referenced row fails
-- (409 STILL_REFERENCED) instead of leaving dangling ids.

CREATE TABLE suppliers (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    code            VARCHAR(32)  NOT NULL,
    contact         VARCHAR(100),
    email           VARCHAR(255),
    phone           VARCHAR(50),
    address         VARCHAR(500),
    lead_time_days  INT,
    payment_terms   VARCHAR(50),
    active          BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_suppliers_code UNIQUE (code),
    CONSTRAINT ck_suppliers_lead_time CHECK (lead_time_days IS NULL OR lead_time_days BETWEEN 0 AND 365)
);
CREATE INDEX ix_suppliers_name ON suppliers (name);
CREATE INDEX ix_suppliers_active_name ON suppliers (active, name);
CREATE INDEX ix_suppliers_lead_time ON suppliers (lead_time_days);
CREATE INDEX ix_suppliers_created ON suppliers (created_at);

-- Trees: parent_id points into the same table; id_path is the materialised path of ids from the
-- root, '/1/4/9/' (every node's own id last), so that "this node and everything below it" is one
-- indexed prefix scan: id_path LIKE '/1/4/%'. path is the readable form shown by the API (category
-- names or location codes from the root joined with ' / ') and the sort key 'path'; depth is 1 for
-- a root. A node with children cannot be deleted (the self-reference refuses it).

CREATE TABLE inventory_categories (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL,
    parent_id   BIGINT,
    id_path     VARCHAR(220) NOT NULL,
    path        VARCHAR(640) NOT NULL,
    depth       INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    -- names never contain '/', so equal paths mean equal names among the same siblings
    CONSTRAINT uq_inventory_categories_path UNIQUE (path),
    CONSTRAINT fk_inventory_categories_parent FOREIGN KEY (parent_id) REFERENCES inventory_categories (id),
    CONSTRAINT ck_inventory_categories_depth CHECK (depth BETWEEN 1 AND 10)
);
CREATE INDEX ix_inventory_categories_parent ON inventory_categories (parent_id, name);
CREATE INDEX ix_inventory_categories_id_path ON inventory_categories (id_path);
CREATE INDEX ix_inventory_categories_name ON inventory_categories (name);

CREATE TABLE inventory_locations (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    parent_id   BIGINT,
    id_path     VARCHAR(220) NOT NULL,
    path        VARCHAR(400) NOT NULL,
    depth       INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_inventory_locations_code UNIQUE (code),
    CONSTRAINT fk_inventory_locations_parent FOREIGN KEY (parent_id) REFERENCES inventory_locations (id),
    CONSTRAINT ck_inventory_locations_depth CHECK (depth BETWEEN 1 AND 10)
);
CREATE INDEX ix_inventory_locations_parent ON inventory_locations (parent_id, code);
CREATE INDEX ix_inventory_locations_id_path ON inventory_locations (id_path);
CREATE INDEX ix_inventory_locations_path ON inventory_locations (path);
CREATE INDEX ix_inventory_locations_name ON inventory_locations (name);

-- One row per tree: every change of a tree's shape (create, rename, move, delete) locks its row
-- first (SELECT … FOR UPDATE), so that two moves can never build a cycle between them and a child
-- is never created under a node whose paths are being rewritten.
CREATE TABLE tree_locks (
    name VARCHAR(40) NOT NULL PRIMARY KEY
);
INSERT INTO tree_locks (name) VALUES ('category');
INSERT INTO tree_locks (name) VALUES ('location');
