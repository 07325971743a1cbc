package io.factoryops.platform.db;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.sessions.Session;

/**
 * The kinds of database the application runs on ({@code DB_KIND}: db/h2.xml, db/mysql.xml, db/postgresql.xml), told
 * by the database itself. Where SQL must differ by kind, the difference is a method here or a vendor copy of a
 * migration ({@link #vendorMigrations()}), never a test of the kind inside a service.
 */
public enum DatabaseKind {
    H2(null),
    /** MySQL 8 and MariaDB 10.11+ (mysql-connector-j). */
    MYSQL(null),
    POSTGRESQL("db/vendor/postgresql");

    private final String vendorMigrations;

    DatabaseKind(String vendorMigrations) {
        this.vendorMigrations = vendorMigrations;
    }

    /** The kind of the database {@code connection} is connected to. */
    public static DatabaseKind of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Unsupported database: " + product);
    }

    /** The kind of the database of {@code em} (EclipseLink's platform, detected when it connected). */
    public static DatabaseKind of(EntityManager em) {
        DatabasePlatform platform = em.unwrap(Session.class).getPlatform();
        if (platform.isPostgreSQL()) {
            return POSTGRESQL;
        }
        if (platform.isMySQL()) {
            return MYSQL;
        }
        if (platform.isH2()) {
            return H2;
        }
        throw new IllegalStateException("Unsupported database platform: " + platform);
    }

    /**
     * Whether NULL sorts after every value in ascending order (PostgreSQL), not before it (MySQL, MariaDB, and H2
     * with its default {@code DEFAULT_NULL_ORDERING=LOW}). JPA 3.1's criteria cannot say NULLS FIRST or LAST, so a
     * keyset seek past a nullable key asks this.
     */
    public boolean sortsNullHighest() {
        return this == POSTGRESQL;
    }

    /**
     * The classpath folder of this kind's copies of the migrations whose SQL does not run on it as written (same
     * file names as in {@code db/migration}); null when every migration runs as written.
     */
    public String vendorMigrations() {
        return vendorMigrations;
    }
}
