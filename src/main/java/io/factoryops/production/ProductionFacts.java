package io.factoryops.production;

import io.factoryops.platform.db.SqlReads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * What production tells the analytics read model about its records, in bulk: each read is one aggregate
 * statement over {@code production_records}, computed by the database, on the caller's connection (the
 * analytics refresh reads one snapshot on its own).
 */
public final class ProductionFacts {

    private ProductionFacts() {}

    /** An employee's production: total quantity, records and the latest production day. */
    public record EmployeeOutput(long employeeId, long quantity, long records, LocalDate lastDay) {}

    /** What was produced of a product, on one day or in all. */
    public record ProductOutput(LocalDate day, long productId, long quantity) {}

    /** Per employee with production records. */
    public static List<EmployeeOutput> perEmployee(Connection c) throws SQLException {
        return SqlReads.list(
                c,
                "SELECT employee_id, SUM(quantity), COUNT(*), MAX(production_date) FROM production_records "
                        + "GROUP BY employee_id",
                List.of(),
                rs -> new EmployeeOutput(rs.getLong(1), rs.getLong(2), rs.getLong(3), SqlReads.date(rs, 4)));
    }

    /** The employee's latest production day, or null. */
    public static LocalDate lastDayOf(Connection c, long employeeId) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT MAX(production_date) FROM production_records WHERE employee_id = ?",
                List.of(employeeId),
                rs -> SqlReads.date(rs, 1));
    }

    /** Per production day and product. */
    public static List<ProductOutput> perDayAndProduct(Connection c) throws SQLException {
        return SqlReads.list(
                c,
                "SELECT production_date, product_id, SUM(quantity) FROM production_records "
                        + "GROUP BY production_date, product_id",
                List.of(),
                rs -> new ProductOutput(SqlReads.date(rs, 1), rs.getLong(2), rs.getLong(3)));
    }

    /** Per product ever produced, all days together (no day). */
    public static List<ProductOutput> perProduct(Connection c) throws SQLException {
        return SqlReads.list(
                c,
                "SELECT product_id, SUM(quantity) FROM production_records GROUP BY product_id",
                List.of(),
                rs -> new ProductOutput(null, rs.getLong(1), rs.getLong(2)));
    }
}
