package io.factoryops.reporting;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import io.factoryops.procurement.SupplierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The reports from their query parameters as the client gave them: one parser per report, for its endpoint
 * ({@link ReportResource}) and its export ({@link ReportExportResource}), so that both answer the same 400s.
 */
@ApplicationScoped
class ReportQueries {

    @Inject
    InventoryReportService inventory;

    @Inject
    PurchaseOrderReportService purchaseOrders;

    @Inject
    SupplierReportService suppliers;

    @Inject
    AnalyticsReportService analytics;

    @Inject
    SupplierService supplierService;

    InventoryReport inventory(String dateFrom, String dateTo, String category, String location, String slowDays,
                              String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        Long days = Params.optionalLong("slow_days", slowDays, 1, 3650);
        return inventory.report(period, new InventoryReportService.Filter(Params.optionalId("category", category),
                Params.optionalId("location", location), days == null ? 90 : days.intValue(),
                limit(limit, 100, 1000)));
    }

    PurchaseOrderReport purchaseOrders(String dateFrom, String dateTo, String supplier, String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        return purchaseOrders.report(period, supplier(supplier), limit(limit, 100, 1000));
    }

    SupplierReport suppliers(String dateFrom, String dateTo, String supplier, String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        return suppliers.report(period, supplier(supplier), limit(limit, 100, 1000));
    }

    AnalyticsReport analytics(String dateFrom, String dateTo, String granularity, String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        Granularity g = Params.optionalEnum("granularity", granularity, Granularity.values(), Granularity::value);
        return analytics.report(period, g == null ? Granularity.DAY : g, limit(limit, 10, 100));
    }

    private static ReportPeriod period(String dateFrom, String dateTo) {
        LocalDate from = Params.optionalDate("date_from", dateFrom);
        LocalDate to = Params.optionalDate("date_to", dateTo);
        return ReportPeriod.of(from, to, LocalDate.now(ZoneOffset.UTC));
    }

    private static int limit(String value, int defaultLimit, int max) {
        Long limit = Params.optionalLong("limit", value, 1, max);
        return limit == null ? defaultLimit : limit.intValue();
    }

    private Long supplier(String value) {
        Long id = Params.optionalId("supplier", value);
        if (id != null && !supplierService.exists(id)) {
            throw ApiException.notFoundField("supplier", "Supplier", id);
        }
        return id;
    }
}
