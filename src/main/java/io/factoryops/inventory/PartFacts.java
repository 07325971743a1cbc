package io.factoryops.inventory;

import io.factoryops.platform.db.SqlReads;
import io.factoryops.stock.StockItemKind;
import io.factoryops.stock.StockStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What inventory tells the read models (the dashboard's figures, the inventory report) about its parts with
 * their stock, in bulk: each read one statement over the parts and their stock items (and their ledger rows),
 * computed by the database. Nothing here is precomputed. The reads of a {@link Selection} join the caller's
 * transaction:
 * <ul>
 * <li>values by category and by location: one pass over the selected parts with their stock items, grouped
 * per node (parts × stock items: the size of the catalogue of parts, not of the history);</li>
 * <li>low and out of stock: ranges of ix_parts_status_category (the parts' copy of their stock status);</li>
 * <li>movements by reason: the period's range of ix_stock_movements_occurred (V19);</li>
 * <li>slow movers: per part in stock, one probe of ix_stock_movements_item_occurred (V19) for a movement
 * since the cutoff.</li>
 * </ul>
 */
@ApplicationScoped
public class PartFacts {

    private static final String PARTS = "FROM parts p JOIN stock_items s ON s.id = p.stock_item_id ";

    @Inject
    SqlReads sql;

    @Inject
    CategoryService categories;

    @Inject
    LocationService locations;

    /** The parts of a category's or a location's subtree, or of both, or all: as SQL over {@code parts p}. */
    public static final class Selection {
        private final String sql;
        private final List<Object> parameters;

        private Selection(String sql, List<Object> parameters) {
            this.sql = sql;
            this.parameters = parameters;
        }

        private Selection and(String condition, Object... more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(List.of(more));
            return new Selection(sql + " AND " + condition, all);
        }

        private List<Object> parametersThen(Object last) {
            List<Object> all = new ArrayList<>(parameters);
            all.add(last);
            return all;
        }
    }

    /** The stock of the parts of one node of a tree (null: the parts in none). */
    public record NodeStock(Long nodeId, String path, long parts, long units, BigDecimal value) {}

    /** A part with the figures its reorder needs. */
    public record ReorderRow(
            long partId,
            String sku,
            String name,
            int quantity,
            int reorderLevel,
            int reorderQuantity,
            Long preferredSupplierId,
            BigDecimal unitCost) {}

    /** A part in stock that has not moved lately. */
    public record SlowPart(long partId, String sku, String name, int quantity, BigDecimal value, Instant lastMovedAt) {}

    /** The movements of one reason: how many, and the units they added and took away. */
    public record MovementTotals(String reason, long movements, long unitsIn, long unitsOut) {}

    /**
     * The value of the parts in stock: Σ quantity × unit cost over every part, active or not, on the caller's
     * connection (one join of the parts with their stock items by primary key).
     */
    public static BigDecimal stockValue(Connection c) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT COALESCE(SUM(s.quantity * p.unit_cost), 0) " + PARTS + "WHERE s.kind = ?",
                List.of(StockItemKind.PART),
                rs -> rs.getBigDecimal(1));
    }

    /**
     * The parts of the category's subtree and of the location's subtree (either may be null: any). The subtree's
     * ids first (one prefix range of id_path), then an IN list the parts' indexes answer: as a subquery, H2
     * planned it as a scan of every part (a 20,000-part subtree of 100,000 took 3 s, the whole report 0.6 s;
     * docs/BENCHMARKS.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Selection select(Long category, Long location) {
        Selection where = new Selection("1 = 1", List.of());
        if (category != null) {
            List<Long> ids = categories.subtreeIds(category);
            where = where.and("p.category_id IN (" + SqlReads.placeholders(ids.size()) + ")", ids.toArray());
        }
        if (location != null) {
            List<Long> ids = locations.subtreeIds(location);
            where = where.and("p.location_id IN (" + SqlReads.placeholders(ids.size()) + ")", ids.toArray());
        }
        return where;
    }

    /** The selected parts' stock per category, in no order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<NodeStock> stockByCategory(Selection parts) {
        return stockByNode(parts, "category_id", "inventory_categories");
    }

    /** The selected parts' stock per location, in no order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<NodeStock> stockByLocation(Selection parts) {
        return stockByNode(parts, "location_id", "inventory_locations");
    }

    private List<NodeStock> stockByNode(Selection parts, String column, String table) {
        return sql.list(
                "SELECT p." + column + ", n.path, COUNT(*), "
                        + "COALESCE(SUM(s.quantity), 0), COALESCE(SUM(s.quantity * p.unit_cost), 0) " + PARTS
                        + "LEFT JOIN " + table + " n ON n.id = p." + column + " WHERE " + parts.sql
                        + " GROUP BY p." + column + ", n.path",
                parts.parameters,
                rs -> new NodeStock(
                        SqlReads.id(rs, 1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)));
    }

    private static Selection inStatus(Selection parts, StockStatus status) {
        return parts.and("p.stock_status = ? AND s.active = TRUE", status);
    }

    private static Selection slow(Selection parts, Instant since) {
        return parts.and(
                "s.active = TRUE AND s.quantity > 0 AND NOT EXISTS (SELECT 1 FROM stock_movements m "
                        + "WHERE m.stock_item_id = s.id AND m.occurred_at >= ?)",
                since);
    }

    /** How many of the selected active parts are in this stock status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countInStatus(Selection parts, StockStatus status) {
        return count(inStatus(parts, status));
    }

    /** How many of the selected active parts have stock and no movement since {@code since}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countSlow(Selection parts, Instant since) {
        return count(slow(parts, since));
    }

    private long count(Selection parts) {
        return sql.count("SELECT COUNT(*) " + PARTS + "WHERE " + parts.sql, parts.parameters);
    }

    /** The selected active parts in this stock status, by SKU, at most {@code limit}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReorderRow> inStatus(Selection parts, StockStatus status, int limit) {
        Selection where = inStatus(parts, status);
        return sql.list(
                "SELECT p.id, p.sku, p.name, s.quantity, s.reorder_level, p.reorder_quantity, "
                        + "p.preferred_supplier_id, p.unit_cost " + PARTS + "WHERE " + where.sql
                        + " ORDER BY p.sku LIMIT ?",
                where.parametersThen(limit),
                rs -> new ReorderRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        SqlReads.id(rs, 7),
                        rs.getBigDecimal(8)));
    }

    /** The selected active parts with stock and no movement since {@code since}, by SKU, at most {@code limit}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SlowPart> slowMovers(Selection parts, Instant since, int limit) {
        Selection where = slow(parts, since);
        return sql.list(
                "SELECT p.id, p.sku, p.name, s.quantity, s.quantity * p.unit_cost, "
                        + "(SELECT MAX(m.occurred_at) FROM stock_movements m WHERE m.stock_item_id = s.id) " + PARTS
                        + "WHERE " + where.sql + " ORDER BY p.sku LIMIT ?",
                where.parametersThen(limit),
                rs -> new SlowPart(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBigDecimal(5),
                        SqlReads.instant(rs, 6)));
    }

    /** The selected parts' movements between two instants (inclusive), per reason, in reason order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MovementTotals> movementsByReason(Selection parts, Instant start, Instant end) {
        Selection moved = parts.and("m.occurred_at >= ? AND m.occurred_at <= ?", start, end);
        return sql.list(
                "SELECT m.reason, COUNT(*), "
                        + "COALESCE(SUM(CASE WHEN m.delta > 0 THEN m.delta ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN m.delta < 0 THEN 0 - m.delta ELSE 0 END), 0) "
                        + "FROM stock_movements m JOIN parts p ON p.stock_item_id = m.stock_item_id WHERE "
                        + moved.sql + " GROUP BY m.reason ORDER BY m.reason",
                moved.parameters,
                rs -> new MovementTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
