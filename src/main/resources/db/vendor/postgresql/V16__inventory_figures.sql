-- PostgreSQL's copy of db/migration/V16__inventory_figures.sql (DatabaseMigrations, VendorMigrations): the same schema, with
-- PostgreSQL's spelling of what it lacks: DATETIME(6) as TIMESTAMP(6) (microseconds, UTC like the server).
-- Otherwise the original, word for word; change neither without the other.

-- The dashboard's inventory figures (issue 11, part 7). Those that read many parts — active, low and
-- out-of-stock parts, the stock value — and the month's spend are precomputed by the analytics refresh,
-- one row per figure, each computed by its own class (analytics: ActivePartsFigure, LowStockPartsFigure,
-- OutOfStockPartsFigure, StockValueFigure, SpendThisMonthFigure); refreshed_at is the figures' as_of.
-- The purchase orders by status are counted live (ix_purchase_orders_status).
-- Portable to H2 (MODE=LEGACY) and MySQL/MariaDB.

CREATE TABLE inventory_figures (
    figure       VARCHAR(40)    NOT NULL PRIMARY KEY,
    amount       DECIMAL(30, 2) NOT NULL,
    period_start DATE,
    refreshed_at TIMESTAMP(6),
    duration_ms  BIGINT         NOT NULL
);
INSERT INTO inventory_figures (figure, amount, period_start, refreshed_at, duration_ms) VALUES ('ACTIVE_PARTS', 0, NULL, NULL, 0);
INSERT INTO inventory_figures (figure, amount, period_start, refreshed_at, duration_ms) VALUES ('STOCK_VALUE', 0, NULL, NULL, 0);
INSERT INTO inventory_figures (figure, amount, period_start, refreshed_at, duration_ms) VALUES ('SPEND_THIS_MONTH', 0, NULL, NULL, 0);
INSERT INTO inventory_figures (figure, amount, period_start, refreshed_at, duration_ms) VALUES ('LOW_STOCK_PARTS', 0, NULL, NULL, 0);
INSERT INTO inventory_figures (figure, amount, period_start, refreshed_at, duration_ms) VALUES ('OUT_OF_STOCK_PARTS', 0, NULL, NULL, 0);

-- the active parts by status, one range each (the refresh counts them)
CREATE INDEX ix_stock_items_active_status ON stock_items (kind, active, status);
-- the month's receipts, for its spend
CREATE INDEX ix_purchase_order_receipts_received ON purchase_order_receipts (received_at);

-- The parts list filtered by stock status within a category or location subtree (status=low_stock&
-- category=…): at 100,000 parts the join of parts (category) with stock_items (status) read every part of
-- the subtree and sorted the matches (150 ms on H2, docs/BENCHMARKS.md). A part keeps a copy of its stock
-- item's status, written with it in the same transaction (PartService observes StockStatusChanged), so that
-- status × category (or location) is one index range.
ALTER TABLE parts ADD COLUMN stock_status VARCHAR(12) NOT NULL DEFAULT 'IN_STOCK';
UPDATE parts SET stock_status = (SELECT s.status FROM stock_items s WHERE s.id = parts.stock_item_id);
ALTER TABLE parts ALTER COLUMN stock_status DROP DEFAULT;
CREATE INDEX ix_parts_status_category ON parts (stock_status, category_id, sku);
CREATE INDEX ix_parts_status_location ON parts (stock_status, location_id, sku);
