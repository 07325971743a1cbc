package io.factoryops.analytics;

import io.factoryops.stock.StockItemKind;
import io.factoryops.stock.StockStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The active parts without stock (status OUT_OF_STOCK). Counted per request, it cost one range of
 * ix_stock_items_active_status per read (about 10,000 entries at 100,000 parts: the dashboard ran at a
 * third of its H2 rate on MariaDB, docs/BENCHMARKS.md), so a refresh counts it instead, from that range.
 */
@ApplicationScoped
class OutOfStockPartsFigure implements InventoryFigure {

    @Override
    public String key() {
        return "OUT_OF_STOCK_PARTS";
    }

    @Override
    public BigDecimal compute(Connection c, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM stock_items WHERE kind = ? AND active = ? AND status = ?")) {
            p.setString(1, StockItemKind.PART.name());
            p.setBoolean(2, true);
            p.setString(3, StockStatus.OUT_OF_STOCK.name());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return BigDecimal.valueOf(rs.getLong(1));
            }
        }
    }
}
