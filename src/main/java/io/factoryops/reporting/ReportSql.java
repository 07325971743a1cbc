package io.factoryops.reporting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs the reports' read-only SQL. Reports are a read model over the features' tables, as the analytics
 * summaries are: one statement per figure, portable SQL (no dialect functions: dates are bound as
 * parameters, periods grouped in Java), each a range of an index (V19 adds those a report needed).
 * Joins the caller's transaction (MANDATORY), so that all of a report's statements share one connection.
 */
@ApplicationScoped
public class ReportSql {

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    /** Reads one result row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<T> list(String sql, List<?> parameters, Row<T> row) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                p.setObject(i + 1, jdbc(parameters.get(i)));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long count(String sql, List<?> parameters) {
        return list(sql, parameters, rs -> rs.getLong(1)).get(0);
    }

    private static Object jdbc(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    /** The instant a nullable timestamp column holds, or null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A nullable whole-number column. */
    public static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable id column. */
    public static Long id(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Money with two decimals (HALF_UP); a SUM over no rows (null) is 0.00. */
    public static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code ?, ?, ?} for n parameters. */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
