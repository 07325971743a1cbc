package io.factoryops.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RateLimiterTest {

    private static RateLimiter limiter(long authenticated, long anonymous, long login) {
        RateLimiter limiter = new RateLimiter();
        limiter.authenticatedPerMinute = authenticated;
        limiter.anonymousPerMinute = anonymous;
        limiter.loginPerMinute = login;
        limiter.accountLoginsPerMinute = 3;
        limiter.accountFailuresPerHour = 5;
        limiter.store = new MemoryBucketStore();
        return limiter;
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() {
        RateLimiter limiter = limiter(100, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.forAnonymous("10.0.0.1").allowed());
        }
        RateLimiter.Decision refused = limiter.forAnonymous("10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertTrue(refused.resetSeconds() >= 1);
        assertEquals("3", refused.headers().get("RateLimit-Limit"));
        assertTrue(Long.parseLong(refused.headers().get("Retry-After")) >= 1);
        assertTrue(limiter.forAnonymous("10.0.0.2").allowed(), "another address has its own bucket");
    }

    @Test
    void principalsHaveTheirOwnBuckets() {
        RateLimiter limiter = limiter(2, 1, 10);
        assertEquals(1, limiter.forPrincipal("ann").remaining());
        assertTrue(limiter.forPrincipal("ann").allowed());
        assertFalse(limiter.forPrincipal("ann").allowed());
        assertTrue(limiter.forPrincipal("bob").allowed());
    }

    @Test
    void loginIsLimitedPerAddressAndAccountIgnoringCase() {
        RateLimiter limiter = limiter(100, 100, 2);
        limiter.checkLogin("10.0.0.1", "Ann");
        limiter.checkLogin("10.0.0.1", "ann");
        ApiException e = assertThrows(ApiException.class, () -> limiter.checkLogin("10.0.0.1", "ANN"));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertTrue(e.headers().containsKey("Retry-After"));
        limiter.checkLogin("10.0.0.1", "bob");
        limiter.checkLogin("10.0.0.9", "ann");
    }

    @Test
    void loginAttemptsAlsoCountPerAccountAcrossAddresses() {
        RateLimiter limiter = limiter(100, 100, 10);
        limiter.checkAccountLogin("42");
        limiter.checkAccountLogin("42");
        limiter.checkAccountLogin("42");
        ApiException e = assertThrows(ApiException.class, () -> limiter.checkAccountLogin("42"));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals("3", e.headers().get("RateLimit-Limit"));
        assertTrue(Long.parseLong(e.headers().get("Retry-After")) >= 1);
        limiter.checkAccountLogin("43");
    }

    /**
     * Buckets that cannot be read: general limits let requests through, login limits answer 503; after the
     * first failure the store is left alone for a few seconds (an outage must not cost every request a timeout).
     */
    @Test
    void anUnreachableStoreFailsOpenForRequestsAndClosedForLogins() {
        RateLimiter limiter = limiter(100, 100, 10);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        limiter.store = new BucketStore() {
            @Override
            public Bucket bucket(String key, BucketConfiguration configuration) {
                asked.incrementAndGet();
                throw new IllegalStateException("database unreachable");
            }

            @Override
            public int purgeExpired(int limit) {
                return 0;
            }

            @Override
            public boolean shared() {
                return true;
            }

            @Override
            public String description() {
                return "nowhere";
            }
        };
        assertNull(limiter.forPrincipal("ann"));
        assertNull(limiter.forAnonymous("10.0.0.1"));
        for (Executable login : List.<Executable>of(
                () -> limiter.checkLogin("10.0.0.1", "ann"),
                () -> limiter.checkAccountLogin("42"),
                () -> limiter.checkAccountFailures("42"),
                () -> limiter.countAccountFailure("42"))) {
            ApiException e = assertThrows(ApiException.class, login);
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
            assertEquals(
                    io.factoryops.platform.error.DatabaseUnavailable.RETRY_AFTER_SECONDS,
                    e.headers().get("Retry-After"));
        }
        assertEquals(
                1, asked.get(), "the store was asked again within " + RateLimiter.UNREACHABLE_PAUSE_SECONDS + " s");
    }

    @Test
    void databaseBucketIdsAreBoundedHashesOfTheKey() {
        String id = DatabaseBucketStore.id("login:10.0.0.1|" + "a".repeat(255));
        assertEquals(64, id.length());
        assertEquals(id, DatabaseBucketStore.id("login:10.0.0.1|" + "a".repeat(255)));
        assertFalse(id.equals(DatabaseBucketStore.id("login:10.0.0.2|" + "a".repeat(255))));
    }
}
