package io.factoryops.platform.idempotency;

import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores idempotency keys, each change in a transaction of its own so that concurrent requests with
 * the same key see the reservation at once: the first inserts it (the unique key decides), the others
 * wait for its response and replay it. Expired keys are invisible, and purged by the
 * {@link io.factoryops.platform.retention.PurgeScheduler}.
 */
@ApplicationScoped
public class IdempotencyService implements ExpiringRows {

    /** Reservations older than this are taken to belong to a request that died. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "factory.idempotency.ttl-hours", defaultValue = "24")
    long ttlHours;

    /** What a reservation attempt found. */
    public sealed interface Outcome permits Reserved, Existing {
    }

    /** This request owns the key now. */
    public record Reserved(long id) implements Outcome {
    }

    /** The key is taken: by an answered request (status set) or one in progress. */
    public record Existing(String requestHash, Integer status, String contentType, String location, String etag,
                           String body, boolean abandoned) implements Outcome {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Existing> find(String principal, String key) {
        return em.createNamedQuery("IdempotencyRecord.find", IdempotencyRecord.class)
                .setParameter("principal", principal).setParameter("key", key)
                .getResultStream().filter(r -> !r.isExpired()).findFirst()
                .map(r -> new Existing(r.getRequestHash(), r.getStatus(), r.getContentType(), r.getLocation(),
                        r.getEtag(), r.getResponseBody(), r.getStatus() == null
                        && r.getCreatedAt().isBefore(Instant.now().minus(ABANDONED_AFTER))));
    }

    /** Inserts the reservation; empty when another request holds the key (unique constraint). */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = PersistenceException.class)
    public Optional<Reserved> reserve(String principal, String key, String requestHash) {
        em.createNamedQuery("IdempotencyRecord.dropExpired").setParameter("principal", principal)
                .setParameter("key", key).setParameter("now", Instant.now()).executeUpdate();
        IdempotencyRecord record = new IdempotencyRecord(principal, key, requestHash,
                Instant.now().plus(Duration.ofHours(ttlHours)));
        em.persist(record);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.isViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new Reserved(record.getId()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(long id, int status, String contentType, String location, String etag, String body) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        if (record != null) {
            record.complete(status, contentType, location, etag, body);
        }
    }

    @Override
    public String name() {
        return "idempotency_keys";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int limit) {
        List<Long> ids = em.createQuery("SELECT r.id FROM IdempotencyRecord r WHERE r.expiresAt < :now", Long.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.id IN :ids")
                .setParameter("ids", ids).executeUpdate();
    }

    /** Frees the key (a server error, or an abandoned reservation taken over). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String principal, String key) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.principal = :principal AND r.key = :key")
                .setParameter("principal", principal).setParameter("key", key).executeUpdate();
    }
}
