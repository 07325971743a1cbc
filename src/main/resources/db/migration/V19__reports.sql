-- Reports (issue 13): the monthly report runs, mail attachments for the outbox, and the indexes the
-- reports' live figures range over (docs: README "Reports"). Portable to H2 (MODE=LEGACY) and
-- MySQL/MariaDB.

-- A stored report: kind (INVENTORY, PURCHASE_ORDERS), the period it covers, when and how it was made.
-- One run per kind and period (uq_report_runs_period): a second trigger of the same month stores nothing.
CREATE TABLE report_runs (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(30) NOT NULL,
    period_start DATE        NOT NULL,
    period_end   DATE        NOT NULL,
    status       VARCHAR(20) NOT NULL,
    trigger_kind VARCHAR(20) NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    created_by   VARCHAR(50),
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT uq_report_runs_period UNIQUE (kind, period_start)
);
-- the list: newest first, all kinds or one
CREATE INDEX ix_report_runs_created ON report_runs (created_at, id);

-- The report itself (the JSON the report endpoint answers for that period), apart from the list's rows so
-- that a page of runs never reads a payload.
CREATE TABLE report_run_contents (
    run_id  BIGINT     NOT NULL PRIMARY KEY,
    payload MEDIUMTEXT NOT NULL,
    CONSTRAINT fk_report_run_contents_run FOREIGN KEY (run_id) REFERENCES report_runs (id)
);

-- Files attached to an outbox mail, written with it in the same transaction; deleted with it.
CREATE TABLE mail_outbox_attachments (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    mail_id      BIGINT       NOT NULL,
    file_name    VARCHAR(100) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    CONSTRAINT fk_mail_outbox_attachments_mail FOREIGN KEY (mail_id) REFERENCES mail_outbox (id) ON DELETE CASCADE
);
CREATE INDEX ix_mail_outbox_attachments_mail ON mail_outbox_attachments (mail_id, id);

-- Inventory report: the period's movements by reason (a range of the period, not the whole ledger) and
-- the slow movers (per part, "any movement since the cutoff" is one probe of this index).
CREATE INDEX ix_stock_movements_occurred ON stock_movements (occurred_at, stock_item_id);
CREATE INDEX ix_stock_movements_item_occurred ON stock_movements (stock_item_id, occurred_at);
-- Purchase-order report: overdue orders (open statuses with an expected date passed) and the period's
-- approvals; supplier report: the period's receipts and rejections.
CREATE INDEX ix_purchase_orders_status_expected ON purchase_orders (status, expected_date);
CREATE INDEX ix_purchase_orders_approved ON purchase_orders (approved_at);
CREATE INDEX ix_purchase_orders_received ON purchase_orders (received_at);
CREATE INDEX ix_purchase_orders_rejected ON purchase_orders (rejected_at);
-- Analytics report: the period's orders, covering what the top customers sum
CREATE INDEX ix_orders_date_status_customer ON orders (order_date, status, customer_id, total);
