package io.factoryops.identity;

import io.factoryops.platform.retention.ExpiringEntities;
import jakarta.enterprise.context.ApplicationScoped;

/** Refresh tokens past their expiry: they can no longer be used, nor reused, so they go. */
@ApplicationScoped
public class ExpiredRefreshTokens extends ExpiringEntities {

    public ExpiredRefreshTokens() {
        super("refresh_tokens", "RefreshToken", "id", "expiresAt");
    }
}
