-- Units per order, written when it is placed, so that sales per day need no join with the lines.
ALTER TABLE orders ADD COLUMN units BIGINT DEFAULT 0 NOT NULL;
UPDATE orders SET units = (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l WHERE l.order_id = orders.id);
