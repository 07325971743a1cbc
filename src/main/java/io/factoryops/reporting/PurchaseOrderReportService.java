package io.factoryops.reporting;

import static io.factoryops.platform.db.SqlReads.money;

import io.factoryops.procurement.PurchaseOrderFacts;
import io.factoryops.procurement.PurchaseOrderStatus;
import io.factoryops.reporting.PurchaseOrderReport.OverduePurchaseOrder;
import io.factoryops.reporting.PurchaseOrderReport.PurchaseOrderTotals;
import io.factoryops.reporting.PurchaseOrderReport.PurchaseOrdersByStatus;
import io.factoryops.reporting.PurchaseOrderReport.PurchaseOrdersBySupplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The purchase-order report, live from procurement's indexed reads ({@link PurchaseOrderFacts}): the period's
 * orders by status and by supplier (the period's range of ix_purchase_orders_created, or of
 * ix_purchase_orders_supplier for one supplier), its approvals (ix_purchase_orders_approved, V19) and the overdue
 * orders (two ranges of ix_purchase_orders_status_expected, V19).
 */
@ApplicationScoped
@Transactional
public class PurchaseOrderReportService {

    @Inject
    PurchaseOrderFacts orders;

    public PurchaseOrderReport report(ReportPeriod period, Long supplier, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

        Map<PurchaseOrderStatus, PurchaseOrdersByStatus> statuses = new EnumMap<>(PurchaseOrderStatus.class);
        for (PurchaseOrderStatus status : PurchaseOrderStatus.values()) {
            statuses.put(status, new PurchaseOrdersByStatus(status.value(), 0, money(null)));
        }
        for (PurchaseOrderFacts.StatusTotal t : orders.createdPerStatus(period.start(), period.end(), supplier)) {
            statuses.put(t.status(), new PurchaseOrdersByStatus(t.status().value(), t.orders(), money(t.amount())));
        }
        List<PurchaseOrdersByStatus> byStatus = List.copyOf(statuses.values());

        List<PurchaseOrdersBySupplier> suppliers =
                orders.createdPerSupplier(period.start(), period.end(), supplier).stream()
                        .map(t -> new PurchaseOrdersBySupplier(
                                t.supplierId(), t.code(), t.name(), t.orders(), money(t.amount())))
                        .toList();

        List<Duration> approvals = orders.approvals(period.start(), period.end(), supplier).stream()
                .map(a -> a.submittedAt() == null ? Duration.ZERO : Duration.between(a.submittedAt(), a.approvedAt()))
                .toList();
        BigDecimal averageHours = approvals.isEmpty()
                ? null
                : BigDecimal.valueOf(
                                approvals.stream().mapToLong(Duration::toMillis).sum())
                        .divide(BigDecimal.valueOf(approvals.size() * 3_600_000L), 2, RoundingMode.HALF_UP);

        long overdueCount = orders.overdueCount(today, supplier);
        List<OverduePurchaseOrder> overdue = orders.overdue(today, supplier, limit).stream()
                .map(o -> new OverduePurchaseOrder(
                        o.id(),
                        o.poNumber(),
                        o.supplierId(),
                        o.supplierName(),
                        o.status().value(),
                        o.expectedDate(),
                        ChronoUnit.DAYS.between(o.expectedDate(), today),
                        money(o.totalAmount())))
                .toList();

        PurchaseOrderTotals totals = new PurchaseOrderTotals(
                byStatus.stream()
                        .mapToLong(PurchaseOrdersByStatus::purchaseOrders)
                        .sum(),
                byStatus.stream().map(PurchaseOrdersByStatus::totalAmount).reduce(money(null), BigDecimal::add),
                approvals.size(),
                averageHours,
                overdueCount);
        return new PurchaseOrderReport(
                period.from(), period.to(), now, supplier, limit, List.of(totals), byStatus, suppliers, overdue);
    }
}
