-- PostgreSQL's copy of db/migration/V31__demo_data.sql (DatabaseMigrations, VendorMigrations): the same schema, with
-- PostgreSQL's spelling of what it lacks: DATETIME(6) as TIMESTAMP(6) (microseconds, UTC like the server).
-- Otherwise the original, word for word; change neither without the other.

-- Demo data (FACTORY_DEMO_DATA=true): one row, written in the transaction that loads the demo plant. Its key is
-- the guard of servers that start together on an empty database: the first inserts it before anything else;
-- another's insert waits for that transaction and then fails on the key, so only one server loads. A load that
-- fails rolls back with its row, so the next start finds the database empty and loads again.
CREATE TABLE demo_data (
    id        INT          NOT NULL PRIMARY KEY,
    seed      BIGINT       NOT NULL,
    loaded_at TIMESTAMP(6)  NOT NULL
);
