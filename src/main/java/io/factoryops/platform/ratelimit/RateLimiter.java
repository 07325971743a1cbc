package io.factoryops.platform.ratelimit;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.DatabaseUnavailable;
import io.factoryops.platform.error.ErrorCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) per caller: one per authenticated principal, one per client IP for
 * anonymous calls, a stricter one per IP + username on login, one per account counting its login
 * attempts from every address, and one per account counting its failed logins from every address.
 * Limits come from {@code factory.rate-limit.*}. Where the buckets live follows the database
 * ({@link BucketStores}): in memory on H2, in the database on MySQL/MariaDB, where every server of a
 * cluster counts against the same buckets: exactly for the login limits, and for the request limits
 * with a write per lease of tokens ({@link LeasedBucket}).
 *
 * <p>When the buckets cannot be read (the database is unreachable or too slow), the general limits of
 * {@link #forPrincipal} and {@link #forAnonymous} let the request through (fail open: it meets the
 * database itself next, and answers 503 if the database is down), while the login limits answer 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After} (fail closed: password guessing must not go
 * uncounted while the counter is away). After such a failure the buckets are not asked again for
 * {@value #UNREACHABLE_PAUSE_SECONDS} s: while the database hangs, every request would otherwise wait for its
 * own timeout here before meeting the database again in its service (DatabaseOutageIT measured it).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long UNREACHABLE_PAUSE_SECONDS = 5;

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
    @ConfigProperty(name = "factory.rate-limit.login-per-account-per-minute", defaultValue = "30")
    long accountLoginsPerMinute;

    @Inject
    @ConfigProperty(name = "factory.rate-limit.login-failures-per-account-per-hour", defaultValue = "60")
    long accountFailuresPerHour;

    @Inject
    @ConfigProperty(name = "factory.registration.mails-per-address-per-hour", defaultValue = "3")
    long registrationMailsPerHour;

    @Inject
    BucketStore store;

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    /** Until when (System.nanoTime) the buckets count as unreachable without being asked; see the class comment. */
    private final AtomicLong unreachableUntil = new AtomicLong(System.nanoTime());

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
            return new ApiException(
                    ErrorCode.RATE_LIMITED,
                    "Too many " + what + "; retry after " + Math.max(1, resetSeconds) + " s",
                    List.of(),
                    headers());
        }
    }

    /**
     * The access-token claim with the caller's own request limit per minute (an API client's), which replaces
     * {@code factory.rate-limit.authenticated-per-minute} for its requests.
     */
    public static final String LIMIT_CLAIM = "rate_limit_per_minute";

    /** The principal's request limit; {@code null} (no limit applied) when the buckets cannot be read. */
    public Decision forPrincipal(String principal) {
        return failOpen(() -> request("u:" + principal, authenticatedPerMinute));
    }

    /** The principal's request limit of its own (per minute); {@code null} when the buckets cannot be read. */
    public Decision forPrincipal(String principal, long perMinute) {
        return failOpen(() -> request("c:" + principal + ":" + perMinute, perMinute));
    }

    /** The address's request limit; {@code null} (no limit applied) when the buckets cannot be read. */
    public Decision forAnonymous(String clientIp) {
        return failOpen(() -> request("ip:" + clientIp, anonymousPerMinute));
    }

    /** Counts one login attempt for this IP and username; 429 when over the login limit. */
    public void checkLogin(String clientIp, String username) {
        Decision decision = failClosed(() -> consume(
                "login:" + clientIp + "|" + username.toLowerCase(Locale.ROOT), loginPerMinute, Duration.ofMinutes(1)));
        if (!decision.allowed()) {
            throw decision.toException("login attempts for this account from your address");
        }
    }

    /**
     * Counts one login attempt against the account, whatever the address it comes from; 429 when over
     * {@code factory.rate-limit.login-per-account-per-minute}. {@code account} as for
     * {@link #checkAccountFailures}, so that its username and its email count together.
     */
    public void checkAccountLogin(String account) {
        Decision decision = failClosed(() -> consume(
                "account-login:" + account.toLowerCase(Locale.ROOT), accountLoginsPerMinute, Duration.ofMinutes(1)));
        if (!decision.allowed()) {
            throw decision.toException("login attempts for this account");
        }
    }

    /**
     * Refuses an attempt (429) while the account has used up its failed attempts, whatever the
     * addresses they came from; {@code account} is the account's id when it exists, else the login
     * string. Checked before the password is hashed, so that the flood costs no hashing either.
     */
    public void checkAccountFailures(String account) {
        failClosed(() -> {
            Bucket bucket = accountBucket(account);
            if (bucket.getAvailableTokens() < 1) {
                long resetSeconds = Math.max(1, (long)
                        Math.ceil(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() / 1_000_000_000.0));
                throw new Decision(false, accountFailuresPerHour, 0, resetSeconds)
                        .toException("failed attempts for this account");
            }
            return null;
        });
    }

    /**
     * Counts one failed attempt against the account (see {@link #checkAccountFailures}): a failed
     * login, or a refused change of the account's email.
     */
    public void countAccountFailure(String account) {
        failClosed(() -> accountBucket(account).tryConsume(1));
    }

    /**
     * Counts one customer registration naming this email address, from whatever client; whether the address may
     * still be written to (false past {@code factory.registration.mails-per-address-per-hour}), so that nobody
     * can flood an inbox through the registration form. Every registration counts, of a free address or a taken
     * one alike: the answer, and its timing, do not tell which. Fails closed (503) like the login limits.
     */
    public boolean tryRegistrationMail(String email) {
        return failClosed(() -> consume(
                        "registration:" + email.toLowerCase(Locale.ROOT), registrationMailsPerHour, Duration.ofHours(1))
                .allowed());
    }

    private Bucket accountBucket(String account) {
        return bucket("account:" + account.toLowerCase(Locale.ROOT), accountFailuresPerHour, Duration.ofHours(1));
    }

    /** One request against a request limit (per minute): the store's request bucket of this key. */
    private Decision request(String key, long perMinute) {
        Duration minute = Duration.ofMinutes(1);
        return decision(
                store.requestBucket(key, configuration(perMinute, minute)).tryConsumeOne(), perMinute, minute);
    }

    private Decision consume(String key, long capacity, Duration period) {
        return decision(bucket(key, capacity, period).tryConsumeAndReturnRemaining(1), capacity, period);
    }

    private static Decision decision(ConsumptionProbe probe, long capacity, Duration period) {
        long remaining = Math.min(capacity, probe.getRemainingTokens());
        long resetNanos = probe.isConsumed()
                ? (capacity - remaining) * period.toNanos() / capacity
                : probe.getNanosToWaitForRefill();
        long resetSeconds = (long) Math.ceil(resetNanos / 1_000_000_000.0);
        return new Decision(probe.isConsumed(), capacity, remaining, resetSeconds);
    }

    private Bucket bucket(String key, long capacity, Duration period) {
        return store.bucket(key, configuration(capacity, period));
    }

    private static BucketConfiguration configuration(long capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build();
    }

    private <T> T failOpen(Supplier<T> check) {
        return guarded(check, () -> null, "the request goes through unlimited");
    }

    private <T> T failClosed(Supplier<T> check) {
        return guarded(
                check,
                () -> {
                    throw DatabaseUnavailable.problem("Sign-in is unavailable for a moment");
                },
                "the login is refused with 503");
    }

    /**
     * The check, unless the buckets' database is unreachable: then (and while pausing after it was) what
     * {@code whenUnreachable} answers instead, the failure logged with its {@code consequence}.
     */
    private <T> T guarded(Supplier<T> check, Supplier<T> whenUnreachable, String consequence) {
        if (pausing()) {
            return whenUnreachable.get();
        }
        try {
            return check.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            unreachable();
            warn(e, consequence);
            return whenUnreachable.get();
        }
    }

    private boolean pausing() {
        return System.nanoTime() - unreachableUntil.get() < 0;
    }

    private void unreachable() {
        unreachableUntil.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(UNREACHABLE_PAUSE_SECONDS));
    }

    /** At most one warning per 30 s: an outage must not flood the log with one line per request. */
    private void warn(RuntimeException e, String consequence) {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.log(
                    Level.WARNING,
                    "Rate-limit buckets unreachable (" + e + "); " + consequence
                            + " until they answer again (logged at most every 30 s)",
                    e);
        }
    }
}
