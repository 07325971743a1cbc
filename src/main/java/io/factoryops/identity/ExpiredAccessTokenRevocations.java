package io.factoryops.identity;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Logged-out access tokens whose expiry has passed: MicroProfile JWT refuses them anyway. */
@ApplicationScoped
public class ExpiredAccessTokenRevocations implements ExpiringRows {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Override
    public String name() {
        return "revoked_access_tokens";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int limit) {
        List<String> ids = em.createQuery("SELECT r.jti FROM RevokedAccessToken r WHERE r.expiresAt < :now",
                        String.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM RevokedAccessToken r WHERE r.jti IN :ids")
                .setParameter("ids", ids).executeUpdate();
    }
}
