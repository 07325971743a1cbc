package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of a test's own next to the cluster's (DB_URL's database name + a suffix, on the same server and with
 * the same URL options): made empty by {@link #recreate()}, dropped by {@link #drop()}. DB_URL names a MySQL/MariaDB
 * or a PostgreSQL database; what differs between the two (how a database is created and dropped, the driver's
 * timeouts, the default port) is said here only.
 */
record SiblingDatabase(String name, String url) {

    private static final Pattern DB_URL =
            Pattern.compile("^jdbc:(mysql|postgresql)://([^/:?]+)(?::(\\d+))?/([^?]+)(\\?.*)?$");

    static SiblingDatabase of(String suffix) {
        Matcher m = dbUrl();
        String name = m.group(4) + suffix;
        return new SiblingDatabase(name, url(m.group(2), port(), name, m.group(5)));
    }

    /** The nodes' DB_KIND: {@code mysql} or {@code postgresql}, as DB_URL says. */
    static String kind() {
        return dbUrl().group(1);
    }

    /** The database server's host, from DB_URL. */
    static String host() {
        return dbUrl().group(2);
    }

    /** The database server's port, from DB_URL or the kind's default. */
    static int port() {
        Matcher m = dbUrl();
        return m.group(3) != null ? Integer.parseInt(m.group(3)) : postgresql() ? 5432 : 3306;
    }

    static String user() {
        return System.getenv("DB_USER");
    }

    static String password() {
        return System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD");
    }

    /**
     * This database through a proxy on 127.0.0.1:{@code port}, its driver giving up on a connect after
     * {@code connectTimeoutMillis} and on a silent socket after {@code socketTimeoutMillis} (mysql-connector-j counts
     * them in milliseconds, the PostgreSQL driver in seconds).
     */
    String through(int port, int connectTimeoutMillis, int socketTimeoutMillis) {
        String timeouts = postgresql()
                ? "connectTimeout=" + connectTimeoutMillis / 1000 + "&socketTimeout=" + socketTimeoutMillis / 1000
                : "connectTimeout=" + connectTimeoutMillis + "&socketTimeout=" + socketTimeoutMillis;
        String query = dbUrl().group(5);
        return url("127.0.0.1", port, name, (query == null ? "?" : query + "&") + timeouts);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** Drops this database if a run that was interrupted left it, and creates it empty. */
    void recreate() throws SQLException {
        drop();
        try (Connection c = server();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoted());
        }
    }

    void drop() throws SQLException {
        try (Connection c = server();
                Statement s = c.createStatement()) {
            // PostgreSQL refuses to drop a database that has sessions (a node's pool, stopped or killed): FORCE
            s.execute("DROP DATABASE IF EXISTS " + quoted() + (postgresql() ? " WITH (FORCE)" : ""));
        }
    }

    /** A connection to the server, not to this database (PostgreSQL: its maintenance database). */
    private Connection server() throws SQLException {
        Matcher m = dbUrl();
        return DriverManager.getConnection(
                url(m.group(2), port(), postgresql() ? "postgres" : "", m.group(5)), user(), password());
    }

    private String quoted() {
        return postgresql() ? '"' + name + '"' : '`' + name + '`';
    }

    private static boolean postgresql() {
        return kind().equals("postgresql");
    }

    private static String url(String host, int port, String database, String query) {
        return "jdbc:" + kind() + "://" + host + ":" + port + "/" + database + (query == null ? "" : query);
    }

    private static Matcher dbUrl() {
        String dbUrl = System.getenv("DB_URL");
        Matcher m = DB_URL.matcher(dbUrl == null ? "" : dbUrl);
        assertTrue(
                m.matches(),
                "-Pcluster needs DB_URL=jdbc:mysql://host:port/database?… or jdbc:postgresql://host:port/database "
                        + "(see docs/OPERATIONS.md)");
        return m;
    }
}
