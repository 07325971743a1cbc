-- Parts (issue 11): the counted things the plant buys and consumes. A part's quantity, reorder level,
-- status and activity are its stock item's (V11); the part keeps its description and references,
-- each kept by a foreign key, so that a category, location or supplier still referred to cannot be
-- deleted (409 STILL_REFERENCED).

CREATE TABLE parts (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    sku                   VARCHAR(64)    NOT NULL,
    name                  VARCHAR(200)   NOT NULL,
    description           VARCHAR(2000),
    category_id           BIGINT,
    location_id           BIGINT,
    unit                  VARCHAR(16)    NOT NULL,
    unit_cost             DECIMAL(12, 2) NOT NULL,
    reorder_quantity      INT            NOT NULL,
    preferred_supplier_id BIGINT,
    stock_item_id         BIGINT         NOT NULL,
    created_at            DATETIME(6)    NOT NULL,
    updated_at            DATETIME(6)    NOT NULL,
    version               BIGINT         NOT NULL,
    CONSTRAINT uq_parts_sku UNIQUE (sku),
    CONSTRAINT uq_parts_stock_item UNIQUE (stock_item_id),
    CONSTRAINT fk_parts_stock_item FOREIGN KEY (stock_item_id) REFERENCES stock_items (id),
    CONSTRAINT fk_parts_category FOREIGN KEY (category_id) REFERENCES inventory_categories (id),
    CONSTRAINT fk_parts_location FOREIGN KEY (location_id) REFERENCES inventory_locations (id),
    CONSTRAINT fk_parts_supplier FOREIGN KEY (preferred_supplier_id) REFERENCES suppliers (id),
    CONSTRAINT ck_parts_unit_cost CHECK (unit_cost >= 0),
    CONSTRAINT ck_parts_reorder_quantity CHECK (reorder_quantity >= 0)
);
-- the list's filters and sorts: each filter with the default sort key, so that a page reads in order
CREATE INDEX ix_parts_category ON parts (category_id, sku);
CREATE INDEX ix_parts_location ON parts (location_id, sku);
CREATE INDEX ix_parts_supplier ON parts (preferred_supplier_id, sku);
CREATE INDEX ix_parts_name ON parts (name);
CREATE INDEX ix_parts_updated ON parts (updated_at);

-- Bills of materials: per unit of a product, the parts it takes; production consumes them through
-- the ledger. Foreign keys keep a product or a part in a bill from being deleted.
CREATE TABLE bom_lines (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id BIGINT NOT NULL,
    part_id    BIGINT NOT NULL,
    quantity   INT    NOT NULL,
    CONSTRAINT uq_bom_lines_part UNIQUE (product_id, part_id),
    CONSTRAINT fk_bom_lines_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT fk_bom_lines_part FOREIGN KEY (part_id) REFERENCES parts (id),
    CONSTRAINT ck_bom_lines_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_bom_lines_part ON bom_lines (part_id);
