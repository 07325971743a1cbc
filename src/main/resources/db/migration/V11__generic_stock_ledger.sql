-- One stock ledger for everything that is counted (issue 11). A stock item owns a quantity: a
-- product's now, a part's later. Products lose stock_quantity and reorder_level to their stock item;
-- the ledger's rows point at stock items instead of products, and their references become typed.
-- Nothing is lost: each product gets one stock item holding its stock, reorder level and label, and
-- every ledger row keeps its id, delta, quantity after and time, so that each product's ledger still
-- sums to its stock.
-- Portable to H2 (MODE=LEGACY) and MySQL/MariaDB: no MODIFY COLUMN (H2 lacks it), no ALTER COLUMN
-- SET NOT NULL (MariaDB lacks it): NOT NULL columns are added with a default that is dropped after
-- they are filled.

CREATE TABLE stock_items (
    id            BIGINT       AUTO_INCREMENT PRIMARY KEY,
    kind          VARCHAR(10)  NOT NULL,
    owner_id      BIGINT,
    sku           VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    quantity      INT          NOT NULL,
    reorder_level INT          NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    alerted       BOOLEAN      NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uq_stock_items_owner UNIQUE (kind, owner_id),
    CONSTRAINT ck_stock_items_quantity CHECK (quantity >= 0),
    CONSTRAINT ck_stock_items_reorder CHECK (reorder_level >= 0)
);
CREATE INDEX ix_stock_items_status ON stock_items (kind, status, id);

INSERT INTO stock_items (kind, owner_id, sku, name, quantity, reorder_level, status, alerted, active,
                         created_at, updated_at, version)
SELECT 'PRODUCT', id, sku, name, stock_quantity, reorder_level,
       CASE WHEN stock_quantity = 0 THEN 'OUT_OF_STOCK'
            WHEN stock_quantity <= reorder_level THEN 'LOW_STOCK'
            ELSE 'IN_STOCK' END,
       CASE WHEN stock_quantity <= reorder_level THEN TRUE ELSE FALSE END,
       TRUE, created_at, updated_at, 0
FROM products ORDER BY id;

ALTER TABLE products ADD COLUMN stock_item_id BIGINT NOT NULL DEFAULT 0;
UPDATE products SET stock_item_id =
    (SELECT s.id FROM stock_items s WHERE s.kind = 'PRODUCT' AND s.owner_id = products.id);
ALTER TABLE products ALTER COLUMN stock_item_id DROP DEFAULT;
ALTER TABLE products ADD CONSTRAINT fk_products_stock_item FOREIGN KEY (stock_item_id) REFERENCES stock_items (id);
ALTER TABLE products ADD CONSTRAINT uq_products_stock_item UNIQUE (stock_item_id);
ALTER TABLE products DROP CONSTRAINT ck_products_stock;
ALTER TABLE products DROP COLUMN stock_quantity;
ALTER TABLE products DROP COLUMN reorder_level;

ALTER TABLE stock_movements ADD COLUMN stock_item_id BIGINT NOT NULL DEFAULT 0;
UPDATE stock_movements SET stock_item_id =
    (SELECT s.id FROM stock_items s WHERE s.kind = 'PRODUCT' AND s.owner_id = stock_movements.product_id);
ALTER TABLE stock_movements ALTER COLUMN stock_item_id DROP DEFAULT;
UPDATE stock_movements SET reference_type = 'ORDER' WHERE reference_type = 'order';
UPDATE stock_movements SET reference_type = 'PRODUCTION_RECORD' WHERE reference_type = 'production';
ALTER TABLE stock_movements DROP CONSTRAINT fk_stock_movements_product;
DROP INDEX ix_stock_movements_product ON stock_movements;
ALTER TABLE stock_movements DROP COLUMN product_id;
ALTER TABLE stock_movements ADD CONSTRAINT fk_stock_movements_item FOREIGN KEY (stock_item_id) REFERENCES stock_items (id);
CREATE INDEX ix_stock_movements_item ON stock_movements (stock_item_id, id);
