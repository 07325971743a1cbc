/** Purges rows that have expired (idempotency keys, refresh tokens, revoked token ids, sent mails, rate-limit buckets) on a persistent timer. */
package io.factoryops.platform.retention;
