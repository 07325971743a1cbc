package io.factoryops.reporting;

import static io.factoryops.reporting.ReportSql.money;

import io.factoryops.inventory.CategoryService;
import io.factoryops.inventory.LocationService;
import io.factoryops.inventory.PartReorderAdvisor;
import io.factoryops.reporting.InventoryReport.InventoryTotals;
import io.factoryops.reporting.InventoryReport.MovementsByReason;
import io.factoryops.reporting.InventoryReport.ReorderLine;
import io.factoryops.reporting.InventoryReport.SlowMover;
import io.factoryops.reporting.InventoryReport.ValueByCategory;
import io.factoryops.reporting.InventoryReport.ValueByLocation;
import io.factoryops.stock.StockStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inventory report, from indexed queries over the parts and the ledger (nothing here is precomputed:
 * the dashboard's stock value is, but not by category or location):
 * <ul>
 * <li>values by category and by location: one pass over the selected parts with their stock items, grouped
 * per node (parts × stock items: the size of the catalogue of parts, not of the history);</li>
 * <li>low and out of stock: ranges of ix_parts_status_category (the parts' copy of their stock status);</li>
 * <li>movements by reason: the period's range of ix_stock_movements_occurred (V19);</li>
 * <li>slow movers: per part in stock, one probe of ix_stock_movements_item_occurred (V19) for a movement
 * since the cutoff.</li>
 * </ul>
 * The category and location filters take their subtrees (their ids from one {@code id_path} prefix range).
 */
@ApplicationScoped
@Transactional
public class InventoryReportService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final String PARTS = "FROM parts p JOIN stock_items s ON s.id = p.stock_item_id ";

    @Inject
    ReportSql sql;

    @Inject
    CategoryService categories;

    @Inject
    LocationService locations;

    /** The report's parameters (besides the period). */
    public record Filter(Long category, Long location, int slowDays, int limit) {}

    /** The subtree filters as SQL over {@code parts p}, with their parameters. */
    private record Where(String sql, List<Object> parameters) {
        Where and(String condition, Object... more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(List.of(more));
            return new Where(sql + " AND " + condition, all);
        }
    }

    public InventoryReport report(ReportPeriod period, Filter filter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Where where = where(filter);
        List<ValueByCategory> byCategory = sql.list(
                "SELECT p.category_id, c.path, COUNT(*), "
                        + "COALESCE(SUM(s.quantity), 0), COALESCE(SUM(s.quantity * p.unit_cost), 0) " + PARTS
                        + "LEFT JOIN inventory_categories c ON c.id = p.category_id WHERE " + where.sql()
                        + " GROUP BY p.category_id, c.path",
                where.parameters(),
                rs -> new ValueByCategory(
                        ReportSql.id(rs, 1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        money(rs.getBigDecimal(5))));
        byCategory = sorted(byCategory, ValueByCategory::categoryPath);
        List<ValueByLocation> byLocation = sorted(
                sql.list(
                        "SELECT p.location_id, l.path, COUNT(*), "
                                + "COALESCE(SUM(s.quantity), 0), COALESCE(SUM(s.quantity * p.unit_cost), 0) " + PARTS
                                + "LEFT JOIN inventory_locations l ON l.id = p.location_id WHERE " + where.sql()
                                + " GROUP BY p.location_id, l.path",
                        where.parameters(),
                        rs -> new ValueByLocation(
                                ReportSql.id(rs, 1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                money(rs.getBigDecimal(5)))),
                ValueByLocation::locationPath);

        Where low = where.and("p.stock_status = ? AND s.active = TRUE", StockStatus.LOW_STOCK);
        Where out = where.and("p.stock_status = ? AND s.active = TRUE", StockStatus.OUT_OF_STOCK);
        Where slow = where.and(
                "s.active = TRUE AND s.quantity > 0 AND NOT EXISTS (SELECT 1 FROM stock_movements m "
                        + "WHERE m.stock_item_id = s.id AND m.occurred_at >= ?)",
                now.minus(filter.slowDays(), ChronoUnit.DAYS));
        Where moved = where.and("m.occurred_at >= ? AND m.occurred_at <= ?", period.start(), period.end());
        String movedFrom = "FROM stock_movements m JOIN parts p ON p.stock_item_id = m.stock_item_id WHERE ";

        List<MovementsByReason> movements = sql.list(
                "SELECT m.reason, COUNT(*), "
                        + "COALESCE(SUM(CASE WHEN m.delta > 0 THEN m.delta ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN m.delta < 0 THEN 0 - m.delta ELSE 0 END), 0) " + movedFrom
                        + moved.sql() + " GROUP BY m.reason ORDER BY m.reason",
                moved.parameters(),
                rs -> new MovementsByReason(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        long parts = byCategory.stream().mapToLong(ValueByCategory::parts).sum();
        long units = byCategory.stream().mapToLong(ValueByCategory::units).sum();
        BigDecimal value = byCategory.stream().map(ValueByCategory::stockValue).reduce(ZERO, BigDecimal::add);
        InventoryTotals totals = new InventoryTotals(
                parts,
                units,
                value,
                count(low),
                count(out),
                count(slow),
                movements.stream().mapToLong(MovementsByReason::movements).sum());

        List<Object> slowParameters = new ArrayList<>(slow.parameters());
        slowParameters.add(filter.limit());
        List<SlowMover> slowMovers = sql.list(
                "SELECT p.id, p.sku, p.name, s.quantity, s.quantity * p.unit_cost, "
                        + "(SELECT MAX(m.occurred_at) FROM stock_movements m WHERE m.stock_item_id = s.id) " + PARTS
                        + "WHERE " + slow.sql() + " ORDER BY p.sku LIMIT ?",
                slowParameters,
                rs -> new SlowMover(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        money(rs.getBigDecimal(5)),
                        ReportSql.instant(rs, 6)));
        return new InventoryReport(
                period.from(),
                period.to(),
                now,
                filter.category(),
                filter.location(),
                filter.slowDays(),
                filter.limit(),
                List.of(totals),
                byCategory,
                byLocation,
                reorderLines(low, filter.limit()),
                reorderLines(out, filter.limit()),
                movements,
                slowMovers);
    }

    private Where where(Filter filter) {
        Where where = new Where("1 = 1", List.of());
        // the subtree's ids first (one prefix range of id_path), then an IN list the parts' indexes answer: as a
        // subquery, H2 planned it as a scan of every part (a 20,000-part subtree of 100,000 took 3 s, the whole
        // report 0.6 s; docs/BENCHMARKS.md)
        if (filter.category() != null) {
            List<Long> ids = categories.subtreeIds(filter.category());
            where = where.and("p.category_id IN (" + ReportSql.placeholders(ids.size()) + ")", ids.toArray());
        }
        if (filter.location() != null) {
            List<Long> ids = locations.subtreeIds(filter.location());
            where = where.and("p.location_id IN (" + ReportSql.placeholders(ids.size()) + ")", ids.toArray());
        }
        return where;
    }

    private long count(Where where) {
        return sql.count("SELECT COUNT(*) " + PARTS + "WHERE " + where.sql(), where.parameters());
    }

    private List<ReorderLine> reorderLines(Where where, int limit) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        return sql.list(
                "SELECT p.id, p.sku, p.name, s.quantity, s.reorder_level, p.reorder_quantity, "
                        + "p.preferred_supplier_id, p.unit_cost " + PARTS + "WHERE " + where.sql()
                        + " ORDER BY p.sku LIMIT ?",
                parameters,
                rs -> {
                    int quantity = rs.getInt(4);
                    int reorderLevel = rs.getInt(5);
                    int reorderQuantity = rs.getInt(6);
                    int suggested = PartReorderAdvisor.suggestedQuantity(reorderQuantity, quantity, reorderLevel);
                    BigDecimal unitCost = money(rs.getBigDecimal(8));
                    return new ReorderLine(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            quantity,
                            reorderLevel,
                            reorderQuantity,
                            suggested,
                            ReportSql.id(rs, 7),
                            unitCost,
                            unitCost.multiply(BigDecimal.valueOf(suggested)).setScale(2, RoundingMode.HALF_UP));
                });
    }

    /** By path, the rows without a node last. */
    private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> path) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(path, Comparator.nullsLast(Comparator.naturalOrder())));
        return copy;
    }
}
