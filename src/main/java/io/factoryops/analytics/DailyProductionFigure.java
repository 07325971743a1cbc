package io.factoryops.analytics;

import io.factoryops.production.ProductionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/**
 * Production per product and day ({@code analytics_daily_production}), which the production-efficiency
 * endpoint reads. Incremental: the {@code DAILY} deltas of production records recorded, corrected or deleted,
 * keyed by product and production day. Full: {@link ProductionFacts#perDayAndProduct}.
 */
@ApplicationScoped
class DailyProductionFigure implements SummaryFigure {

    private static final String INSERT = "INSERT INTO analytics_daily_production (production_date, product_id, "
            + "total_produced, computed_at) VALUES (?, ?, ?, ?)";

    /** One (product, day) cell. */
    private record Cell(long productId, Date day) {}

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        Map<Cell, Long> cells = new HashMap<>();
        SummaryTables.readCells(
                c,
                maxId,
                AnalyticsDelta.Kind.DAILY,
                "SUM(quantity)",
                rs -> cells.put(new Cell(rs.getLong(1), rs.getDate(2)), rs.getLong(3)));
        SummaryTables.upsert(
                c,
                cells,
                "UPDATE analytics_daily_production SET total_produced = total_produced + ?, computed_at = ? "
                        + "WHERE production_date = ? AND product_id = ?",
                (p, cell, quantity) -> {
                    p.setLong(1, quantity);
                    p.setTimestamp(2, at);
                    p.setDate(3, cell.day());
                    p.setLong(4, cell.productId());
                },
                INSERT,
                (p, cell, quantity) -> {
                    p.setDate(1, cell.day());
                    p.setLong(2, cell.productId());
                    p.setLong(3, quantity);
                    p.setTimestamp(4, at);
                });
        return cells.size();
    }

    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_daily_production");
        return SummaryTables.insertAll(c, ProductionFacts.perDayAndProduct(c), INSERT, (p, output) -> {
            p.setDate(1, Date.valueOf(output.day()));
            p.setLong(2, output.productId());
            p.setLong(3, output.quantity());
            p.setTimestamp(4, at);
        });
    }
}
