package io.factoryops.analytics;

import io.factoryops.sales.SalesFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * How many orders are placed and not yet shipped or cancelled ({@code analytics_state.open_orders}).
 * Incremental: the {@code OPEN_ORDERS} deltas (+1 placed, −1 when it leaves the placed state). Full:
 * {@link SalesFacts#openOrders}.
 */
@ApplicationScoped
class OpenOrdersFigure implements SummaryFigure {

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        SummaryTables.Deltas deltas = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.OPEN_ORDERS, false);
        SummaryTables.Sum open = deltas.sums().get(0L);
        if (open != null) {
            try (PreparedStatement p =
                    c.prepareStatement("UPDATE analytics_state SET open_orders = open_orders + ? WHERE id = 1")) {
                p.setLong(1, open.count());
                p.executeUpdate();
            }
        }
        return deltas.rows();
    }

    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE analytics_state SET open_orders = ? WHERE id = 1")) {
            p.setLong(1, SalesFacts.openOrders(c));
            p.executeUpdate();
        }
        return 0;
    }
}
