-- The purge timer deletes refresh tokens by expiry (idempotency keys and revoked access tokens
-- already have their expiry index).
CREATE INDEX ix_refresh_tokens_expiry ON refresh_tokens (expires_at);
