package io.factoryops.events;

import io.factoryops.platform.json.JsonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The one way a feature tells integrators about a change: {@link #publish} writes the event in the caller's
 * transaction (MANDATORY), so it commits or rolls back with the change it describes. The data is the resource as the
 * API answers it (a response record), written as the API writes JSON (snake_case, {@link JsonConfig}). One INSERT
 * per event; numbering, the feed and webhook deliveries happen after commit, off the request.
 *
 * <p>What an event costs its request is measured: the metric {@code events_publish_seconds} times the JSON and the
 * INSERT of the event alone (the caller's own pending writes are flushed first, outside the measure).
 */
@ApplicationScoped
public class EventPublisher {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    /**
     * Writes an event about the resource {@code subject} (its id) of {@code type}'s collection.
     *
     * @param data the resource as the API answers it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, Object subject, Object data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        String id = String.valueOf(Objects.requireNonNull(subject, "subject"));
        if (id.length() > StoredEvent.SUBJECT_MAX) {
            throw new IllegalArgumentException("An event's subject is at most " + StoredEvent.SUBJECT_MAX + " chars");
        }
        em.flush(); // the caller's writes, which its commit would flush anyway: not the event's cost
        long start = System.nanoTime();
        em.persist(new StoredEvent(
                UUID.randomUUID().toString(),
                type,
                id,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                JsonConfig.jsonb().toJson(data)));
        em.flush();
        metrics.timer("events.publish").update(Duration.ofNanos(System.nanoTime() - start));
    }
}
