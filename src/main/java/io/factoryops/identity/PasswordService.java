package io.factoryops.identity;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Hashes passwords with Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt; the iteration count
 * is stored in each hash, so raising {@code factory.password.iterations} keeps old hashes valid)
 * and enforces the password policy.
 *
 * <p>One hash costs about 0.2 s of one core at 210,000 iterations: at most
 * {@code factory.password.max-concurrent-hashes} (default: the number of cores less one, at least
 * one) run at once, so that a flood of logins cannot take every core from the other requests. At
 * most {@code factory.password.max-queued-hashes} (default: twice that) callers wait for a turn, each
 * at most {@code factory.password.hash-queue-wait-millis}: a waiting caller holds a server thread,
 * so the queue is short. Beyond that it is 503 {@code SERVICE_BUSY} with {@code Retry-After}.
 */
@ApplicationScoped
public class PasswordService {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "factory.password.iterations", defaultValue = "210000")
    int iterations;

    @Inject
    @ConfigProperty(name = "factory.password.min-length", defaultValue = "12")
    int minLength;

    @Inject
    @ConfigProperty(name = "factory.password.max-concurrent-hashes", defaultValue = "0")
    int maxConcurrentHashes;

    @Inject
    @ConfigProperty(name = "factory.password.hash-queue-wait-millis", defaultValue = "1000")
    long queueWaitMillis;

    @Inject
    @ConfigProperty(name = "factory.password.max-queued-hashes", defaultValue = "0")
    int maxQueuedHashes;

    @Inject
    MetricRegistry metrics;

    private String dummyHash;
    private Semaphore hashing;
    private int maxQueue;

    @PostConstruct
    void init() {
        int permits = maxConcurrentHashes > 0
                ? maxConcurrentHashes
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        maxQueue = maxQueuedHashes > 0 ? maxQueuedHashes : 2 * permits;
        hashing = new Semaphore(permits, true);
        metrics.gauge("password.hash.queue", hashing, Semaphore::getQueueLength);
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        dummyHash = hash.generate("not-a-password-0".toCharArray());
    }

    /** A random password of 24 characters that meets the policy (letters and digits, no look-alikes). */
    public String random() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder("A1");
        for (int i = 0; i < 22; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public String hash(String password) {
        return limited(() -> hash.generate(password.toCharArray()));
    }

    public boolean matches(String password, String storedHash) {
        return limited(() -> hash.verify(password.toCharArray(), storedHash));
    }

    /** Spends the time of a verification, so that an unknown account cannot be told from a wrong password. */
    public void burnVerification(String password) {
        limited(() -> hash.verify(password.toCharArray(), dummyHash));
    }

    /**
     * 503 SERVICE_BUSY at once when the queue for hashing is full: a cheap early answer, before the
     * caller spends anything else (such as a database read) on a request that would be refused.
     */
    public void requireCapacity() {
        if (hashing.availablePermits() == 0 && hashing.getQueueLength() >= maxQueue) {
            throw busy();
        }
    }

    /** Runs one hash when a permit is free within the queue wait; 503 SERVICE_BUSY otherwise. */
    private <T> T limited(Supplier<T> work) {
        requireCapacity();
        boolean acquired;
        try {
            acquired = hashing.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    private ApiException busy() {
        metrics.counter("password.hash.busy").inc();
        return ApiException.retryLater(
                ErrorCode.SERVICE_BUSY, "Too many sign-ins are being checked right now; retry in a moment", "1");
    }

    /** 400 {@code WEAK_PASSWORD} naming each broken rule. */
    public void checkPolicy(String password, String username, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (password.length() < minLength) {
            errors.add(new FieldError(field, "must be at least " + minLength + " characters"));
        }
        if (password.length() > 128) {
            errors.add(new FieldError(field, "must be at most 128 characters"));
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            errors.add(new FieldError(field, "must contain letters and digits"));
        }
        if (password.chars().distinct().count() < 4) {
            errors.add(new FieldError(field, "must use at least 4 different characters"));
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(field, "must not contain the username"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.WEAK_PASSWORD, "The password does not meet the policy", errors, Map.of());
        }
    }
}
