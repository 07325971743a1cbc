package io.factoryops.reporting;

import static io.factoryops.reporting.ReportSql.money;

import io.factoryops.analytics.AnalyticsService;
import io.factoryops.reporting.AnalyticsReport.AnalyticsTotals;
import io.factoryops.reporting.AnalyticsReport.ProductionPerProduct;
import io.factoryops.reporting.AnalyticsReport.SalesPeriod;
import io.factoryops.reporting.AnalyticsReport.TopCustomer;
import io.factoryops.reporting.AnalyticsReport.TopSellingProduct;
import io.factoryops.sales.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics report. From the summaries the refresher keeps: sales per bucket (the period's days of
 * analytics_daily_sales, at most 366 rows, bucketed here), the totals, and production per product (the period's
 * range of analytics_daily_production). Live, from indexed queries: the top products and customers (no summary
 * keeps sales per product or customer per day): the period's range of ix_orders_date_status_customer (V19, which
 * covers the customers' sums) and, for products, their lines by ix_order_lines_order.
 */
@ApplicationScoped
@Transactional
public class AnalyticsReportService {

    @Inject
    AnalyticsService analytics;

    @Inject
    ReportSql sql;

    public AnalyticsReport report(ReportPeriod period, Granularity granularity, int limit) {
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        Map<LocalDate, BigDecimal> revenue = new LinkedHashMap<>();
        for (AnalyticsService.DailySales day : analytics.dailySales(period.from(), period.to())) {
            LocalDate bucket = granularity.bucketOf(day.day());
            long[] c = counts.computeIfAbsent(bucket, k -> new long[2]);
            c[0] += day.orders();
            c[1] += day.units();
            revenue.merge(bucket, day.revenue(), BigDecimal::add);
        }
        List<SalesPeriod> sales = new ArrayList<>();
        counts.forEach((bucket, c) -> sales.add(new SalesPeriod(bucket, c[0], c[1], money(revenue.get(bucket)))));
        AnalyticsService.Sales sold = analytics.salesBetween(period.from(), period.to());
        AnalyticsTotals totals = new AnalyticsTotals(
                sold.orders(), sold.units(), sold.revenue(), analytics.producedBetween(period.from(), period.to()));

        List<Object> parameters = List.of(period.start(), period.end(), OrderStatus.CANCELLED, limit);
        List<TopSellingProduct> products = sql.list(
                "SELECT l.product_id, p.name, SUM(l.quantity), "
                        + "SUM(l.line_total) FROM orders o JOIN order_lines l ON l.order_id = o.id "
                        + "JOIN products p ON p.id = l.product_id "
                        + "WHERE o.order_date >= ? AND o.order_date <= ? AND o.status <> ? "
                        + "GROUP BY l.product_id, p.name ORDER BY 3 DESC, 1 DESC LIMIT ?",
                parameters,
                rs -> new TopSellingProduct(rs.getLong(1), rs.getString(2), rs.getLong(3), money(rs.getBigDecimal(4))));
        List<TopCustomer> customers = sql.list(
                "SELECT o.customer_id, c.name, COUNT(*), SUM(o.total) "
                        + "FROM orders o JOIN customers c ON c.id = o.customer_id "
                        + "WHERE o.order_date >= ? AND o.order_date <= ? AND o.status <> ? "
                        + "GROUP BY o.customer_id, c.name ORDER BY 4 DESC, 1 DESC LIMIT ?",
                parameters,
                rs -> new TopCustomer(rs.getLong(1), rs.getString(2), rs.getLong(3), money(rs.getBigDecimal(4))));
        List<ProductionPerProduct> production = analytics.producedPerProduct(period.from(), period.to(), limit).stream()
                .map(p -> new ProductionPerProduct(p.productId(), p.productName(), p.totalProduced()))
                .toList();
        return new AnalyticsReport(
                period.from(),
                period.to(),
                analytics.asOf(),
                granularity.value(),
                limit,
                List.of(totals),
                sales,
                products,
                customers,
                production);
    }
}
