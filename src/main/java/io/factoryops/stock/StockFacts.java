package io.factoryops.stock;

import io.factoryops.platform.db.SqlReads;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the stock ledger tells the read models about its items, in bulk, on the caller's connection: counts
 * over {@code stock_items}, each one range of ix_stock_items_active_status.
 */
public final class StockFacts {

    private StockFacts() {}

    /** How many active items of this kind there are. */
    public static long activeItems(Connection c, StockItemKind kind) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT COUNT(*) FROM stock_items WHERE kind = ? AND active = ?",
                List.of(kind, true),
                rs -> rs.getLong(1));
    }

    /** How many active items of this kind are in this stock status. */
    public static long activeItems(Connection c, StockItemKind kind, StockStatus status) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT COUNT(*) FROM stock_items WHERE kind = ? AND active = ? AND status = ?",
                List.of(kind, true, status),
                rs -> rs.getLong(1));
    }
}
