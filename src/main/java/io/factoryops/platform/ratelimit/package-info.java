/**
 * Per-principal, per-IP and login rate limits with Bucket4j; the buckets live in memory on H2 and in
 * the database (shared by a cluster) on MySQL/MariaDB ({@code BucketStores}).
 */
package io.factoryops.platform.ratelimit;
