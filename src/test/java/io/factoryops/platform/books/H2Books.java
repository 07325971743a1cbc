package io.factoryops.platform.books;

import io.factoryops.platform.db.SqlReads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A books check's SQL on H2 without a server: an in-memory database at the latest migration, rows written by
 * {@link #execute}, and a {@link SqlReads} that runs the check's statements on it.
 */
public final class H2Books implements AutoCloseable {

    private final Connection connection;

    public H2Books() throws SQLException {
        String url = "jdbc:h2:mem:books-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        connection = DriverManager.getConnection(url, "sa", "");
    }

    /** Runs these statements (inserts of the rows a test needs). */
    public void execute(String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Reads on this database, as a check's injected SqlReads does in the caller's transaction. */
    public SqlReads reads() {
        return new SqlReads() {
            @Override
            public <T> List<T> list(String sql, List<?> parameters, Row<T> row) {
                try {
                    return SqlReads.list(connection, sql, parameters, row);
                } catch (SQLException e) {
                    throw new IllegalStateException(sql, e);
                }
            }
        };
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        }
        connection.close();
    }
}
