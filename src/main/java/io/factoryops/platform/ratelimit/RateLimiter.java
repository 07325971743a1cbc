package io.factoryops.platform.ratelimit;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) per caller: one per authenticated principal, one per client IP for
 * anonymous calls, and a stricter one per IP + username on login. Limits come from
 * {@code factory.rate-limit.*}. Buckets live in this server's memory: behind a load balancer each
 * node counts on its own.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED_KEYS = 200_000;

    @Inject
    @ConfigProperty(name = "factory.rate-limit.authenticated-per-minute", defaultValue = "1200")
    long authenticatedPerMinute;

    @Inject
    @ConfigProperty(name = "factory.rate-limit.anonymous-per-minute", defaultValue = "120")
    long anonymousPerMinute;

    @Inject
    @ConfigProperty(name = "factory.rate-limit.login-per-minute", defaultValue = "10")
    long loginPerMinute;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** The outcome of one request against its bucket, with what the RateLimit-* headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {

        public Map<String, String> headers() {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("RateLimit-Limit", Long.toString(limit));
            headers.put("RateLimit-Remaining", Long.toString(remaining));
            headers.put("RateLimit-Reset", Long.toString(resetSeconds));
            if (!allowed) {
                headers.put("Retry-After", Long.toString(Math.max(1, resetSeconds)));
            }
            return headers;
        }

        public ApiException toException(String what) {
            return new ApiException(ErrorCode.RATE_LIMITED,
                    "Too many " + what + "; retry after " + Math.max(1, resetSeconds) + " s", List.of(), headers());
        }
    }

    public Decision forPrincipal(String principal) {
        return consume("u:" + principal, authenticatedPerMinute);
    }

    public Decision forAnonymous(String clientIp) {
        return consume("ip:" + clientIp, anonymousPerMinute);
    }

    /** Counts one login attempt for this IP and username; 429 when over the login limit. */
    public void checkLogin(String clientIp, String username) {
        Decision decision = consume("login:" + clientIp + "|" + username.toLowerCase(Locale.ROOT), loginPerMinute);
        if (!decision.allowed()) {
            throw decision.toException("login attempts for this account from your address");
        }
    }

    private Decision consume(String key, long perMinute) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear(); // bounded memory under a flood of distinct keys; limits restart from full
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long resetNanos = probe.isConsumed()
                ? (perMinute - probe.getRemainingTokens()) * TimeUnit.MINUTES.toNanos(1) / perMinute
                : probe.getNanosToWaitForRefill();
        long resetSeconds = (long) Math.ceil(resetNanos / 1_000_000_000.0);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), resetSeconds);
    }
}
