package io.factoryops.analytics;

import static io.factoryops.analytics.SummaryTables.insertAll;
import static io.factoryops.analytics.SummaryTables.upsert;

import io.factoryops.production.ProductionFacts;
import io.factoryops.sales.SalesFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/**
 * Each product's units sold and revenue (the lines of orders that are not cancelled) and units produced
 * ({@code analytics_product_summary}). Incremental: the {@code PRODUCT_SOLD} deltas of order lines placed,
 * cancelled or changed and the {@code PRODUCT_PRODUCED} deltas of production records.
 */
@ApplicationScoped
class ProductSummaryFigure implements SummaryFigure {

    private static final String INSERT = "INSERT INTO analytics_product_summary (product_id, quantity_sold, revenue, "
            + "quantity_produced, computed_at) VALUES (?, ?, ?, ?, ?)";

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        SummaryTables.Deltas sold = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.PRODUCT_SOLD, false);
        upsert(
                c,
                sold.sums(),
                "UPDATE analytics_product_summary SET quantity_sold = quantity_sold + ?, revenue = revenue + ?, "
                        + "computed_at = ? WHERE product_id = ?",
                (p, key, sum) -> {
                    p.setLong(1, sum.quantity());
                    p.setBigDecimal(2, sum.amount());
                    p.setTimestamp(3, at);
                    p.setLong(4, key);
                },
                INSERT,
                (p, key, sum) -> bind(p, key, sum.quantity(), sum.amount(), 0, at));
        SummaryTables.Deltas produced = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.PRODUCT_PRODUCED, false);
        upsert(
                c,
                produced.sums(),
                "UPDATE analytics_product_summary SET quantity_produced = quantity_produced + ?, computed_at = ? "
                        + "WHERE product_id = ?",
                (p, key, sum) -> {
                    p.setLong(1, sum.quantity());
                    p.setTimestamp(2, at);
                    p.setLong(3, key);
                },
                INSERT,
                (p, key, sum) -> bind(p, key, 0, BigDecimal.ZERO, sum.quantity(), at));
        return sold.rows() + produced.rows();
    }

    private static void bind(
            PreparedStatement p, long product, long sold, BigDecimal revenue, long produced, Timestamp at)
            throws SQLException {
        p.setLong(1, product);
        p.setLong(2, sold);
        p.setBigDecimal(3, revenue);
        p.setLong(4, produced);
        p.setTimestamp(5, at);
    }

    /** A product's figures while the rebuild adds them up. */
    private static final class Figures {
        long sold;
        BigDecimal revenue = BigDecimal.ZERO;
        long produced;
    }

    /** What sales sold net of cancellations ({@link SalesFacts#netSalesPerProduct}), plus production. */
    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_product_summary");
        Map<Long, Figures> figures = new HashMap<>();
        for (SalesFacts.ProductSales sales : SalesFacts.netSalesPerProduct(c)) {
            Figures f = figures.computeIfAbsent(sales.productId(), k -> new Figures());
            f.sold += sales.quantity();
            f.revenue = f.revenue.add(sales.revenue());
        }
        for (ProductionFacts.ProductOutput output : ProductionFacts.perProduct(c)) {
            figures.computeIfAbsent(output.productId(), k -> new Figures()).produced += output.quantity();
        }
        return insertAll(
                c,
                figures.entrySet(),
                INSERT,
                (p, e) -> bind(p, e.getKey(), e.getValue().sold, e.getValue().revenue, e.getValue().produced, at));
    }
}
