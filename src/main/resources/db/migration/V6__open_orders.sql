-- Open orders (placed, neither shipped nor cancelled) as of the last analytics refresh: the
-- dashboard reads this number instead of counting the orders table on every request. Kept by the
-- refresher from OPEN_ORDERS deltas; recounted by every full rebuild.
ALTER TABLE analytics_state ADD COLUMN open_orders BIGINT DEFAULT 0 NOT NULL;
UPDATE analytics_state SET open_orders = (SELECT COUNT(*) FROM orders WHERE status = 'PLACED') WHERE id = 1;
