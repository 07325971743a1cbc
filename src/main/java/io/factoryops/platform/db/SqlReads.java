package io.factoryops.platform.db;

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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The one JDBC helper: runs a read-only SQL statement and maps its rows, for the read models (the analytics
 * summaries and the reports) and the features' published reads that feed them in bulk, where an aggregate
 * that the database computes in one statement beats loading entities. Parameters may be {@link Instant}s,
 * {@link LocalDate}s and enums (bound by name) besides what JDBC takes.
 *
 * <p>Either in the caller's transaction ({@link #list(String, List, Row)}: MANDATORY, so that all of a
 * request's statements share its connection), or on a connection the caller holds ({@link #list(Connection,
 * String, List, Row)}: the analytics refresh reads one REPEATABLE READ snapshot on its own connection).
 */
@ApplicationScoped
public class SqlReads {

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    /** Reads one result row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql}, on the connection of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<T> list(String sql, List<?> parameters, Row<T> row) {
        try (Connection c = dataSource.getConnection()) {
            return list(c, sql, parameters, row);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed", e);
        }
    }

    /** The first column of the first row of {@code sql} (a count), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long count(String sql, List<?> parameters) {
        return list(sql, parameters, rs -> rs.getLong(1)).get(0);
    }

    /**
     * The {@code name} of these rows of {@code table} by {@code id}, in one primary-key query per 500 ids (unknown
     * ids left out): how a read model names the rows it ranked, by the table's owner.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, String> names(String table, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> all = List.copyOf(new TreeSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            list(
                    "SELECT id, name FROM " + table + " WHERE id IN (" + placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> names.put(rs.getLong(1), rs.getString(2)));
        }
        return names;
    }

    /** The rows of {@code sql}, on {@code c}. */
    public static <T> List<T> list(Connection c, String sql, List<?> parameters, Row<T> row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
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
        }
    }

    /** The one row of {@code sql} (an aggregate without GROUP BY), on {@code c}. */
    public static <T> T one(Connection c, String sql, List<?> parameters, Row<T> row) throws SQLException {
        return list(c, sql, parameters, row).get(0);
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

    /** The day a nullable date column holds, or null. */
    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
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
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
