-- PostgreSQL's copy of db/migration/V22__sort_indexes.sql (DatabaseMigrations, VendorMigrations): the same schema, with
-- PostgreSQL's spelling of what it lacks: DROP INDEX without ON <table> (index names are per schema).
-- Otherwise the original, word for word; change neither without the other.

-- The lists' and exports' default sorts, newest first, end with the id in the same direction
-- (JpaPaging: -order_date is ORDER BY order_date DESC, id DESC), so that one index read backwards
-- serves every page and every chunk of an export after the first without sorting the rest of the
-- table. InnoDB appends the primary key to each secondary index, so (order_date) was already
-- (order_date, id) on MySQL/MariaDB; H2 needs the id named to sort by it. Production had only
-- covering indexes whose second column is not the id.
DROP INDEX ix_orders_date;
CREATE INDEX ix_orders_date ON orders (order_date, id);

CREATE INDEX ix_production_date_id ON production_records (production_date, id);

DROP INDEX ix_purchase_orders_created;
CREATE INDEX ix_purchase_orders_created ON purchase_orders (created_at, id);

DROP INDEX ix_audit_logs_time;
CREATE INDEX ix_audit_logs_time ON audit_logs (occurred_at, id);
