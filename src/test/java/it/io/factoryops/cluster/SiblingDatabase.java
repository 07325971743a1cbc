package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty database of a test's own next to the cluster's (DB_URL's database name + a suffix, on the same server
 * and with the same URL options, created by the driver's createDatabaseIfNotExist or by Flyway's first
 * connection), dropped by {@link #drop()}.
 */
record SiblingDatabase(String name, String url) {

    private static final Pattern DATABASE = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(.*)$");

    static SiblingDatabase of(String suffix) {
        String dbUrl = System.getenv("DB_URL");
        Matcher m = DATABASE.matcher(dbUrl == null ? "" : dbUrl);
        assertTrue(m.matches(), "-Pcluster needs DB_URL=jdbc:mysql://host:port/database?… (see docs/OPERATIONS.md)");
        String name = m.group(2) + suffix;
        return new SiblingDatabase(name, m.group(1) + name + m.group(3));
    }

    static String user() {
        return System.getenv("DB_USER");
    }

    static String password() {
        return System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    void drop() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }
}
