package io.factoryops.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static RateLimiter limiter(long authenticated, long anonymous, long login) {
        RateLimiter limiter = new RateLimiter();
        limiter.authenticatedPerMinute = authenticated;
        limiter.anonymousPerMinute = anonymous;
        limiter.loginPerMinute = login;
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
}
