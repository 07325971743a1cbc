package io.factoryops.reporting;

import static io.factoryops.platform.db.SqlReads.money;

import io.factoryops.analytics.AnalyticsService;
import io.factoryops.catalog.ProductFacts;
import io.factoryops.reporting.AnalyticsReport.AnalyticsTotals;
import io.factoryops.reporting.AnalyticsReport.ProductionPerProduct;
import io.factoryops.reporting.AnalyticsReport.SalesPeriod;
import io.factoryops.reporting.AnalyticsReport.TopCustomer;
import io.factoryops.reporting.AnalyticsReport.TopSellingProduct;
import io.factoryops.sales.SalesFacts;
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
 * range of analytics_daily_production). Live, from sales ({@link SalesFacts}): the top products and customers (no
 * summary keeps sales per product or customer per day), the products named by the catalog.
 */
@ApplicationScoped
@Transactional
public class AnalyticsReportService {

    @Inject
    AnalyticsService analytics;

    @Inject
    SalesFacts salesFacts;

    @Inject
    ProductFacts productFacts;

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

        List<SalesFacts.ProductSales> top = salesFacts.topProducts(period.start(), period.end(), limit);
        Map<Long, String> names = productFacts.names(
                top.stream().map(SalesFacts.ProductSales::productId).toList());
        List<TopSellingProduct> products = top.stream()
                .filter(p -> names.containsKey(p.productId()))
                .map(p -> new TopSellingProduct(
                        p.productId(), names.get(p.productId()), p.quantity(), money(p.revenue())))
                .toList();
        List<TopCustomer> customers = salesFacts.topCustomers(period.start(), period.end(), limit).stream()
                .map(c -> new TopCustomer(c.customerId(), c.name(), c.orders(), money(c.total())))
                .toList();
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
