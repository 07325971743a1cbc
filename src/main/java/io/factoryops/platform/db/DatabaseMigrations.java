package io.factoryops.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of {@code db/migration} (with a database kind's own copies of those that it
 * cannot run as written: {@link VendorMigrations}) when the application starts, before
 * anything touches the schema (services that need the schema at start-up depend on this bean).
 * A failed migration fails the deployment.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
    /** Flyway's default history table, created with this lower-case (quoted) name on every database. */
    private static final String HISTORY_TABLE = "flyway_schema_history";
    /** The migrations of every database kind; a kind's copies of those it cannot run as written replace them. */
    private static final String MIGRATIONS = "db/migration";

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    private volatile String schemaVersion;
    private volatile Set<String> knownVersions = Set.of();

    @PostConstruct
    void migrate() {
        Flyway flyway = flyway();
        MigrateResult result = flyway.migrate();
        MigrationInfoService info = flyway.info();
        // the database's version, not the last this server applied: servers that start together share the
        // scripts (Flyway locks each one), and another may have applied the last (ClusterIT saw 20 here, 21 there)
        schemaVersion = info.current() != null && info.current().getVersion() != null
                ? info.current().getVersion().getVersion()
                : result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        knownVersions = Arrays.stream(info.all())
                .filter(m -> m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .collect(Collectors.toUnmodifiableSet());
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now, database " + result.database + ")");
    }

    private Flyway flyway() {
        return configure(
                        Flyway.configure(DatabaseMigrations.class.getClassLoader())
                                .dataSource(dataSource),
                        kind())
                .load();
    }

    /**
     * Where {@code configuration} finds the migrations of a database of {@code kind}: {@code db/migration}, and the
     * kind's copies of those it cannot run as written (FlywayLockIT applies them as the application does).
     */
    public static FluentConfiguration configure(FluentConfiguration configuration, DatabaseKind kind) {
        // Liberty's class loader finds a folder only through a file in it: each location
        // (db/migration, db/vendor/*, and Flyway's default db/callback) holds an empty flyway.location.
        configuration.locations("classpath:" + MIGRATIONS).failOnMissingLocations(true);
        String vendorFolder = kind.vendorMigrations();
        if (vendorFolder != null) {
            configuration.resourceProvider(new VendorMigrations(configuration, MIGRATIONS, vendorFolder));
        }
        return configuration;
    }

    private DatabaseKind kind() {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseKind.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database's kind", e);
        }
    }

    /** The schema version applied at start-up; null until migrations have run. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * How many migrations of this build the database has not applied (0 when up to date), read from
     * Flyway's history table on the caller's connection: no classpath scan, no second connection.
     */
    public int pendingMigrations(Connection connection) throws SQLException {
        String q = connection.getMetaData().getIdentifierQuoteString().trim();
        Set<String> applied = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT " + q + "version" + q + ", " + q + "success" + q + " FROM " + q + HISTORY_TABLE + q)) {
            while (rows.next()) {
                if (rows.getString(1) != null && rows.getBoolean(2)) {
                    applied.add(rows.getString(1));
                }
            }
        }
        return (int) knownVersions.stream().filter(v -> !applied.contains(v)).count();
    }
}
