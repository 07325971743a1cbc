package io.factoryops.identity;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

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
        return ExpiringRows.deleteBefore(em, "RefreshToken", "id", "expiresAt", now, limit);
    }
}
