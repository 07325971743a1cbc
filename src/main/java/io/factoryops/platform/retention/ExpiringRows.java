package io.factoryops.platform.retention;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Rows that are useless once expired and are deleted by {@link PurgeScheduler}. A feature owning
 * such rows provides one bean per table; each call deletes at most {@code limit} rows, in a
 * transaction of its own, so that a large backlog is purged in short transactions.
 */
public interface ExpiringRows {

    /** The table's name, for the log and the metrics. */
    String name();

    /** Deletes up to {@code limit} rows that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now, int limit);

    /**
     * Deletes up to {@code limit} rows of {@code entity} whose {@code timeAttribute} is before {@code before}:
     * their ids first, then those ids, so that the delete is bounded on every database (MySQL refuses a
     * LIMIT in a subquery of the table it deletes from). Names are the entity's, never a caller's input.
     */
    static int deleteBefore(
            EntityManager em, String entity, String idAttribute, String timeAttribute, Instant before, int limit) {
        List<?> ids = em.createQuery(
                        "SELECT e." + idAttribute + " FROM " + entity + " e WHERE e." + timeAttribute + " < :before")
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        return ids.isEmpty()
                ? 0
                : em.createQuery("DELETE FROM " + entity + " e WHERE e." + idAttribute + " IN :ids")
                        .setParameter("ids", ids)
                        .executeUpdate();
    }
}
