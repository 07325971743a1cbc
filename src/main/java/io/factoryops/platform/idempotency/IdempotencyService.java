package io.factoryops.platform.idempotency;

import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.json.JsonConfig;
import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /**
     * Reservations without an outcome older than this are taken to belong to a request that died. Only a
     * heuristic of liveness: a takeover is safe at any age (see {@link IdempotencyFilter}); this one is well past
     * the transaction timeout (FACTORY_TRANSACTION_TIMEOUT, 60 s), so that a live request is not disturbed.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "factory.idempotency.ttl-hours", defaultValue = "24")
    long ttlHours;

    /** What a reservation attempt found. */
    public sealed interface Outcome permits Reserved, Existing {}

    /** This request owns the key now. */
    public record Reserved(long id) implements Outcome {}

    /** The key is taken: by an answered request (status set) or one in progress. */
    public record Existing(
            long id,
            String requestHash,
            Integer status,
            String contentType,
            String location,
            String etag,
            String body,
            boolean abandoned)
            implements Outcome {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Existing> find(String principal, String key) {
        return em.createNamedQuery("IdempotencyRecord.find", IdempotencyRecord.class)
                .setParameter("principal", principal)
                .setParameter("key", key)
                .getResultStream()
                .filter(r -> !r.isExpired())
                .findFirst()
                .map(r -> new Existing(
                        r.getId(),
                        r.getRequestHash(),
                        r.getStatus(),
                        r.getContentType(),
                        r.getLocation(),
                        r.getEtag(),
                        r.getResponseBody(),
                        r.getStatus() == null
                                && r.getCreatedAt().isBefore(Instant.now().minus(ABANDONED_AFTER))));
    }

    /** Inserts the reservation; empty when another request holds the key (unique constraint). */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = PersistenceException.class)
    public Optional<Reserved> reserve(String principal, String key, String requestHash) {
        em.createNamedQuery("IdempotencyRecord.dropExpired")
                .setParameter("principal", principal)
                .setParameter("key", key)
                .setParameter("now", Instant.now())
                .executeUpdate();
        IdempotencyRecord record =
                new IdempotencyRecord(principal, key, requestHash, Instant.now().plus(Duration.ofHours(ttlHours)));
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
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        return ids.isEmpty()
                ? 0
                : em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.id IN :ids")
                        .setParameter("ids", ids)
                        .executeUpdate();
    }

    /**
     * Runs the resource method of the request that holds reservation {@code id} in this transaction (its services'
     * {@code @Transactional} methods join it) and writes its answer, when worth replaying, into the key's row before
     * the commit: the effect and the key's outcome commit together or not at all. The row is locked first, and held
     * to the end: a takeover ({@link #release}) waits for this transaction, then finds the outcome and deletes
     * nothing. A reservation released or taken over before this began is a 409 before anything is done.
     */
    @Transactional(value = Transactional.TxType.REQUIRED, rollbackOn = Exception.class)
    public Object runAndComplete(long id, InvocationContext invocation) throws Exception {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.getStatus() != null) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "This Idempotency-Key's reservation was taken over by another request with it; retry");
        }
        Object result = invocation.proceed();
        if (result instanceof Response response && IdempotencyFilter.worthReplaying(response.getStatus())) {
            String body = response.hasEntity() ? JsonConfig.jsonb().toJson(response.getEntity()) : null;
            String contentType = response.getMediaType() != null
                    ? response.getMediaType().toString()
                    : body == null ? null : MediaType.APPLICATION_JSON;
            record.complete(
                    response.getStatus(),
                    contentType,
                    response.getHeaderString(HttpHeaders.LOCATION),
                    response.getHeaderString(HttpHeaders.ETAG),
                    body);
        }
        return result;
    }

    /**
     * Frees reservation {@code id} if it has no outcome: its request failed without an effect, or it was abandoned
     * and is taken over. A reservation with an outcome is never freed (its effect committed), and one whose
     * business transaction still runs is waited for ({@link #runAndComplete} holds its row lock).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long id) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.id = :id AND r.status IS NULL")
                .setParameter("id", id)
                .executeUpdate();
    }
}
