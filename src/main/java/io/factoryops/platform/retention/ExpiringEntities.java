package io.factoryops.platform.retention;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * {@link ExpiringRows} of one entity, declared by names: the table (for the log and the metrics), the
 * entity, its id and the time after which a row is useless. Each purge is {@link ExpiringRows#deleteBefore}
 * in a transaction of its own.
 */
public abstract class ExpiringEntities implements ExpiringRows {

    @PersistenceContext(unitName = "factory")
    protected EntityManager em;

    private final String table;
    private final String entity;
    private final String idAttribute;
    private final String timeAttribute;

    protected ExpiringEntities(String table, String entity, String idAttribute, String timeAttribute) {
        this.table = table;
        this.entity = entity;
        this.idAttribute = idAttribute;
        this.timeAttribute = timeAttribute;
    }

    /** The time before which a row has expired: {@code now}, unless rows are kept for a while after it. */
    protected Instant expiredBefore(Instant now) {
        return now;
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int limit) {
        return ExpiringRows.deleteBefore(em, entity, idAttribute, timeAttribute, expiredBefore(now), limit);
    }
}
