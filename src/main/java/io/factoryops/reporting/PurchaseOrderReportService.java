package io.factoryops.reporting;

import static io.factoryops.reporting.ReportSql.money;

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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The purchase-order report, live from indexed queries: the period's orders by status and by supplier
 * (the period's range of ix_purchase_orders_created, or of ix_purchase_orders_supplier for one supplier), its
 * approvals (ix_purchase_orders_approved, V19) and the overdue orders (two ranges of
 * ix_purchase_orders_status_expected, V19).
 */
@ApplicationScoped
@Transactional
public class PurchaseOrderReportService {

    static final List<PurchaseOrderStatus> OPEN =
            List.of(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    @Inject
    ReportSql sql;

    public PurchaseOrderReport report(ReportPeriod period, Long supplier, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String bySupplier = supplier == null ? "" : " AND po.supplier_id = ?";
        List<Object> created = parameters(supplier, period.start(), period.end());

        Map<PurchaseOrderStatus, PurchaseOrdersByStatus> statuses = new EnumMap<>(PurchaseOrderStatus.class);
        for (PurchaseOrderStatus status : PurchaseOrderStatus.values()) {
            statuses.put(status, new PurchaseOrdersByStatus(status.value(), 0, money(null)));
        }
        sql.list(
                "SELECT po.status, COUNT(*), COALESCE(SUM(po.total_amount), 0) FROM purchase_orders po "
                        + "WHERE po.created_at >= ? AND po.created_at <= ?" + bySupplier + " GROUP BY po.status",
                created,
                rs -> {
                    PurchaseOrderStatus status = PurchaseOrderStatus.valueOf(rs.getString(1));
                    return statuses.put(
                            status,
                            new PurchaseOrdersByStatus(status.value(), rs.getLong(2), money(rs.getBigDecimal(3))));
                });
        List<PurchaseOrdersByStatus> byStatus = List.copyOf(statuses.values());

        List<PurchaseOrdersBySupplier> suppliers = sql.list(
                "SELECT po.supplier_id, s.code, s.name, COUNT(*), "
                        + "COALESCE(SUM(po.total_amount), 0) FROM purchase_orders po "
                        + "JOIN suppliers s ON s.id = po.supplier_id "
                        + "WHERE po.created_at >= ? AND po.created_at <= ?" + bySupplier
                        + " GROUP BY po.supplier_id, s.code, s.name ORDER BY 5 DESC, 1",
                created,
                rs -> new PurchaseOrdersBySupplier(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), money(rs.getBigDecimal(5))));

        List<Duration> approvals = sql.list(
                "SELECT po.submitted_at, po.approved_at FROM purchase_orders po "
                        + "WHERE po.approved_at >= ? AND po.approved_at <= ?" + bySupplier,
                created,
                rs -> {
                    Instant submitted = ReportSql.instant(rs, 1);
                    Instant approved = ReportSql.instant(rs, 2);
                    return submitted == null ? Duration.ZERO : Duration.between(submitted, approved);
                });
        BigDecimal averageHours = approvals.isEmpty()
                ? null
                : BigDecimal.valueOf(
                                approvals.stream().mapToLong(Duration::toMillis).sum())
                        .divide(BigDecimal.valueOf(approvals.size() * 3_600_000L), 2, RoundingMode.HALF_UP);

        String overdueWhere = "FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id "
                + "WHERE po.status IN (?, ?) AND po.expected_date < ?" + bySupplier;
        List<Object> overdueParameters = new ArrayList<>(List.of(OPEN.get(0), OPEN.get(1), today));
        if (supplier != null) {
            overdueParameters.add(supplier);
        }
        long overdueCount = sql.count("SELECT COUNT(*) " + overdueWhere, overdueParameters);
        List<Object> limited = new ArrayList<>(overdueParameters);
        limited.add(limit);
        List<OverduePurchaseOrder> overdue = sql.list(
                "SELECT po.id, po.po_number, po.supplier_id, s.name, "
                        + "po.status, po.expected_date, po.total_amount " + overdueWhere
                        + " ORDER BY po.expected_date, po.id LIMIT ?",
                limited,
                rs -> {
                    LocalDate expected = rs.getDate(6).toLocalDate();
                    return new OverduePurchaseOrder(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            PurchaseOrderStatus.valueOf(rs.getString(5)).value(),
                            expected,
                            ChronoUnit.DAYS.between(expected, today),
                            money(rs.getBigDecimal(7)));
                });

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

    /** The period's bounds, then the supplier when one is asked for. */
    private static List<Object> parameters(Long supplier, Instant start, Instant end) {
        List<Object> parameters = new ArrayList<>(List.of(start, end));
        if (supplier != null) {
            parameters.add(supplier);
        }
        return parameters;
    }
}
