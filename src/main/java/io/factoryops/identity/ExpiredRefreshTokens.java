package io.factoryops.identity;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Refresh tokens past their expiry: they can no longer be used, nor reused, so they go. */
@ApplicationScoped
public class ExpiredRefreshTokens implements ExpiringRows {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Override
    public String name() {
        return "refresh_tokens";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int limit) {
        List<Long> ids = em.createQuery("SELECT r.id FROM RefreshToken r WHERE r.expiresAt < :now", Long.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM RefreshToken r WHERE r.id IN :ids")
                .setParameter("ids", ids).executeUpdate();
    }
}
