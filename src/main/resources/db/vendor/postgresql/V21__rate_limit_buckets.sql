-- PostgreSQL's copy of db/migration/V21__rate_limit_buckets.sql (DatabaseMigrations, VendorMigrations): the same schema, with
-- PostgreSQL's spelling of what it lacks: BLOB/MEDIUMBLOB as BYTEA.
-- Otherwise the original, word for word; change neither without the other.

-- Token buckets of the rate limits, shared by every server of a cluster (Bucket4j's JDBC backend,
-- used on MySQL/MariaDB; on H2 the buckets stay in the server's memory and this table stays empty).
-- id: a hash of the bucket's key (no address or login stored); state: Bucket4j's serialized bucket;
-- expires_at: epoch milliseconds after which the bucket would be full again, when the purge timer
-- may delete the row.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX ix_rate_limit_buckets_expires ON rate_limit_buckets (expires_at);
