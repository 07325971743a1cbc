package io.factoryops.platform.health;

import io.factoryops.platform.db.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the start-up migrations have run. */
@Startup
@ApplicationScoped
public class ApplicationStartedCheck implements HealthCheck {

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("migrations")
                .status(migrations.schemaVersion() != null)
                .build();
    }
}
