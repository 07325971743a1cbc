package io.factoryops.reporting;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import io.factoryops.procurement.SupplierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The reports from their query parameters as the client gave them ({@link ReportParameters}): one parser per report, for its endpoint
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

    InventoryReport inventory(ReportParameters.Inventory p) {
        ReportPeriod period = period(p);
        Long days = Params.optionalLong("slow_days", p.slowDays, 1, 3650);
        return inventory.report(
                period,
                new InventoryReportService.Filter(
                        p.place.category(),
                        p.place.location(),
                        days == null ? 90 : days.intValue(),
                        limit(p.limit, 100, 1000)));
    }

    PurchaseOrderReport purchaseOrders(ReportParameters.PurchaseOrders p) {
        ReportPeriod period = period(p);
        return purchaseOrders.report(period, supplier(p.supplier), limit(p.limit, 100, 1000));
    }

    SupplierReport suppliers(ReportParameters.Suppliers p) {
        ReportPeriod period = period(p);
        return suppliers.report(period, supplier(p.supplier), limit(p.limit, 100, 1000));
    }

    AnalyticsReport analytics(ReportParameters.Analytics p) {
        ReportPeriod period = period(p);
        Granularity g = Params.optionalEnum("granularity", p.granularity, Granularity.values(), Granularity::value);
        return analytics.report(period, g == null ? Granularity.DAY : g, limit(p.limit, 10, 100));
    }

    private static ReportPeriod period(ReportParameters.Period p) {
        return ReportPeriod.of(p.from(), p.to(), LocalDate.now(ZoneOffset.UTC));
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
