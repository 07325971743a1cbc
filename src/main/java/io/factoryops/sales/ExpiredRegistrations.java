package io.factoryops.sales;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Customer registrations never confirmed: their token can no longer be used, so they go. */
@ApplicationScoped
public class ExpiredRegistrations implements ExpiringRows {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Override
    public String name() {
        return "customer_registrations";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int limit) {
        List<Long> ids = em.createQuery("SELECT r.id FROM PendingRegistration r WHERE r.expiresAt < :now", Long.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM PendingRegistration r WHERE r.id IN :ids")
                .setParameter("ids", ids).executeUpdate();
    }
}
