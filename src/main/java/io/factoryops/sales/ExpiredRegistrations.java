package io.factoryops.sales;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

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
        return ExpiringRows.deleteBefore(em, "PendingRegistration", "id", "expiresAt", now, limit);
    }
}
