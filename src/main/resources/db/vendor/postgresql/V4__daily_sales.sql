-- PostgreSQL's copy of db/migration/V4__daily_sales.sql (DatabaseMigrations, VendorMigrations): the same schema, with
-- PostgreSQL's spelling of what it lacks: DATETIME(6) as TIMESTAMP(6) (microseconds, UTC like the server).
-- Otherwise the original, word for word; change neither without the other.

-- Sales per day (orders that are not cancelled), for the dashboard.
CREATE TABLE analytics_daily_sales (
    sale_date   DATE           NOT NULL PRIMARY KEY,
    orders      BIGINT         NOT NULL,
    revenue     DECIMAL(16, 2) NOT NULL,
    units       BIGINT         NOT NULL,
    computed_at TIMESTAMP(6)    NOT NULL
);
