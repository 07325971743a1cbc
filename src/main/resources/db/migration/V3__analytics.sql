-- Analytics read model: an outbox of deltas written with each business change, and summary tables
-- that the refresher (an EJB persistent timer) folds the deltas into.

CREATE TABLE analytics_deltas (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(20)    NOT NULL,
    key_id      BIGINT         NOT NULL,
    delta_day   DATE,
    quantity    BIGINT         NOT NULL,
    amount      DECIMAL(16, 2) NOT NULL,
    count_delta INT            NOT NULL,
    event_time  DATETIME(6)    NOT NULL
);

CREATE TABLE analytics_customer_summary (
    customer_id     BIGINT         NOT NULL PRIMARY KEY,
    lifetime_value  DECIMAL(16, 2) NOT NULL,
    order_count     BIGINT         NOT NULL,
    last_order_date DATETIME(6),
    computed_at     DATETIME(6)    NOT NULL
);
CREATE INDEX ix_analytics_customer_ltv ON analytics_customer_summary (lifetime_value, customer_id);

CREATE TABLE analytics_product_summary (
    product_id        BIGINT         NOT NULL PRIMARY KEY,
    quantity_sold     BIGINT         NOT NULL,
    revenue           DECIMAL(16, 2) NOT NULL,
    quantity_produced BIGINT         NOT NULL,
    computed_at       DATETIME(6)    NOT NULL
);
CREATE INDEX ix_analytics_product_sold ON analytics_product_summary (quantity_sold, product_id);

CREATE TABLE analytics_employee_summary (
    employee_id          BIGINT      NOT NULL PRIMARY KEY,
    total_quantity       BIGINT      NOT NULL,
    records              BIGINT      NOT NULL,
    last_production_date DATE,
    computed_at          DATETIME(6) NOT NULL
);
CREATE INDEX ix_analytics_employee_total ON analytics_employee_summary (total_quantity, employee_id);

CREATE TABLE analytics_daily_production (
    production_date DATE        NOT NULL,
    product_id      BIGINT      NOT NULL,
    total_produced  BIGINT      NOT NULL,
    computed_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (production_date, product_id)
);
CREATE INDEX ix_analytics_daily_total ON analytics_daily_production (production_date, total_produced);

CREATE TABLE analytics_state (
    id              INT         NOT NULL PRIMARY KEY,
    refreshed_at    DATETIME(6),
    mode            VARCHAR(20),
    duration_ms     BIGINT,
    rows_processed  BIGINT,
    last_rebuild_at DATETIME(6)
);
INSERT INTO analytics_state (id) VALUES (1);

-- the live aggregates and the refresher read these
CREATE INDEX ix_orders_customer_status ON orders (customer_id, status, order_date);
