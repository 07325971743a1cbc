package io.factoryops.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Buckets in the table {@code rate_limit_buckets} (V21) through Bucket4j's MySQL backend: each
 * consumption is one short transaction ({@code SELECT … FOR UPDATE} of the bucket's row, then its
 * update), so every server of a cluster counts against the same buckets. The row's id is the SHA-256
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

    private final MySQLSelectForUpdateBasedProxyManager<String> buckets;
    private final String jndiName;

    DatabaseBucketStore(DataSource dataSource, String jndiName, Duration queryTimeout) {
        this.jndiName = jndiName;
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
    public int purgeExpired(int limit) {
        return buckets.removeExpired(limit);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String description() {
        return "in the database (" + jndiName + ", table " + TABLE + "), shared by every server";
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
