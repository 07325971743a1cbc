-- A replayed answer carries the ETag of the first one, as the OpenAPI document promises.
ALTER TABLE idempotency_keys ADD COLUMN etag VARCHAR(64);
