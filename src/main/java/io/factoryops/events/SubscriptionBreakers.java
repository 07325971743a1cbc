package io.factoryops.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A circuit breaker per subscription, on this server: after {@code factory.webhooks.breaker-failures} failed calls in
 * a row the subscription's deliveries are not claimed here for {@code factory.webhooks.breaker-open-seconds}; then one
 * call tries again (half open), and a success closes it. The deliveries wait meanwhile (their backoff goes on).
 */
@ApplicationScoped
public class SubscriptionBreakers {

    private record State(int failures, Instant openUntil) {}

    private final Map<Long, State> states = new ConcurrentHashMap<>();

    @Inject
    WebhookSettings settings;

    /** The subscriptions whose circuit is open now. */
    Set<Long> open(Instant now) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().openUntil() != null
                        && e.getValue().openUntil().isAfter(now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    void succeeded(long subscription) {
        states.remove(subscription);
    }

    void failed(long subscription, Instant now) {
        states.compute(subscription, (id, s) -> {
            int failures = s == null ? 1 : s.failures() + 1;
            return new State(
                    failures, failures >= settings.breakerFailures() ? now.plus(settings.breakerOpen()) : null);
        });
    }
}
