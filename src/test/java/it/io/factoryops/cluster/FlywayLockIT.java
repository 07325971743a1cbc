package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.db.DatabaseKind;
import io.factoryops.platform.db.DatabaseMigrations;
import it.io.factoryops.support.Concurrently;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flyway's lock (MySQL/MariaDB: a named GET_LOCK; PostgreSQL: an advisory lock), which lets nodes that start together migrate one database
 * once: two migrations of the application's scripts, released at the same instant on an empty database of
 * their own (DB_URL's database name + "_flyway", dropped afterwards). ClusterIT shows the same on two real
 * nodes, whose start-ups may or may not overlap; here they always do.
 */
class FlywayLockIT {

    private final SiblingDatabase database = SiblingDatabase.of("_flyway");

    @Test
    void twoMigrationsStartedTogetherApplyEachScriptOnce() throws Exception {
        database.recreate();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Integer> applied = Concurrently.run(2, i -> {
            Flyway flyway;
            try (Connection c = database.connect()) {
                // the application's migrations as the application applies them on this kind of database
                flyway = DatabaseMigrations.configure(
                                Flyway.configure(FlywayLockIT.class.getClassLoader())
                                        .dataSource(database.url(), SiblingDatabase.user(), SiblingDatabase.password()),
                                DatabaseKind.of(c))
                        .load();
            }
            together.await();
            return flyway.migrate().migrationsExecuted;
        });
        List<String> versions = new ArrayList<>();
        int failed;
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")) {
                rs.next();
                failed = rs.getInt(1);
            }
        }
        assertTrue(versions.size() > 1, versions.toString());
        assertEquals(versions.size(), versions.stream().distinct().count(), "each script once: " + versions);
        assertEquals(0, failed, "failed migrations");
        // Flyway takes its lock for each script: the two share the work, and neither applies a script twice
        assertEquals(versions.size(), applied.get(0) + applied.get(1), "scripts applied by the two: " + applied);
        assertEquals(versions.stream().sorted(ClusterIT.VERSION_ORDER).toList(), versions, "applied in version order");
        System.out.println(
                "FlywayLockIT: the two migrations applied " + applied + " of " + versions.size() + " scripts");
    }

    @AfterEach
    void dropTheDatabase() throws Exception {
        database.drop();
    }
}
