package io.factoryops.analytics;

import io.factoryops.stock.StockFacts;
import io.factoryops.stock.StockItemKind;
import io.factoryops.stock.StockStatus;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * The active parts in one stock status: LOW_STOCK (at or below their reorder level with stock left) or
 * OUT_OF_STOCK (none left), kept in the row {@code <STATUS>_PARTS}. Counted per request, each cost one range of
 * ix_stock_items_active_status per read (about 10,000 entries at 100,000 parts: the dashboard ran at a third
 * of its H2 rate on MariaDB, docs/BENCHMARKS.md), so a refresh counts it instead, from that range.
 */
final class PartsInStatusFigure implements InventoryFigure {

    private final StockStatus status;

    PartsInStatusFigure(StockStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public String key() {
        return status.name() + "_PARTS";
    }

    @Override
    public BigDecimal compute(Connection c, Instant now) throws SQLException {
        return BigDecimal.valueOf(StockFacts.activeItems(c, StockItemKind.PART, status));
    }
}
