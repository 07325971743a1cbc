package io.factoryops.analytics;

import io.factoryops.stock.StockFacts;
import io.factoryops.stock.StockItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The number of active parts. Counting them reads every part's index entry (100,000 at the
 * benchmark's size), too much for each dashboard read; a refresh counts them whole, which is one
 * index scan (ix_stock_items_active_status). Parts are created and deactivated rarely, so there is
 * no incremental form worth its code.
 */
@ApplicationScoped
class ActivePartsFigure implements InventoryFigure {

    @Override
    public String key() {
        return "ACTIVE_PARTS";
    }

    @Override
    public BigDecimal compute(Connection c, Instant now) throws SQLException {
        return BigDecimal.valueOf(StockFacts.activeItems(c, StockItemKind.PART));
    }
}
