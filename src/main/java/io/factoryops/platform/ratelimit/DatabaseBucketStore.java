package io.factoryops.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Buckets in the table {@code rate_limit_buckets} (V21) through Bucket4j's MySQL backend, so every server
 * of a cluster counts against the same buckets. A write is one short transaction ({@code SELECT … FOR
 * UPDATE} of the bucket's row, then its update).
 *
 * <p>The login buckets ({@link #bucket}) write each consumption. The buckets every request meets
 * ({@link #requestBucket}) use Bucket4j's delaying optimization: this server keeps the bucket's state from
 * its last write, decides locally, and writes what it consumed since together with the next consumption
 * once {@code syncTokens} tokens are pending or {@code syncInterval} has passed (then it also learns what
 * the other servers consumed). A server's own consumption is always in its view, so it can only miss
 * what the other servers have not written yet, at most {@code syncTokens} each: a cluster of N servers
 * lets at most (N − 1) × {@code syncTokens} requests past a limit (one server: none). The buckets are
 * kept per key ({@value #MAX_TRACKED_KEYS} at most; beyond, they are forgotten with their pending
 * tokens, at most {@code syncTokens} each). Requests of one principal on one server wait for one write
 * in flight, not for each other's row lock; {@code syncTokens = 0} writes every consumption.
 *
 * <p>The row's id is the SHA-256
 * of the bucket's key (bounded length, and no address or login in the table); a row expires
 * {@value #GRACE_SECONDS} s after its bucket would be full again and is then deleted by the purge timer
 * ({@link RateLimitBucketPurge}): a deleted bucket comes back full, which it would be anyway.
 *
 * <p>The data source is not transactional (see {@code db/mysql.xml}): Bucket4j commits its own
 * transactions, also when the caller runs in a container transaction.
 */
final class DatabaseBucketStore implements BucketStore {

    static final String TABLE = "rate_limit_buckets";
    static final long GRACE_SECONDS = 10;
    static final int MAX_TRACKED_KEYS = 200_000;

    private final MySQLSelectForUpdateBasedProxyManager<String> buckets;
    private final String jndiName;
    private final long syncTokens;
    private final Duration syncInterval;
    private final Map<String, Bucket> requestBuckets = new ConcurrentHashMap<>();

    DatabaseBucketStore(DataSource dataSource, String jndiName, Duration queryTimeout, long syncTokens,
            Duration syncInterval) {
        this.jndiName = jndiName;
        this.syncTokens = syncTokens;
        this.syncInterval = syncInterval;
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
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
    public Bucket requestBucket(String key, BucketConfiguration configuration) {
        if (syncTokens <= 0) {
            return bucket(key, configuration);
        }
        Bucket bucket = requestBuckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (requestBuckets.size() >= MAX_TRACKED_KEYS) {
            requestBuckets.clear(); // bounded memory under a flood of distinct keys (see the class comment)
        }
        // the optimization's state lives in the bucket object: one per key, built once
        return requestBuckets.computeIfAbsent(key, k -> buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(syncTokens, syncInterval)))
                .build(id(k), () -> configuration));
    }

    @Override
    public int purgeExpired(int limit) {
        return buckets.removeExpired(limit);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String description() {
        return "in the database (" + jndiName + ", table " + TABLE + "), shared by every server; request limits"
                + (syncTokens <= 0 ? " written at each request"
                        : " written every " + syncTokens + " requests or " + syncInterval.toMillis() + " ms");
    }

    static String id(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
