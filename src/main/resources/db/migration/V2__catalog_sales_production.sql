-- Products, customers, orders, production records, the stock ledger and idempotency keys.
-- Portable SQL: H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+.

CREATE TABLE products (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    sku            VARCHAR(64)    NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    description    VARCHAR(2000),
    price          DECIMAL(12, 2) NOT NULL,
    stock_quantity INT            NOT NULL,
    reorder_level  INT            NOT NULL,
    category       VARCHAR(100),
    created_at     DATETIME(6)    NOT NULL,
    updated_at     DATETIME(6)    NOT NULL,
    version        BIGINT         NOT NULL,
    CONSTRAINT uq_products_sku UNIQUE (sku),
    CONSTRAINT ck_products_stock CHECK (stock_quantity >= 0),
    CONSTRAINT ck_products_price CHECK (price >= 0)
);
CREATE INDEX ix_products_name ON products (name);
CREATE INDEX ix_products_category ON products (category);
CREATE INDEX ix_products_price ON products (price);

CREATE TABLE stock_movements (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id     BIGINT       NOT NULL,
    delta          INT          NOT NULL,
    quantity_after INT          NOT NULL,
    reason         VARCHAR(30)  NOT NULL,
    reference_type VARCHAR(30),
    reference_id   BIGINT,
    note           VARCHAR(500),
    actor          VARCHAR(255),
    request_id     VARCHAR(64),
    occurred_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_stock_movements_product FOREIGN KEY (product_id) REFERENCES products (id)
);
CREATE INDEX ix_stock_movements_product ON stock_movements (product_id, id);
CREATE INDEX ix_stock_movements_reference ON stock_movements (reference_type, reference_id);

CREATE TABLE customers (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(255) NOT NULL,
    phone       VARCHAR(50),
    address     VARCHAR(500),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_customers_email UNIQUE (email)
);
CREATE INDEX ix_customers_name ON customers (name);

CREATE TABLE orders (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT         NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    order_date    DATETIME(6)    NOT NULL,
    subtotal      DECIMAL(14, 2) NOT NULL,
    tax_rate      DECIMAL(6, 4)  NOT NULL,
    tax           DECIMAL(14, 2) NOT NULL,
    total         DECIMAL(14, 2) NOT NULL,
    created_by_id BIGINT         NOT NULL,
    created_by    VARCHAR(50)    NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_orders_customer ON orders (customer_id, order_date);
CREATE INDEX ix_orders_status ON orders (status, order_date);
CREATE INDEX ix_orders_date ON orders (order_date);
CREATE INDEX ix_orders_creator ON orders (created_by_id, order_date);
CREATE INDEX ix_orders_total ON orders (total);

CREATE TABLE order_lines (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id    BIGINT         NOT NULL,
    line_no     INT            NOT NULL,
    product_id  BIGINT         NOT NULL,
    quantity    INT            NOT NULL,
    unit_price  DECIMAL(12, 2) NOT NULL,
    line_total  DECIMAL(14, 2) NOT NULL,
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_order_lines_order ON order_lines (order_id, line_no);
CREATE INDEX ix_order_lines_product ON order_lines (product_id);

CREATE TABLE production_records (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    employee_id     BIGINT      NOT NULL,
    product_id      BIGINT      NOT NULL,
    quantity        INT         NOT NULL,
    production_date DATE        NOT NULL,
    created_by      VARCHAR(50) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_production_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
    CONSTRAINT fk_production_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_production_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_production_employee ON production_records (employee_id, production_date);
CREATE INDEX ix_production_product ON production_records (product_id, production_date);
CREATE INDEX ix_production_date ON production_records (production_date);

CREATE TABLE idempotency_keys (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    principal     VARCHAR(255) NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INT,
    content_type  VARCHAR(100),
    location      VARCHAR(500),
    response_body MEDIUMTEXT,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_idempotency_keys UNIQUE (principal, idem_key)
);
CREATE INDEX ix_idempotency_keys_expiry ON idempotency_keys (expires_at);
