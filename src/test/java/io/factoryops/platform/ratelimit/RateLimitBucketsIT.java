package io.factoryops.platform.ratelimit;

import static io.factoryops.platform.db.Sql.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.db.DatabaseKind;
import io.factoryops.platform.db.Sql;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.retention.ExpiredRowsPurge;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: where the buckets live follows the database (memory on H2, the table on MySQL/MariaDB and
 * PostgreSQL), and on those two stores on the same database (two servers of a cluster) count against the same
 * buckets: the request limits leased a few tokens at a time, never past what the database gave out, the login limits at
 * each attempt, also inside a container transaction; and the purge deletes the expired rows only.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitBucketsIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-ratelimit-test.war")
                .addClass(RateLimitBucketsIT.class)
                .addClass(Sql.class)
                // the application sees the server's JDBC driver through its classloader configuration
                // (server.xml, commonLibraryRef), which this test deployment does not have: it carries
                // the drivers that Bucket4j's MySQL and PostgreSQL backends name
                .addAsLibrary(jarOf(com.mysql.cj.jdbc.Driver.class))
                .addAsLibrary(jarOf(org.postgresql.Driver.class));
    }

    private static File jarOf(Class<?> type) {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().getPath());
    }

    @Inject
    BucketStore store;

    @Inject
    ExpiredRowsPurge purge;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Test
    void theStoreFollowsTheDatabase() throws Exception {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        if (product.contains("h2")) {
            assertFalse(store.shared(), store.description());
            assertEquals(0, purge.run().get(DatabaseBucketStore.TABLE));
        } else {
            assertTrue(
                    product.contains("mysql") || product.contains("mariadb") || product.contains("postgresql"),
                    product);
            assertTrue(store.shared(), store.description());
        }
    }

    @Test
    void onAServerDatabaseEveryServerCountsAgainstTheSameBuckets() throws Exception {
        if (!store.shared()) {
            return; // H2: one server, buckets in memory (theStoreFollowsTheDatabase)
        }
        String principal = "bucket-it-" + System.nanoTime();
        // two servers: each its own store over the same database, leasing up to 5 tokens at a time
        RateLimiter thisServer = limiter(server());
        RateLimiter otherServer = limiter(server());
        long start = System.nanoTime();
        assertEquals(59, thisServer.forPrincipal(principal).remaining(), "the first request leases one token");
        try (Connection c = dataSource.getConnection()) {
            long expiresAt = single(
                    c,
                    "SELECT expires_at FROM rate_limit_buckets WHERE id = ?",
                    DatabaseBucketStore.id("u:" + principal));
            assertTrue(expiresAt > System.currentTimeMillis(), "the row expires when the bucket is full again");
            assertTrue(expiresAt <= System.currentTimeMillis() + 70_000, "…a minute at most, plus the grace");
        }
        assertEquals(58, otherServer.forPrincipal(principal).remaining(), "the other server reads it");
        // this server's lease was used up at once: the next one is twice as big (2), then 4; what a lease
        // holds is counted in the database when it is taken, so the other server sees it
        assertEquals(57, thisServer.forPrincipal(principal).remaining(), "a lease of 2: 56 left in the database");
        assertEquals(56, thisServer.forPrincipal(principal).remaining(), "from the lease, no write");
        assertEquals(55, thisServer.forPrincipal(principal).remaining(), "a lease of 4: 52 left in the database");
        assertEquals(51, otherServer.forPrincipal(principal).remaining(), "a lease of 2: 50 left, 1 held");

        // nothing passes unpaid: both servers together let through what the database gave out, no more
        int allowed = 6;
        for (int i = 0; i < 200; i++) {
            if ((i % 2 == 0 ? thisServer : otherServer).forPrincipal(principal).allowed()) {
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(allowed >= 60, allowed + " allowed");
        assertTrue(allowed <= 60 + Math.ceil(seconds), allowed + " allowed in " + seconds + " s");

        // the login limits stay exact, inside a container transaction too (a password change checks the
        // login limit in one)
        transaction.begin();
        try {
            thisServer.checkAccountLogin(principal);
            ApiException refused = assertThrows(ApiException.class, () -> otherServer.checkAccountLogin(principal));
            assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        } finally {
            transaction.rollback();
        }
        ApiException stillRefused = assertThrows(ApiException.class, () -> thisServer.checkAccountLogin(principal));
        assertEquals(ErrorCode.RATE_LIMITED, stillRefused.code(), "the bucket committed on its own");
    }

    /**
     * What one server of a cluster holds: its own store over the rate limits' data source; leases of 5 tokens
     * at most, kept a minute (none expires during the test: LeasedBucketTest covers expiry).
     */
    private static DatabaseBucketStore server() throws Exception {
        DataSource buckets = (DataSource) new InitialContext().lookup(BucketStores.JNDI_NAME);
        DatabaseKind kind;
        try (Connection c = buckets.getConnection()) {
            kind = DatabaseKind.of(c);
        }
        return new DatabaseBucketStore(
                buckets, kind, BucketStores.JNDI_NAME, Duration.ofSeconds(2), 5, Duration.ofMinutes(1));
    }

    private static RateLimiter limiter(BucketStore store) {
        RateLimiter limiter = new RateLimiter();
        limiter.authenticatedPerMinute = 60;
        limiter.accountLoginsPerMinute = 1;
        limiter.store = store;
        return limiter;
    }

    @Test
    void onAServerDatabaseThePurgeDeletesExpiredBucketsOnly() throws Exception {
        if (!store.shared()) {
            return;
        }
        String key = "purge-it-" + System.nanoTime();
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(5)
                        .refillGreedy(5, Duration.ofMinutes(1))
                        .build())
                .build();
        store.bucket(key + "-live", config).tryConsume(1);
        store.bucket(key + "-expired", config).tryConsume(1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE rate_limit_buckets SET expires_at = ? WHERE id = ?")) {
            s.setLong(1, System.currentTimeMillis() - 1_000);
            s.setString(2, DatabaseBucketStore.id(key + "-expired"));
            assertEquals(1, s.executeUpdate());
        }

        Map<String, Integer> deleted = purge.run();

        assertTrue(deleted.get(DatabaseBucketStore.TABLE) >= 1, deleted::toString);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(
                    0,
                    single(
                            c,
                            "SELECT COUNT(*) FROM rate_limit_buckets WHERE id = ?",
                            DatabaseBucketStore.id(key + "-expired")));
            assertEquals(
                    1,
                    single(
                            c,
                            "SELECT COUNT(*) FROM rate_limit_buckets WHERE id = ?",
                            DatabaseBucketStore.id(key + "-live")));
            assertFalse(
                    single(
                                    c,
                                    "SELECT COUNT(*) FROM rate_limit_buckets WHERE expires_at < ?",
                                    System.currentTimeMillis() - 1_000)
                            > 0,
                    "nothing expired is left");
        }
        // a purged bucket comes back full
        assertEquals(5, store.bucket(key + "-expired", config).getAvailableTokens());
    }
}
