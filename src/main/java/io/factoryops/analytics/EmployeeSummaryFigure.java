package io.factoryops.analytics;

import static io.factoryops.analytics.SummaryTables.insertAll;
import static io.factoryops.analytics.SummaryTables.recomputeLatest;
import static io.factoryops.analytics.SummaryTables.upsert;

import io.factoryops.production.ProductionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Each employee's production: total quantity, records and last production date
 * ({@code analytics_employee_summary}). Incremental: the {@code EMPLOYEE} deltas of production records
 * recorded, corrected or deleted; a deletion may take away the latest record, so those employees' last date
 * is read again. Full: {@link ProductionFacts#perEmployee}.
 */
@ApplicationScoped
class EmployeeSummaryFigure implements SummaryFigure {

    private static final String INSERT =
            "INSERT INTO analytics_employee_summary (employee_id, total_quantity, records, "
                    + "last_production_date, computed_at) VALUES (?, ?, ?, ?, ?)";

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        SummaryTables.Deltas deltas = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.EMPLOYEE, false);
        upsert(
                c,
                deltas.sums(),
                "UPDATE analytics_employee_summary SET total_quantity = total_quantity + ?, records = records + ?, "
                        + "last_production_date = CASE WHEN last_production_date IS NULL OR last_production_date < ? "
                        + "THEN ? ELSE last_production_date END, computed_at = ? WHERE employee_id = ?",
                (p, key, sum) -> {
                    Date latest = new Date(sum.latest().getTime());
                    p.setLong(1, sum.quantity());
                    p.setLong(2, sum.count());
                    p.setDate(3, latest);
                    p.setDate(4, latest);
                    p.setTimestamp(5, at);
                    p.setLong(6, key);
                },
                INSERT,
                (p, key, sum) -> {
                    p.setLong(1, key);
                    p.setLong(2, sum.quantity());
                    p.setLong(3, sum.count());
                    p.setDate(4, new Date(sum.latest().getTime()));
                    p.setTimestamp(5, at);
                });
        recomputeLatest(
                c,
                deltas.sums(),
                (connection, employee) -> {
                    LocalDate last = ProductionFacts.lastDayOf(connection, employee);
                    return last == null ? null : Date.valueOf(last);
                },
                "UPDATE analytics_employee_summary SET last_production_date = ? WHERE employee_id = ?");
        return deltas.rows();
    }

    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_employee_summary");
        return insertAll(c, ProductionFacts.perEmployee(c), INSERT, (p, employee) -> {
            p.setLong(1, employee.employeeId());
            p.setLong(2, employee.quantity());
            p.setLong(3, employee.records());
            p.setDate(4, Date.valueOf(employee.lastDay()));
            p.setTimestamp(5, at);
        });
    }
}
