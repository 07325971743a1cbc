/** Purges rows that have expired (idempotency keys, refresh tokens, revoked token ids) on a persistent timer. */
package io.factoryops.platform.retention;
