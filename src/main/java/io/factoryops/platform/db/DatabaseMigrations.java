package io.factoryops.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of {@code db/migration} when the application starts, before
 * anything touches the schema (services that need the schema at start-up depend on this bean).
 * A failed migration fails the deployment.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        Flyway flyway = flyway();
        MigrateResult result = flyway.migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now, database " + result.database + ")");
    }

    private Flyway flyway() {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                // Liberty's class loader finds a folder only through a file in it: each location
                // (db/migration, and Flyway's default db/callback) holds an empty flyway.location.
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** The schema version applied at start-up; null until migrations have run. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** How many known migrations the database has not applied (0 when up to date). */
    public int pendingMigrations() {
        return flyway().info().pending().length;
    }
}
