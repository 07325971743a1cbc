package io.factoryops.platform.ratelimit;

import io.factoryops.platform.db.DatabaseKind;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.AbstractJdbcProxyManagerBuilder;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Buckets in the table {@code rate_limit_buckets} (V21) through Bucket4j's MySQL or PostgreSQL backend, so
 * every server of a cluster counts against the same buckets. A write is one short transaction ({@code SELECT …
 * FOR UPDATE} of the bucket's row, then its update; a missing row is inserted first, {@code INSERT IGNORE} on
 * MySQL, {@code ON CONFLICT DO NOTHING} on PostgreSQL, each backend's own SQL).
 *
 * <p>The login buckets ({@link #bucket}) write each consumption. The buckets every request meets
 * ({@link #requestBucket}) are leased: this server takes up to {@code leaseTokens} tokens in one write and
 * hands them to requests from memory for at most {@code leaseTime} ({@link LeasedBucket}, which states the
 * bound: at most refill rate × lease time requests past a limit, whatever the number of servers).
 * {@code leaseTokens = 1} writes every request. The leased buckets are kept per key
 * ({@value #MAX_TRACKED_KEYS} at most; beyond, they are forgotten with what their leases still held).
 *
 * <p>The row's id is the SHA-256
 * of the bucket's key (bounded length, and no address or login in the table); a row expires
 * {@value #GRACE_SECONDS} s after its bucket would be full again and is then deleted by the purge timer
 * ({@link RateLimitBucketPurge}): a deleted bucket comes back full, which it would be anyway.
 *
 * <p>The data source is not transactional (see {@code db/mysql.xml}, {@code db/postgresql.xml}): Bucket4j commits its own
 * transactions, also when the caller runs in a container transaction.
 */
final class DatabaseBucketStore implements BucketStore {

    static final String TABLE = "rate_limit_buckets";
    static final long GRACE_SECONDS = 10;
    static final int MAX_TRACKED_KEYS = 200_000;

    private final ProxyManager<String> buckets;
    private final ExpiredEntriesCleaner expired;
    private final String jndiName;
    private final long leaseTokens;
    private final Duration leaseTime;
    private final Duration queryTimeout;
    private final Map<String, RequestBucket> requestBuckets = new ConcurrentHashMap<>();

    DatabaseBucketStore(
            DataSource dataSource,
            DatabaseKind kind,
            String jndiName,
            Duration queryTimeout,
            long leaseTokens,
            Duration leaseTime) {
        this.jndiName = jndiName;
        this.leaseTokens = Math.max(1, leaseTokens);
        this.leaseTime = leaseTime;
        this.queryTimeout = queryTimeout;
        var manager = switch (kind) {
            case MYSQL ->
                configure(
                        Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING),
                        queryTimeout);
            case POSTGRESQL ->
                configure(
                        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                                .primaryKeyMapper(PrimaryKeyMapper.STRING),
                        queryTimeout);
            case H2 -> throw new IllegalArgumentException("Bucket4j has no backend for H2");
        };
        this.buckets = manager;
        this.expired = manager;
    }

    /** The table and columns of V21, the expiry and the timeout, the same for every backend. */
    private static <
                    P extends ProxyManager<String> & ExpiredEntriesCleaner,
                    B extends AbstractJdbcProxyManagerBuilder<String, P, B>>
            P configure(B builder, Duration queryTimeout) {
        return builder.table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(GRACE_SECONDS)))
                .requestTimeout(queryTimeout)
                .build();
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(id(key), () -> configuration);
    }

    @Override
    public RequestBucket requestBucket(String key, BucketConfiguration configuration) {
        RequestBucket bucket = requestBuckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (requestBuckets.size() >= MAX_TRACKED_KEYS) {
            requestBuckets.clear(); // bounded memory under a flood of distinct keys (see the class comment)
        }
        // the lease lives in the bucket object: one per key, built once
        Bandwidth limit = configuration.getBandwidths()[0];
        long nanosPerToken = limit.getRefillPeriodNanos() / Math.max(1, limit.getRefillTokens());
        return requestBuckets.computeIfAbsent(
                key,
                k -> new LeasedBucket(
                        bucket(k, configuration),
                        leaseTokens,
                        leaseTime.toNanos(),
                        nanosPerToken,
                        queryTimeout.plusSeconds(1).toNanos(),
                        System::nanoTime));
    }

    @Override
    public int purgeExpired(int limit) {
        return expired.removeExpired(limit);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String description() {
        return "in the database (" + jndiName + ", table " + TABLE + "), shared by every server; request limits"
                + (leaseTokens <= 1
                        ? " written at each request"
                        : " leased up to " + leaseTokens + " tokens at a time, each lease kept " + leaseTime.toMillis()
                                + " ms at most");
    }

    static String id(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
