package io.factoryops.identity;

import io.factoryops.platform.retention.ExpiringEntities;
import jakarta.enterprise.context.ApplicationScoped;

/** Logged-out access tokens whose expiry has passed: MicroProfile JWT refuses them anyway. */
@ApplicationScoped
public class ExpiredAccessTokenRevocations extends ExpiringEntities {

    public ExpiredAccessTokenRevocations() {
        super("revoked_access_tokens", "RevokedAccessToken", "jti", "expiresAt");
    }
}
