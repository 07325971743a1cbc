package io.factoryops.events;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook settings ({@code factory.webhooks.*}, from {@code FACTORY_WEBHOOKS_*}); invalid ones fail the start.
 * The time limit of one call is MicroProfile Fault Tolerance's ({@link WebhookSender}).
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "factory.webhooks.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "factory.webhooks.allowed-hosts")
    Optional<String> allowedHostsText;

    @Inject
    @ConfigProperty(name = "factory.webhooks.retry-initial-seconds", defaultValue = "30")
    long retryInitialSeconds;

    @Inject
    @ConfigProperty(name = "factory.webhooks.retry-max-seconds", defaultValue = "21600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "factory.webhooks.retry-hours", defaultValue = "72")
    long retryHours;

    @Inject
    @ConfigProperty(name = "factory.webhooks.disable-after-seconds", defaultValue = "259200")
    long disableAfterSeconds;

    @Inject
    @ConfigProperty(name = "factory.webhooks.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "factory.webhooks.breaker-failures", defaultValue = "5")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "factory.webhooks.breaker-open-seconds", defaultValue = "60")
    long breakerOpenSeconds;

    private Set<String> allowedHosts;

    @PostConstruct
    void validate() {
        require(
                retryInitialSeconds >= 1 && retryMaxSeconds >= retryInitialSeconds,
                "factory.webhooks.retry-initial-seconds must be at least 1 and at most factory.webhooks.retry-max-seconds");
        require(retryHours >= 1 && retryHours <= 720, "factory.webhooks.retry-hours must be 1 to 720");
        require(disableAfterSeconds >= 1, "factory.webhooks.disable-after-seconds must be at least 1");
        require(leaseSeconds >= 10, "factory.webhooks.lease-seconds must be at least 10");
        require(breakerFailures >= 1 && breakerOpenSeconds >= 1, "factory.webhooks.breaker-* must be at least 1");
        allowedHosts = allowedHostsText
                .map(t -> Arrays.stream(t.split(","))
                        .map(h -> h.trim().toLowerCase(Locale.ROOT))
                        .filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** The URL policy these settings make: HTTPS and public addresses only, unless allowed. */
    public UrlPolicy urlPolicy() {
        return new UrlPolicy(allowHttp, allowedHosts, UrlPolicy.DNS);
    }

    /** When a delivery that failed {@code attempts} times is tried again: doubling, capped, ±20 % jitter. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long seconds = retryInitialSeconds << doublings;
        if (seconds <= 0 || seconds > retryMaxSeconds) {
            seconds = retryMaxSeconds;
        }
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1000, (long) (seconds * 1000 * jitter)));
    }

    /** How long a delivery is retried before it is given up. */
    public Duration retryWindow() {
        return Duration.ofHours(retryHours);
    }

    /** How long a subscription may fail without a success before it is disabled. */
    public Duration disableAfter() {
        return Duration.ofSeconds(disableAfterSeconds);
    }

    /** How long a claimed delivery is its server's; longer than a call can take. */
    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public int breakerFailures() {
        return breakerFailures;
    }

    public Duration breakerOpen() {
        return Duration.ofSeconds(breakerOpenSeconds);
    }
}
