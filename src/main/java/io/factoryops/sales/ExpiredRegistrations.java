package io.factoryops.sales;

import io.factoryops.platform.retention.ExpiringEntities;
import jakarta.enterprise.context.ApplicationScoped;

/** Customer registrations never confirmed: their token can no longer be used, so they go. */
@ApplicationScoped
public class ExpiredRegistrations extends ExpiringEntities {

    public ExpiredRegistrations() {
        super("customer_registrations", "PendingRegistration", "id", "expiresAt");
    }
}
