package io.factoryops.identity;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

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
        return ExpiringRows.deleteBefore(em, "RevokedAccessToken", "jti", "expiresAt", now, limit);
    }
}
