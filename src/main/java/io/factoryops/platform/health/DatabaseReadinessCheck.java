package io.factoryops.platform.health;

import io.factoryops.platform.db.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within 2 s and every migration is applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            int pending = migrations.pendingMigrations();
            return builder.status(valid && pending == 0)
                    .withData("connection", valid ? "ok" : "invalid")
                    .withData("schema_version", String.valueOf(migrations.schemaVersion()))
                    .withData("pending_migrations", pending)
                    .build();
        } catch (Exception e) {
            return builder.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
