package io.factoryops.events;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of the event feed ({@code factory.events.*}, from {@code FACTORY_EVENTS_*}); invalid ones fail the start. */
@ApplicationScoped
public class EventSettings {

    @Inject
    @ConfigProperty(name = "factory.events.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "factory.events.poll-interval-millis", defaultValue = "1000")
    long pollIntervalMillis;

    @PostConstruct
    void validate() {
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalStateException("factory.events.retention-days must be 1 to 3650");
        }
        if (pollIntervalMillis < 100 || pollIntervalMillis > 60_000) {
            throw new IllegalStateException("factory.events.poll-interval-millis must be 100 to 60000");
        }
    }

    /** How long events stay in the feed (FACTORY_EVENTS_RETENTION_DAYS, 30). */
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** How often each server numbers new events and sends due webhooks (FACTORY_EVENTS_POLL_INTERVAL_MILLIS). */
    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMillis);
    }
}
