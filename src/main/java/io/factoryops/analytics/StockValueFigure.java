package io.factoryops.analytics;

import io.factoryops.inventory.PartFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The value of the parts in stock: Σ quantity × unit cost over every part, active or not (a
 * deactivated part's units are still on the shelf). A refresh computes it whole: one join of the parts
 * with their stock items by primary key. It has no incremental form: a change of a part's unit cost
 * revalues its whole stock, and the ledger records units, not values; the whole sum costs a fraction of
 * a second at 100,000 parts, once per refresh on one server of the cluster (docs/BENCHMARKS.md).
 */
@ApplicationScoped
class StockValueFigure implements InventoryFigure {

    @Override
    public String key() {
        return "STOCK_VALUE";
    }

    @Override
    public BigDecimal compute(Connection c, Instant now) throws SQLException {
        return PartFacts.stockValue(c).setScale(2, RoundingMode.HALF_UP);
    }
}
