-- Sales per day (orders that are not cancelled), for the dashboard.
CREATE TABLE analytics_daily_sales (
    sale_date   DATE           NOT NULL PRIMARY KEY,
    orders      BIGINT         NOT NULL,
    revenue     DECIMAL(16, 2) NOT NULL,
    units       BIGINT         NOT NULL,
    computed_at DATETIME(6)    NOT NULL
);
