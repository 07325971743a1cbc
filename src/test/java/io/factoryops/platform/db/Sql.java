package io.factoryops.platform.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Plain JDBC for the in-container tests that write or read rows directly (add this class to their deployment):
 * a statement with its parameters bound in order.
 */
public final class Sql {

    private Sql() {}

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepared(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** The first column of the first row of a query, as a number. */
    public static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepared(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
