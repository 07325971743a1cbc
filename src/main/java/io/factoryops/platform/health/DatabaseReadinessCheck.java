package io.factoryops.platform.health;

import io.factoryops.platform.db.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers within 2 s and every migration is applied; both read on one
 * connection, the answer shared by concurrent callers and remembered briefly ({@link HealthCache}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Inject
    DatabaseMigrations migrations;

    @Inject
    HealthCache cache;

    @Override
    public HealthCheckResponse call() {
        return cache.get("database", this::check);
    }

    private HealthCheckResponse check() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database")
                .withData("checked_at", Instant.now().toString());
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            int pending = migrations.pendingMigrations(connection);
            return builder.status(valid && pending == 0)
                    .withData("connection", valid ? "ok" : "invalid")
                    .withData("schema_version", String.valueOf(migrations.schemaVersion()))
                    .withData("pending_migrations", pending)
                    .build();
        } catch (Exception e) {
            return builder.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
