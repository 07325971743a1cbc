package io.factoryops.reporting;

import static io.factoryops.reporting.ReportSql.money;

import io.factoryops.procurement.PurchaseOrderStatus;
import io.factoryops.reporting.SupplierReport.SupplierPerformance;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReferenceType;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The supplier report, live from indexed queries over the period: its receipts
 * (ix_purchase_order_receipts_received) with their ledger rows, the purchase orders received whole
 * (ix_purchase_orders_received, V19) and rejected (ix_purchase_orders_rejected, V19), then the suppliers
 * concerned by primary key.
 */
@ApplicationScoped
@Transactional
public class SupplierReportService {

    @Inject
    ReportSql sql;

    /** What one supplier did in the period, summed up as the rows are read. */
    private static final class Activity {
        BigDecimal spend = money(null);
        long received;
        long onTime;
        long withExpectedDate;
        long leadTimeMillis;
        long withLeadTime;
        long rejected;
    }

    public SupplierReport report(ReportPeriod period, Long supplier, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String bySupplier = supplier == null ? "" : " AND po.supplier_id = ?";
        Map<Long, Activity> activity = new HashMap<>();

        List<Object> spendParameters = new ArrayList<>(List.of(
                StockReferenceType.PURCHASE_ORDER_RECEIPT, StockReason.PURCHASE_RECEIPT, period.start(), period.end()));
        if (supplier != null) {
            spendParameters.add(supplier);
        }
        sql.list(
                "SELECT po.supplier_id, COALESCE(SUM(m.delta * l.unit_cost), 0) FROM purchase_order_receipts r "
                        + "JOIN purchase_orders po ON po.id = r.purchase_order_id "
                        + "JOIN stock_movements m ON m.reference_type = ? AND m.reference_id = r.id AND m.reason = ? "
                        + "JOIN parts p ON p.stock_item_id = m.stock_item_id "
                        + "JOIN purchase_order_lines l ON l.purchase_order_id = r.purchase_order_id AND l.part_id = p.id "
                        + "WHERE r.received_at >= ? AND r.received_at <= ?" + bySupplier + " GROUP BY po.supplier_id",
                spendParameters,
                rs -> activity.computeIfAbsent(rs.getLong(1), k -> new Activity()).spend = money(rs.getBigDecimal(2)));

        List<Object> periodParameters = new ArrayList<>(List.of(period.start(), period.end()));
        if (supplier != null) {
            periodParameters.add(supplier);
        }
        List<Object> receivedParameters = new ArrayList<>(periodParameters);
        receivedParameters.add(0, PurchaseOrderStatus.RECEIVED);
        sql.list(
                "SELECT po.supplier_id, po.approved_at, po.received_at, po.expected_date FROM purchase_orders po "
                        + "WHERE po.status = ? AND po.received_at >= ? AND po.received_at <= ?" + bySupplier,
                receivedParameters,
                rs -> {
                    Activity a = activity.computeIfAbsent(rs.getLong(1), k -> new Activity());
                    Instant approved = ReportSql.instant(rs, 2);
                    Instant received = ReportSql.instant(rs, 3);
                    java.sql.Date expected = rs.getDate(4);
                    a.received++;
                    if (expected != null) {
                        a.withExpectedDate++;
                        if (!LocalDate.ofInstant(received, ZoneOffset.UTC).isAfter(expected.toLocalDate())) {
                            a.onTime++;
                        }
                    }
                    if (approved != null) {
                        a.withLeadTime++;
                        a.leadTimeMillis += Duration.between(approved, received).toMillis();
                    }
                    return a;
                });
        sql.list(
                "SELECT po.supplier_id, COUNT(*) FROM purchase_orders po WHERE po.rejected_at >= ? "
                        + "AND po.rejected_at <= ?" + bySupplier + " GROUP BY po.supplier_id",
                periodParameters,
                rs -> activity.computeIfAbsent(rs.getLong(1), k -> new Activity()).rejected = rs.getLong(2));

        List<SupplierPerformance> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>(new TreeSet<>(activity.keySet()));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            rows.addAll(sql.list(
                    "SELECT id, code, name, lead_time_days FROM suppliers WHERE id IN ("
                            + ReportSql.placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> performance(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            ReportSql.integer(rs, 4),
                            activity.get(rs.getLong(1)))));
        }
        rows.sort(Comparator.comparing(SupplierPerformance::spend)
                .reversed()
                .thenComparing(SupplierPerformance::supplierId));
        return new SupplierReport(
                period.from(),
                period.to(),
                now,
                supplier,
                limit,
                rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows);
    }

    private static SupplierPerformance performance(long id, String code, String name, Integer promised, Activity a) {
        BigDecimal rate = a.withExpectedDate == 0
                ? null
                : BigDecimal.valueOf(a.onTime).divide(BigDecimal.valueOf(a.withExpectedDate), 4, RoundingMode.HALF_UP);
        BigDecimal leadTime = a.withLeadTime == 0
                ? null
                : BigDecimal.valueOf(a.leadTimeMillis)
                        .divide(BigDecimal.valueOf(a.withLeadTime * 86_400_000L), 2, RoundingMode.HALF_UP);
        BigDecimal variance = leadTime == null || promised == null
                ? null
                : leadTime.subtract(BigDecimal.valueOf(promised)).setScale(2, RoundingMode.HALF_UP);
        return new SupplierPerformance(
                id,
                code,
                name,
                promised,
                a.spend,
                a.received,
                a.onTime,
                a.withExpectedDate,
                rate,
                leadTime,
                variance,
                a.rejected);
    }
}
