-- Purchase orders (issue 11): drafts written by managers, approved or rejected by another admin,
-- received into stock through the ledger, one receipt document per delivery (the ledger rows of a
-- delivery refer to it). Foreign keys keep a supplier or part of a purchase order from being deleted.

CREATE TABLE purchase_orders (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    po_number        VARCHAR(40)    NOT NULL,
    supplier_id      BIGINT         NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    expected_date    DATE,
    notes            VARCHAR(2000),
    total_amount     DECIMAL(14, 2) NOT NULL,
    created_by       VARCHAR(50)    NOT NULL,
    submitted_at     DATETIME(6),
    approved_by      VARCHAR(50),
    approved_at      DATETIME(6),
    rejected_by      VARCHAR(50),
    rejected_at      DATETIME(6),
    rejection_reason VARCHAR(500),
    received_at      DATETIME(6),
    cancelled_at     DATETIME(6),
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT uq_purchase_orders_number UNIQUE (po_number),
    CONSTRAINT fk_purchase_orders_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id),
    CONSTRAINT ck_purchase_orders_total CHECK (total_amount >= 0)
);
-- the list's filters with its default sort; the dashboard's counts by status
CREATE INDEX ix_purchase_orders_status ON purchase_orders (status, created_at);
CREATE INDEX ix_purchase_orders_supplier ON purchase_orders (supplier_id, created_at);
CREATE INDEX ix_purchase_orders_created ON purchase_orders (created_at);

CREATE TABLE purchase_order_lines (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    purchase_order_id BIGINT         NOT NULL,
    line_no           INT            NOT NULL,
    part_id           BIGINT         NOT NULL,
    quantity          INT            NOT NULL,
    unit_cost         DECIMAL(12, 2) NOT NULL,
    line_total        DECIMAL(14, 2) NOT NULL,
    received_quantity INT            NOT NULL,
    CONSTRAINT fk_purchase_order_lines_order FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id),
    CONSTRAINT fk_purchase_order_lines_part FOREIGN KEY (part_id) REFERENCES parts (id),
    CONSTRAINT ck_purchase_order_lines_quantity CHECK (quantity > 0),
    CONSTRAINT ck_purchase_order_lines_received CHECK (received_quantity >= 0 AND received_quantity <= quantity),
    CONSTRAINT ck_purchase_order_lines_cost CHECK (unit_cost >= 0)
);
CREATE INDEX ix_purchase_order_lines_order ON purchase_order_lines (purchase_order_id, line_no);
CREATE INDEX ix_purchase_order_lines_part ON purchase_order_lines (part_id);

CREATE TABLE purchase_order_receipts (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    purchase_order_id BIGINT      NOT NULL,
    received_by       VARCHAR(50) NOT NULL,
    received_at       DATETIME(6) NOT NULL,
    CONSTRAINT fk_purchase_order_receipts_order FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id)
);
CREATE INDEX ix_purchase_order_receipts_order ON purchase_order_receipts (purchase_order_id);
