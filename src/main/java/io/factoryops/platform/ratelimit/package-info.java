/** Per-principal, per-IP and login rate limits with Bucket4j. */
package io.factoryops.platform.ratelimit;
