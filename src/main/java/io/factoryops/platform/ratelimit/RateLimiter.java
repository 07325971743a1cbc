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
 * anonymous calls, a stricter one per IP + username on login, and one per account counting its failed
 * logins from every address. Limits come from
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

    @Inject
    @ConfigProperty(name = "factory.rate-limit.login-failures-per-account-per-hour", defaultValue = "60")
    long accountFailuresPerHour;

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

    /**
     * Refuses an attempt (429) while the account has used up its failed attempts, whatever the
     * addresses they came from; {@code account} is the account's id when it exists, else the login
     * string. Checked before the password is hashed, so that the flood costs no hashing either.
     */
    public void checkAccountFailures(String account) {
        Bucket bucket = accountBucket(account);
        if (bucket.getAvailableTokens() < 1) {
            long resetSeconds = Math.max(1, (long) Math.ceil(
                    bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() / 1_000_000_000.0));
            throw new Decision(false, accountFailuresPerHour, 0, resetSeconds)
                    .toException("failed attempts for this account");
        }
    }

    /**
     * Counts one failed attempt against the account (see {@link #checkAccountFailures}): a failed
     * login, or a refused change of the account's email.
     */
    public void countAccountFailure(String account) {
        accountBucket(account).tryConsume(1);
    }

    private Bucket accountBucket(String account) {
        return bucket("account:" + account.toLowerCase(Locale.ROOT), accountFailuresPerHour, Duration.ofHours(1));
    }

    private Decision consume(String key, long perMinute) {
        Bucket bucket = bucket(key, perMinute, Duration.ofMinutes(1));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long resetNanos = probe.isConsumed()
                ? (perMinute - probe.getRemainingTokens()) * TimeUnit.MINUTES.toNanos(1) / perMinute
                : probe.getNanosToWaitForRefill();
        long resetSeconds = (long) Math.ceil(resetNanos / 1_000_000_000.0);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), resetSeconds);
    }

    private Bucket bucket(String key, long capacity, Duration period) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear(); // bounded memory under a flood of distinct keys; limits restart from full
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }
}
