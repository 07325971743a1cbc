package io.factoryops.events;

import io.factoryops.platform.retention.ExpiringEntities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Events older than the retention ({@code factory.events.retention-days}) leave the feed; their deliveries go with them. */
@ApplicationScoped
public class ExpiredEvents extends ExpiringEntities {

    @Inject
    EventSettings settings;

    public ExpiredEvents() {
        super("events", "StoredEvent", "id", "occurredAt");
    }

    @Override
    protected Instant expiredBefore(Instant now) {
        return now.minus(settings.retention());
    }
}
